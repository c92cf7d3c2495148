// The read-only Ceph view: health with its checks, monitors, placement groups, OSDs per host and pools with usage.
import { Alert, Badge, Group, List, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { CephView as CephData } from '../../../src-shared/ipc/channels/ceph.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { SortTh, useSorted, type SortValue } from '../../ui/SortableTable.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import '../provision/operations.css';

const TIB = 2 ** 40;
const size = (b: number): string =>
  b >= TIB ? `${(b / TIB).toFixed(2)} TiB` : `${(b / 2 ** 30).toFixed(1)} GiB`;
const pct = (f: number): string => `${(f * 100).toFixed(1)} %`;
const HEALTH_COLOR: Record<string, string> = { HEALTH_OK: 'green', HEALTH_WARN: 'yellow', HEALTH_ERR: 'red' };

type Osd = CephData['osds'][number];
type OsdCol = 'name' | 'host' | 'status' | 'deviceClass' | 'used' | 'bytesTotal';
const osdValue = (o: Osd, k: OsdCol): SortValue =>
  k === 'status'
    ? `${o.up ? 'up' : 'down'}/${o.in ? 'in' : 'out'}`
    : k === 'used'
      ? o.bytesTotal
        ? o.bytesUsed / o.bytesTotal
        : undefined
      : o[k];

function Osds({ osds }: { osds: Osd[] }) {
  const { sorted, sort, toggle } = useSorted(osds, osdValue);
  const th = (c: OsdCol, label: string) => (
    <SortTh column={c} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <Table striped highlightOnHover withTableBorder data-testid="ceph-osds">
      <Table.Thead>
        <Table.Tr>
          {th('name', 'OSD')}
          {th('host', 'Host')}
          {th('status', 'Status')}
          {th('deviceClass', 'Class')}
          {th('used', 'Used')}
          {th('bytesTotal', 'Size')}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((o) => (
          <Table.Tr key={o.id} data-testid="ceph-osd">
            <Table.Td>{o.name}</Table.Td>
            <Table.Td>{o.host}</Table.Td>
            <Table.Td>
              <Badge color={o.up && o.in ? 'green' : 'red'} variant="dot">
                {o.up ? 'up' : 'down'}/{o.in ? 'in' : 'out'}
              </Badge>
            </Table.Td>
            <Table.Td>{o.deviceClass}</Table.Td>
            <Table.Td>{o.bytesTotal ? pct(o.bytesUsed / o.bytesTotal) : ''}</Table.Td>
            <Table.Td>{size(o.bytesTotal)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Pool = CephData['pools'][number];
type PoolCol = 'name' | 'type' | 'size' | 'pgs' | 'autoscale' | 'fractionUsed';
const poolValue = (p: Pool, k: PoolCol): SortValue => p[k];

function Pools({ pools }: { pools: Pool[] }) {
  const { sorted, sort, toggle } = useSorted(pools, poolValue);
  const th = (c: PoolCol, label: string) => (
    <SortTh column={c} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <Table striped highlightOnHover withTableBorder data-testid="ceph-pools">
      <Table.Thead>
        <Table.Tr>
          {th('name', 'Pool')}
          {th('type', 'Type')}
          {th('size', 'Size/min')}
          {th('pgs', 'PGs')}
          {th('autoscale', 'Autoscale')}
          {th('fractionUsed', 'Used')}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((p) => (
          <Table.Tr key={p.id} data-testid="ceph-pool">
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.type}</Table.Td>
            <Table.Td>
              {p.size}/{p.minSize}
            </Table.Td>
            <Table.Td>{p.pgs}</Table.Td>
            <Table.Td>{p.autoscale}</Table.Td>
            <Table.Td>
              {size(p.bytesUsed)} ({pct(p.fractionUsed)})
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Health({ v }: { v: CephData }) {
  const used = v.bytesTotal ? v.bytesUsed / v.bytesTotal : 0;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="sm">
          <Text size="sm">Health</Text>
          <Badge color={HEALTH_COLOR[v.health] ?? 'gray'} variant="dot" data-testid="ceph-health">
            {v.health}
          </Badge>
          <Text size="sm" c="dimmed">
            monitors {v.monitors.join(', ')} · OSDs {v.osdCounts.up}/{v.osdCounts.total} up, {v.osdCounts.in}{' '}
            in
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            Used {size(v.bytesUsed)} of {size(v.bytesTotal)}
          </Text>
          <Progress
            value={used * 100}
            color={used > 0.85 ? 'red' : used > 0.7 ? 'yellow' : 'blue'}
            w={240}
            aria-label={`Ceph storage used: ${pct(used)}`}
          />
        </Group>
        <Text size="sm">
          Placement groups: {v.pgs.byState.map((p) => `${p.count} ${p.state}`).join(', ')} ({v.pgs.total})
        </Text>
      </Stack>
    </Paper>
  );
}

export function CephView() {
  const { clusterId, picker } = useClusterChoice();
  const ceph = useClusterRead(
    'ceph.view',
    clusterId ? { profileId: clusterId } : undefined,
    'Cannot read Ceph',
  );
  return (
    <ClusterViewFrame
      testId="ceph-view"
      title="Ceph"
      description="Health, monitors, placement groups, OSDs and pools of the cluster's Ceph storage (read-only)."
      clusterId={clusterId}
      picker={picker}
      data={ceph.data}
      error={ceph.error?.error}
      onReload={ceph.reload}
    >
      {(v) =>
        !v.configured ? (
          <Alert color="gray" variant="light" title="Ceph is not configured" data-testid="ceph-none">
            Ceph is not configured on this cluster{v.message ? `: ${v.message}` : ''}. Set it up in the PVE
            web interface (Node → Ceph) to see its health here.
          </Alert>
        ) : (
          <Stack gap="md">
            <Health v={v} />
            {v.checks.length > 0 && (
              <Alert color="yellow" variant="light" title="Health checks">
                <List size="sm" data-testid="ceph-checks">
                  {v.checks.map((c) => (
                    <List.Item key={c.id}>
                      {c.severity} {c.id}: {c.message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Title order={2} size="h4">
              OSDs
            </Title>
            <Osds osds={v.osds} />
            <Title order={2} size="h4">
              Pools
            </Title>
            <Pools pools={v.pools} />
          </Stack>
        )
      }
    </ClusterViewFrame>
  );
}
