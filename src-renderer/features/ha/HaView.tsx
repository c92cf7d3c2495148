// The cluster-wide HA view: quorum, manager, fencing, node LRM states, resources (requested vs current), rules or groups.
import { Alert, Button, List, Stack, Table, Text, Title } from '@mantine/core';
import { RefreshCw } from 'lucide-react';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { Page } from '../../ui/Page.js';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { blockedReason } from '../permissions/read-only-reason.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { withoutClock } from './ha-status-text.js';
import { HaStateControls } from './HaStateControls.js';
import type { HaView as HaData } from '../../../src-shared/ipc/channels/ha.js';
import '../provision/operations.css';

type Col = 'sid' | 'requested' | 'current' | 'node';
type Resource = HaData['resources'][number];
const valueOf = (r: Resource, k: Col): string => r[k];

function Summary({ v }: { v: HaData }) {
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="ha-quorum">
        Quorum: <strong>{v.quorate ? 'OK' : v.quorumStatus}</strong> · manager{' '}
        {v.manager ? v.manager.status : 'none'} · fencing {v.fencing ?? '–'} · PVE {v.version}
      </Text>
      <Table withTableBorder data-testid="ha-nodes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Node</Table.Th>
            <Table.Th>Local resource manager</Table.Th>
            <Table.Th>Last update</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.nodes.map((n) => (
            <Table.Tr key={n.node} data-testid="ha-node">
              <Table.Td>{n.node}</Table.Td>
              <Table.Td>{withoutClock(n.status)}</Table.Td>
              <Table.Td>{n.since !== undefined ? <RelativeTime at={n.since} /> : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(v.problems ?? []).map((p, i) => (
        <Alert
          key={`problem-${i}`}
          color="yellow"
          variant="light"
          className="warning"
          data-testid="ha-problem"
        >
          {p}
        </Alert>
      ))}
    </Stack>
  );
}

function Rules({ v }: { v: HaData }) {
  return (
    <>
      <Title order={2} size="h4">
        {Number(v.version.split('.')[0]) >= 9 ? 'Rules' : 'Groups'}
      </Title>
      <List size="sm" data-testid="ha-rules">
        {v.rules.map((r) => (
          <List.Item key={r.id}>
            {r.id} ({r.type}
            {r.enabled ? '' : ', disabled'}): {r.resources.join(', ')} — {r.detail}
          </List.Item>
        ))}
        {v.groups.map((g) => (
          <List.Item key={g.id}>
            {g.id}: nodes {g.nodes}
            {g.restricted ? ', restricted' : ''}
            {g.nofailback ? ', no failback' : ''}
          </List.Item>
        ))}
        {v.rules.length + v.groups.length === 0 && (
          <List.Item>
            <Text size="sm" c="dimmed">
              none
            </Text>
          </List.Item>
        )}
      </List>
    </>
  );
}

export function HaView() {
  const { clusterId, picker } = useClusterChoice();
  const readOnly = useReadOnly(clusterId);
  const ha = useClusterRead(
    'operations.ha',
    clusterId ? { profileId: clusterId } : undefined,
    'Cannot read HA state',
  );
  const flow = usePlanFlow(clusterId, ha.reload, planOperation);
  const v = ha.data;
  const act = (a: OperationAction): void => void flow.start(a);
  const blocked = blockedReason(readOnly, flow.building);
  const { sorted, sort, toggle } = useSorted(v?.resources ?? [], valueOf, { key: 'sid', desc: false });
  return (
    <section className="ops-view" data-testid="ha-view">
      <Page
        title="High availability"
        description="Quorum, the HA manager and each node's resource manager, and the guests HA keeps running."
        actions={
          <>
            {picker}
            <Button
              variant="default"
              leftSection={<RefreshCw size={14} aria-hidden />}
              onClick={ha.reload}
              disabled={!clusterId}
            >
              Reload
            </Button>
          </>
        }
        loading={Boolean(clusterId) && !v && !ha.error}
        {...(ha.error ? { error: ha.error.error, onRetry: ha.reload } : {})}
        empty={
          !clusterId && {
            title: 'No cluster connected',
            hint: 'Connect a cluster on the Clusters screen to see its HA state.',
          }
        }
      >
        {v && (
          <Stack gap="md">
            <Summary v={v} />
            <Title order={2} size="h4">
              Resources
            </Title>
            {v.resources.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="ha-resources-empty">
                No guest is managed by HA. Add one from a guest&apos;s “HA &amp; migrate” tab.
              </Text>
            ) : (
              <Table striped highlightOnHover withTableBorder data-testid="ha-resources">
                <Table.Thead>
                  <Table.Tr>
                    <SortTh column="sid" sort={sort} onSort={toggle}>
                      Resource
                    </SortTh>
                    <SortTh column="requested" sort={sort} onSort={toggle}>
                      Requested
                    </SortTh>
                    <SortTh column="current" sort={sort} onSort={toggle}>
                      Current
                    </SortTh>
                    <SortTh column="node" sort={sort} onSort={toggle}>
                      Node
                    </SortTh>
                    <Table.Th>Actions</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sorted.map((r) => (
                    <Table.Tr key={r.sid} data-testid="ha-resource" data-sid={r.sid}>
                      <Table.Td>
                        {r.sid}
                        {r.comment ? ` — ${r.comment}` : ''}
                      </Table.Td>
                      <Table.Td>{r.requested}</Table.Td>
                      <Table.Td data-testid="ha-resource-current">
                        <Text size="sm" fw={600}>
                          {r.current}
                        </Text>
                      </Table.Td>
                      <Table.Td data-testid="ha-resource-node">{r.node}</Table.Td>
                      <Table.Td>
                        <HaStateControls
                          resource={r}
                          nodes={v.nodes.map((n) => n.node)}
                          profileId={clusterId ?? ''}
                          blocked={blocked}
                          onAction={act}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Rules v={v} />
          </Stack>
        )}
      </Page>
      {flow.dialog}
    </section>
  );
}
