// One cluster's pending updates per node: version from → to, kernel and pve-manager highlighted, a changelog on demand,
// and "open shell": the upgrade command goes to the clipboard and the node shell opens (Proxdeck never runs it).
import { Badge, Button } from '@mantine/core';
import { Fragment, useState } from 'react';
import { notify } from '../../ui/notifications/notify.js';
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
    const copied = await navigator.clipboard
      ?.writeText(UPGRADE_COMMAND)
      .then(() => true)
      .catch(() => false);
    detachConsole({ profileId, node, type: 'node' });
    notify.info(
      copied ? 'Upgrade command copied' : 'Copy the upgrade command',
      `Paste "${UPGRADE_COMMAND}" in the shell of ${node}: Proxdeck does not run it.`,
    );
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
                  <Badge color="orange" variant="light" ml="xs" data-testid="updates-reboot">
                    new kernel: reboot after upgrading
                  </Badge>
                )}
              </th>
              <td>
                {n.updates.length > 0 && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void shell(n.node)}
                    data-testid="updates-shell"
                  >
                    Open shell with the upgrade command
                  </Button>
                )}
              </td>
            </tr>
            {n.updates.map((u) => (
              <Fragment key={u.name}>
                <tr data-testid="updates-package" data-name={u.name} data-kind={u.kind}>
                  <td>
                    {u.name}
                    {u.kind !== 'other' && (
                      <Badge color={u.kind === 'kernel' ? 'orange' : 'blue'} variant="light" ml="xs">
                        {u.kind}
                      </Badge>
                    )}
                  </td>
                  <td>
                    {u.from ?? 'new'} → {u.to}
                  </td>
                  <td className="muted">{u.title}</td>
                  <td>
                    <Button size="xs" variant="subtle" onClick={() => void changelog(n.node, u.name, u.to)}>
                      Changelog
                    </Button>
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
