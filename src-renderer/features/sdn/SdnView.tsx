// The SDN view: zones, vnets and subnets with their pending state; create a vnet or subnet and apply pending changes through plans.
import {
  Badge,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { SdnAction, SdnView as SdnData } from '../../../src-shared/ipc/channels/sdn.js';
import { planSdn, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { SortTh, useSorted, type SortValue } from '../../ui/SortableTable.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import '../provision/operations.css';

const BUILDING = 'a plan is being prepared';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

type Pending = { state?: string | undefined; pending: Record<string, string> };
const stateText = (o: Pending): string =>
  o.state
    ? `${o.state}${
        Object.keys(o.pending).length
          ? ` (${Object.entries(o.pending)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')})`
          : ''
      }`
    : 'applied';
const STATE_COLOR: Record<string, string> = { new: 'blue', changed: 'yellow', deleted: 'red' };

function StateBadge({ o, testId }: { o: Pending; testId?: string }) {
  return (
    <Badge color={STATE_COLOR[o.state ?? ''] ?? 'green'} variant="dot" data-testid={testId}>
      {stateText(o)}
    </Badge>
  );
}

/** A sortable Mantine table of one SDN list; `cells` renders a row's cells in column order. */
function SdnTable<T extends { id: string }, K extends string>({
  rows,
  columns,
  valueOf,
  testId,
  rowProps,
  cells,
}: {
  rows: T[];
  columns: Array<[K, string]>;
  valueOf(row: T, key: K): SortValue;
  testId: string;
  rowProps(row: T): Record<`data-${string}`, string>;
  cells(row: T): ReactNode;
}) {
  const { sorted, sort, toggle } = useSorted(rows, valueOf);
  return (
    <Table striped highlightOnHover withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map(([c, label]) =>
            c.startsWith('_') ? (
              <Table.Th key={c}>{label}</Table.Th>
            ) : (
              <SortTh key={c} column={c} sort={sort} onSort={toggle}>
                {label}
              </SortTh>
            ),
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((r) => (
          <Table.Tr key={r.id} {...rowProps(r)}>
            {cells(r)}
          </Table.Tr>
        ))}
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={columns.length}>
              <Text size="sm" c="dimmed">
                None yet.
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  );
}

type Zone = SdnData['zones'][number];
type Vnet = SdnData['vnets'][number];
type Subnet = SdnData['subnets'][number];
const pick = <T,>(row: T, key: string): SortValue => {
  const v = (row as Record<string, unknown>)[key];
  return typeof v === 'number' || typeof v === 'string' ? v : undefined;
};

function VnetForm({
  v,
  profileId,
  building,
  onPlan,
}: {
  v: SdnData;
  profileId: string;
  building: boolean;
  onPlan(a: SdnAction): void;
}) {
  const [f, setF] = useState<{ id: string; zone: string; tag: number | undefined }>({
    id: '',
    zone: '',
    tag: undefined,
  });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const zone = f.zone || v.zones[0]?.id || '';
  const submit = (): void => {
    const bad: Record<string, string> = {};
    if (!/^[a-z][a-z0-9]{0,7}$/i.test(f.id.trim()))
      bad.id = 'VNet name: letters and digits, up to 8, starting with a letter (e.g. vnet40).';
    if (!zone) bad.zone = 'Zone: create a zone first (Datacenter → SDN → Zones).';
    if (f.tag !== undefined && (!Number.isInteger(f.tag) || f.tag < 1 || f.tag > 16_777_215))
      bad.tag = 'Tag: a whole number from 1 to 16777215, or empty.';
    setProblems(bad);
    if (Object.keys(bad).length > 0) return;
    onPlan({ kind: 'sdn.vnet.create', vnet: f.id.trim(), zone, ...(f.tag ? { tag: f.tag } : {}) });
  };
  return (
    <FormBox testId="sdn-vnet-form" title="New VNet" problems={problems} onSubmit={submit}>
      <TextInput
        size="xs"
        label="VNet"
        value={f.id}
        onChange={(e) => setF({ ...f, id: e.currentTarget.value })}
        error={problems.id}
        data-testid="sdn-vnet-id"
      />
      <NativeSelect
        size="xs"
        label="Zone"
        value={zone}
        onChange={(e) => setF({ ...f, zone: e.currentTarget.value })}
        data={v.zones.map((z) => z.id)}
        error={problems.zone}
        data-testid="sdn-vnet-zone"
      />
      <NumberInput
        size="xs"
        label="Tag (VLAN/VXLAN id)"
        value={f.tag ?? ''}
        min={1}
        max={16_777_215}
        allowDecimal={false}
        allowNegative={false}
        onChange={(x) => setF({ ...f, tag: typeof x === 'number' ? x : undefined })}
        error={problems.tag}
        data-testid="sdn-vnet-tag"
      />
      <ActionButton
        action="sdn.vnet.create"
        vars={{ profileId, zone }}
        size="xs"
        type="submit"
        disabled={building && BUILDING}
        onClick={() => undefined}
        testId="sdn-vnet-submit"
      >
        Plan new vnet
      </ActionButton>
    </FormBox>
  );
}

function SubnetForm({
  v,
  profileId,
  building,
  onPlan,
}: {
  v: SdnData;
  profileId: string;
  building: boolean;
  onPlan(a: SdnAction): void;
}) {
  const [f, setF] = useState({ vnet: '', cidr: '', gateway: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const vnet = f.vnet || v.vnets[0]?.id || '';
  const submit = (): void => {
    const bad: Record<string, string> = {};
    if (!vnet) bad.vnet = 'VNet: create a vnet first.';
    if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(f.cidr.trim()))
      bad.cidr = 'Subnet: an IPv4 network with its prefix length, like 10.0.0.0/24.';
    if (f.gateway.trim() && !IPV4.test(f.gateway.trim()))
      bad.gateway = 'Gateway: an IPv4 address inside the subnet, like 10.0.0.1, or empty.';
    setProblems(bad);
    if (Object.keys(bad).length > 0) return;
    onPlan({
      kind: 'sdn.subnet.create',
      vnet,
      cidr: f.cidr.trim(),
      ...(f.gateway.trim() ? { gateway: f.gateway.trim() } : {}),
    });
  };
  return (
    <FormBox testId="sdn-subnet-form" title="New subnet" problems={problems} onSubmit={submit}>
      <NativeSelect
        size="xs"
        label="VNet"
        value={vnet}
        onChange={(e) => setF({ ...f, vnet: e.currentTarget.value })}
        data={v.vnets.map((n) => n.id)}
        error={problems.vnet}
        data-testid="sdn-subnet-vnet"
      />
      <TextInput
        size="xs"
        label="Subnet (CIDR)"
        placeholder="10.0.0.0/24"
        value={f.cidr}
        onChange={(e) => setF({ ...f, cidr: e.currentTarget.value })}
        error={problems.cidr}
        data-testid="sdn-subnet-cidr"
      />
      <TextInput
        size="xs"
        label="Gateway"
        placeholder="10.0.0.1"
        value={f.gateway}
        onChange={(e) => setF({ ...f, gateway: e.currentTarget.value })}
        error={problems.gateway}
        data-testid="sdn-subnet-gateway"
      />
      <ActionButton
        action="sdn.subnet.create"
        vars={{ profileId, zone: v.vnets.find((n) => n.id === vnet)?.zone, vnet }}
        size="xs"
        type="submit"
        disabled={building && BUILDING}
        onClick={() => undefined}
        testId="sdn-subnet-submit"
      >
        Plan new subnet
      </ActionButton>
    </FormBox>
  );
}

function FormBox({
  testId,
  title,
  problems,
  onSubmit,
  children,
}: {
  testId: string;
  title: string;
  problems: Record<string, string>;
  onSubmit(): void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm">
      <form
        className="ops-form"
        data-testid={testId}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="xs">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Group align="flex-end" gap="sm">
            {children}
          </Group>
          {Object.keys(problems).length > 0 && (
            <Text size="sm" c="red" role="alert" data-testid={`${testId}-error`}>
              {Object.values(problems).join(' ')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

export function SdnView() {
  const { clusterId, picker } = useClusterChoice();
  const sdn = useClusterRead('sdn.view', clusterId ? { profileId: clusterId } : undefined, 'Cannot read SDN');
  const flow = usePlanFlow(clusterId, sdn.reload, planSdn);
  const v = sdn.data;
  const vars = { profileId: clusterId ?? '' };
  const plan = (action: SdnAction): void => {
    void flow.start(action);
  };
  return (
    <ClusterViewFrame
      testId="sdn-view"
      title="SDN"
      description="Software-defined networking: zones, vnets and subnets. Changes stay pending until you apply them to every node."
      clusterId={clusterId}
      picker={picker}
      data={v}
      error={sdn.error?.error}
      onReload={sdn.reload}
      bar={
        <>
          <Text size="sm" data-testid="sdn-pending">
            {v ? `${v.pendingCount} pending change${v.pendingCount === 1 ? '' : 's'}` : ''}
          </Text>
          <ActionButton
            action="sdn.apply"
            vars={vars}
            disabled={
              !v
                ? 'the SDN state is loading'
                : v.pendingCount === 0
                  ? 'nothing is pending'
                  : flow.building && BUILDING
            }
            onClick={() => plan({ kind: 'sdn.apply' })}
          >
            Apply…
          </ActionButton>
        </>
      }
      after={flow.dialog}
    >
      {(v) => (
        <Stack gap="md">
          <Title order={2} size="h4">
            Zones
          </Title>
          <SdnTable<Zone, 'id' | 'type' | 'bridge' | 'ipam' | 'state'>
            rows={v.zones}
            testId="sdn-zones"
            columns={[
              ['id', 'Zone'],
              ['type', 'Type'],
              ['bridge', 'Bridge'],
              ['ipam', 'IPAM'],
              ['state', 'State'],
            ]}
            valueOf={pick}
            rowProps={() => ({ 'data-testid': 'sdn-zone' })}
            cells={(z) => (
              <>
                <Table.Td>{z.id}</Table.Td>
                <Table.Td>{z.type}</Table.Td>
                <Table.Td>{z.bridge ?? ''}</Table.Td>
                <Table.Td>{z.ipam ?? ''}</Table.Td>
                <Table.Td>
                  <StateBadge o={z} />
                </Table.Td>
              </>
            )}
          />
          <Title order={2} size="h4">
            VNets
          </Title>
          <SdnTable<Vnet, 'id' | 'zone' | 'tag' | 'alias' | 'state' | '_actions'>
            rows={v.vnets}
            testId="sdn-vnets"
            columns={[
              ['id', 'VNet'],
              ['zone', 'Zone'],
              ['tag', 'Tag'],
              ['alias', 'Alias'],
              ['state', 'State'],
              ['_actions', 'Actions'],
            ]}
            valueOf={pick}
            rowProps={(n) => ({ 'data-testid': 'sdn-vnet', 'data-vnet': n.id })}
            cells={(n) => (
              <>
                <Table.Td>{n.id}</Table.Td>
                <Table.Td>{n.zone}</Table.Td>
                <Table.Td>{n.tag ?? ''}</Table.Td>
                <Table.Td>{n.alias ?? ''}</Table.Td>
                <Table.Td>
                  <StateBadge o={n} testId="sdn-vnet-state" />
                </Table.Td>
                <Table.Td>
                  <ActionButton
                    action="sdn.vnet.delete"
                    vars={{ ...vars, zone: n.zone, vnet: n.id }}
                    size="xs"
                    color="red"
                    disabled={
                      n.state === 'deleted' ? 'already deleted: apply to finish' : flow.building && BUILDING
                    }
                    onClick={() => plan({ kind: 'sdn.vnet.delete', vnet: n.id })}
                  >
                    Delete
                  </ActionButton>
                </Table.Td>
              </>
            )}
          />
          <VnetForm v={v} profileId={clusterId ?? ''} building={flow.building} onPlan={plan} />
          <Title order={2} size="h4">
            Subnets
          </Title>
          <SdnTable<Subnet, 'cidr' | 'vnet' | 'gateway' | 'snat' | 'state'>
            rows={v.subnets}
            testId="sdn-subnets"
            columns={[
              ['cidr', 'Subnet'],
              ['vnet', 'VNet'],
              ['gateway', 'Gateway'],
              ['snat', 'SNAT'],
              ['state', 'State'],
            ]}
            valueOf={pick}
            rowProps={() => ({ 'data-testid': 'sdn-subnet' })}
            cells={(s) => (
              <>
                <Table.Td>{s.cidr}</Table.Td>
                <Table.Td>{s.vnet}</Table.Td>
                <Table.Td>{s.gateway ?? ''}</Table.Td>
                <Table.Td>{s.snat ? 'yes' : 'no'}</Table.Td>
                <Table.Td>
                  <StateBadge o={s} />
                </Table.Td>
              </>
            )}
          />
          <SubnetForm v={v} profileId={clusterId ?? ''} building={flow.building} onPlan={plan} />
        </Stack>
      )}
    </ClusterViewFrame>
  );
}
