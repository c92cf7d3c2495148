// A plan's before → after diff: removed in red, added in green, property-string sub-keys listed under their key.
import type { DiffEntry } from '../../../src-shared/plans/diff.js';

const LABEL: Record<DiffEntry['kind'], string> = {
  config: 'config',
  pending: 'pending (needs restart)',
  power: 'power',
  'snapshot-tree': 'snapshots',
  role: 'role',
  user: 'user',
  token: 'token',
  acl: 'acl',
};

export function diffText(e: Pick<DiffEntry, 'key' | 'before' | 'after'>): string {
  return `${e.key}: ${e.before ?? '(none)'} → ${e.after ?? '(removed)'}`;
}

export function DiffView({ diff }: { diff: readonly DiffEntry[] }) {
  if (diff.length === 0) return <p className="muted">No visible change.</p>;
  return (
    <ul className="cdd-diff" data-testid="plan-diff">
      {diff.map((e) => (
        <li
          key={`${e.kind}:${e.key}`}
          className={`cdd-diff-${e.change}`}
          data-testid="plan-diff-line"
          data-kind={e.kind}
        >
          <span className="cdd-kind">{LABEL[e.kind]}</span>
          <span className="cdd-key">{e.key}: </span>
          {e.before !== undefined && <del className="cdd-before">{e.before}</del>}
          {e.before !== undefined && e.after !== undefined && <span aria-hidden> → </span>}
          {e.after !== undefined && <ins className="cdd-after">{e.after}</ins>}
          <span className="sr-only" data-testid="plan-diff-text">
            {diffText(e)}
          </span>
          {e.subkeys && (
            <ul className="cdd-subkeys">
              {e.subkeys.map((s) => (
                <li key={s.key}>
                  {s.key || '(volume)'}: {s.before !== undefined && <del>{s.before}</del>}{' '}
                  {s.after !== undefined && <ins>{s.after}</ins>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
