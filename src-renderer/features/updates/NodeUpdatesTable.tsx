// One cluster's pending updates per node: version from → to, kernel and pve-manager highlighted, a changelog on demand,
// and "open shell": the upgrade command goes to the clipboard and the node shell opens (Proxdeck never runs it).
import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { FileText, Terminal } from 'lucide-react';
import { Fragment, useState } from 'react';
import { notify } from '../../ui/notifications/notify.js';
import { SortTh, type SortState } from '../../ui/SortableTable.js';
import { UPGRADE_COMMAND, type NodeUpdates } from '../../../src-shared/ipc/channels/updates.js';
import { request } from '../../request.js';
import { detachConsole } from '../console/console-route.js';

type Update = NodeUpdates['updates'][number];
type Col = 'name' | 'to' | 'title';

function sortedUpdates(updates: Update[], sort: SortState<Col>): Update[] {
  const { key, desc } = sort;
  if (!key) return updates;
  return [...updates].sort((a, b) => (desc ? -1 : 1) * (a[key] ?? '').localeCompare(b[key] ?? ''));
}

export function NodeUpdatesTable({ profileId, nodes }: { profileId: string; nodes: NodeUpdates[] }) {
  const [log, setLog] = useState<{ key: string; text: string }>();
  const [sort, setSort] = useState<SortState<Col>>({ key: undefined, desc: false });
  const onSort = (key: Col): void =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: false }));
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
    <Table withTableBorder highlightOnHover data-testid="updates-table" data-profile={profileId}>
      <Table.Thead>
        <Table.Tr>
          <SortTh column="name" sort={sort} onSort={onSort}>
            Package
          </SortTh>
          <SortTh column="to" sort={sort} onSort={onSort}>
            Version
          </SortTh>
          <SortTh column="title" sort={sort} onSort={onSort}>
            Description
          </SortTh>
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {nodes.map((n) => (
          <Fragment key={n.node}>
            <Table.Tr data-testid="updates-node" data-node={n.node} data-count={n.updates.length}>
              <Table.Th colSpan={3} scope="rowgroup">
                <Group gap="xs">
                  <Text fw={600} size="sm">
                    {n.node}
                  </Text>
                  {n.error ? (
                    <Text size="sm" c="red">
                      {n.error}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {n.updates.length === 0
                        ? 'up to date'
                        : `${n.updates.length} update${n.updates.length === 1 ? '' : 's'}`}
                    </Text>
                  )}
                  {n.needsReboot && (
                    <Badge color="orange" variant="dot" data-testid="updates-reboot">
                      new kernel: reboot after upgrading
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td>
                {n.updates.length > 0 && (
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<Terminal size={14} aria-hidden />}
                    onClick={() => void shell(n.node)}
                    data-testid="updates-shell"
                  >
                    Open shell with the upgrade command
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
            {sortedUpdates(n.updates, sort).map((u) => (
              <Fragment key={u.name}>
                <Table.Tr data-testid="updates-package" data-name={u.name} data-kind={u.kind}>
                  <Table.Td>
                    {u.name}
                    {u.kind !== 'other' && (
                      <Badge color={u.kind === 'kernel' ? 'orange' : 'blue'} variant="dot" ml="xs">
                        {u.kind}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {u.from ?? 'new'} → {u.to}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {u.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<FileText size={14} aria-hidden />}
                      aria-label={`Changelog of ${u.name} ${u.to}`}
                      onClick={() => void changelog(n.node, u.name, u.to)}
                    >
                      Changelog
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {log?.key === `${n.node}/${u.name}` && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Code block data-testid="updates-changelog" mah={320} style={{ overflow: 'auto' }}>
                        {log.text}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  );
}
