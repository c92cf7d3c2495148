// The audit log view: every plan Proxdeck ran (who, cluster, calls, result), newest first, with a JSON-lines export.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../src-shared/ipc/channels/audit.js';
import { request } from '../../request.js';

async function download(): Promise<void> {
  const r = await request('audit.export', {}, 'Cannot export the audit log');
  if (!r) return;
  const url = URL.createObjectURL(new Blob([r.content], { type: 'application/jsonl' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.filename;
  a.click();
  URL.revokeObjectURL(url);
}

export function AuditView() {
  const [entries, setEntries] = useState<AuditEntry[]>();
  useEffect(() => {
    let cancelled = false;
    void request('audit.list', { limit: 500 }, 'Cannot read the audit log').then(
      (r) => !cancelled && r && setEntries(r.entries),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return (
    <section data-testid="audit-view">
      <div className="plan-bar">
        <h2>Audit log</h2>
        <button type="button" onClick={() => void download()} data-testid="audit-export">
          Export (JSON lines)
        </button>
      </div>
      {!entries ? (
        <p className="muted">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="muted">Nothing has been changed through Proxdeck yet.</p>
      ) : (
        <table className="config-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Who</th>
              <th>Cluster</th>
              <th>Change</th>
              <th>Calls</th>
              <th>Result</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.planId}-${e.time}`} data-testid="audit-row">
                <td>{new Date(e.time).toLocaleString()}</td>
                <td>{e.identity}</td>
                <td>{e.cluster.name}</td>
                <td>{e.title}</td>
                <td>
                  {e.calls.map((c, i) => (
                    <div key={i}>
                      <code>
                        {c.method} {c.path}
                      </code>
                    </div>
                  ))}
                </td>
                <td className={e.result.state === 'succeeded' ? '' : 'cdd-error'}>
                  {e.result.state}
                  {e.result.error ? `: ${e.result.error}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
