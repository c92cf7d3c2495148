// The Permissions-view table: each app feature allowed / partly / denied, with the missing privileges and paths; user side beside it.
import type { FeatureRowView, PermissionsMatrix } from '../../../src-shared/ipc/channels/permissions.js';

const STATE_TEXT = { allowed: 'allowed', partly: 'partly', denied: 'denied' } as const;

function StateCell({ row }: { row: FeatureRowView | undefined }) {
  if (!row) return <td className="muted">unknown</td>;
  return (
    <td>
      <span className={`perm-state perm-${row.state}`} data-testid="feature-state">
        {STATE_TEXT[row.state]}
      </span>{' '}
      <span className="muted">
        {row.allowed}/{row.total}
      </span>
    </td>
  );
}

const targetText = (t: Record<string, string | number>): string =>
  t.vmid !== undefined ? `${String(t.type ?? 'guest')} ${t.vmid}` : '';

/** Which side a gap is on: the user lacks it too, or only the token (fix the token's ACL). */
function side(gapReason: string, userRow: FeatureRowView | undefined): string {
  if (!userRow) return '';
  return userRow.gaps.some((g) => g.reason === gapReason) ? ' (user lacks it too)' : ' (token side only)';
}

function Gaps({ row, userRow }: { row: FeatureRowView; userRow: FeatureRowView | undefined }) {
  if (row.gapCount === 0) return <td className="muted">–</td>;
  const distinct = [...new Map(row.gaps.map((g) => [g.reason, g])).values()];
  return (
    <td>
      <ul className="perm-gaps" data-testid="feature-gaps">
        {distinct.map((g) => (
          <li key={g.reason}>
            {g.reason}
            <span className="muted">
              {' '}
              · {g.action}
              {targetText(g.target) ? ` on ${targetText(g.target)}` : ''}
              {side(g.reason, userRow)}
            </span>
          </li>
        ))}
        {row.gapCount > row.gaps.length && <li className="muted">… {row.gapCount - row.gaps.length} more</li>}
      </ul>
    </td>
  );
}

export function FeatureMatrix({ matrix }: { matrix: PermissionsMatrix }) {
  const split = matrix.isToken && matrix.privsep !== false;
  return (
    <table className="perm-matrix" data-testid="permissions-matrix">
      <thead>
        <tr>
          <th>Feature</th>
          <th>{split ? 'Token (effective)' : 'Effective'}</th>
          {split && <th>User side</th>}
          <th>Missing privileges</th>
        </tr>
      </thead>
      <tbody>
        {matrix.effective.map((row) => {
          const userRow = matrix.user?.find((u) => u.id === row.id);
          return (
            <tr key={row.id} data-testid="feature-row" data-feature={row.id} data-state={row.state}>
              <th>{row.label}</th>
              <StateCell row={row} />
              {split && <StateCell row={userRow} />}
              <Gaps row={row} userRow={userRow} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
