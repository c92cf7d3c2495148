// One cluster's pending updates per node: version from → to, kernel and pve-manager highlighted, a changelog on demand,
// and "open shell": the upgrade command goes to the clipboard and the node shell opens (Proxdeck never runs it).
import { Fragment, useState } from 'react';
import { UPGRADE_COMMAND, type NodeUpdates } from '../../../src-shared/ipc/channels/updates.js';
import { request } from '../../request.js';
import { detachConsole } from '../console/console-route.js';

export function NodeUpdatesTable({ profileId, nodes }: { profileId: string; nodes: NodeUpdates[] }) {
  const [log, setLog] = useState<{ key: string; text: string }>();
  const changelog = async (node: string, name: string, version: string): Promise<void> => {
    const r = await request(
      'updates.changelog',
      { profileId, node, name, version },
      'Cannot read the changelog',
    );
    if (r) setLog({ key: `${node}/${name}`, text: r.text });
  };
  const shell = async (node: string): Promise<void> => {
    await navigator.clipboard?.writeText(UPGRADE_COMMAND).catch(() => undefined);
    detachConsole({ profileId, node, type: 'node' });
  };
  return (
    <table className="config-table" data-testid="updates-table" data-profile={profileId}>
      <tbody>
        {nodes.map((n) => (
          <Fragment key={n.node}>
            <tr data-testid="updates-node" data-node={n.node} data-count={n.updates.length}>
              <th colSpan={3}>
                {n.node}{' '}
                {n.error ? (
                  <span className="ops-refusal">{n.error}</span>
                ) : (
                  <span className="muted">
                    {n.updates.length === 0 ? 'up to date' : `${n.updates.length} update(s)`}
                  </span>
                )}
                {n.needsReboot && (
                  <strong className="ops-refusal" data-testid="updates-reboot">
                    {' '}
                    new kernel: reboot after upgrading
                  </strong>
                )}
              </th>
              <td>
                {n.updates.length > 0 && (
                  <button type="button" onClick={() => void shell(n.node)} data-testid="updates-shell">
                    Open shell (upgrade command copied)
                  </button>
                )}
              </td>
            </tr>
            {n.updates.map((u) => (
              <Fragment key={u.name}>
                <tr data-testid="updates-package" data-name={u.name} data-kind={u.kind}>
                  <td>{u.kind === 'other' ? u.name : <strong>{u.name}</strong>}</td>
                  <td>
                    {u.from ?? 'new'} → {u.to}
                  </td>
                  <td className="muted">{u.title}</td>
                  <td>
                    <button type="button" onClick={() => void changelog(n.node, u.name, u.to)}>
                      Changelog
                    </button>
                  </td>
                </tr>
                {log?.key === `${n.node}/${u.name}` && (
                  <tr>
                    <td colSpan={4}>
                      <pre data-testid="updates-changelog">{log.text}</pre>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
