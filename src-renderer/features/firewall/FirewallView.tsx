// The firewall view: pick cluster, a node or a guest; see options and rules in order; add, edit or delete a rule through a plan.
import { Badge, Group, Select, Stack, Table, Text } from '@mantine/core';
import { Plus } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type {
  FirewallAction,
  FirewallRuleInput,
  FirewallRuleView,
  FirewallScope,
} from '../../../src-shared/ipc/channels/firewall.js';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { planFirewall, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { SortTh, useSorted, type SortValue } from '../../ui/SortableTable.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { RuleForm } from './RuleForm.js';
import { guestLabel, useClusterGuests } from './useClusterGuests.js';
import '../provision/operations.css';

const BUILDING = 'a plan is being prepared';
const ACTION_OF: Record<FirewallScope['kind'], ActionId> = {
  cluster: 'firewall.cluster.rules',
  node: 'firewall.node.rules',
  guest: 'firewall.guest.rules',
};
const ACTION_COLOR: Record<string, string> = { ACCEPT: 'green', DROP: 'red', REJECT: 'orange' };

function ScopePicker({
  clusterId,
  scope,
  onChange,
}: {
  clusterId: string | undefined;
  scope: FirewallScope;
  onChange(s: FirewallScope): void;
}) {
  const { nodes, guests } = useClusterGuests(clusterId);
  const value =
    scope.kind === 'cluster'
      ? 'cluster'
      : scope.kind === 'node'
        ? `node:${scope.node}`
        : `guest:${scope.vmid}`;
  const pick = (v: string | null): void => {
    const [kind, id] = (v ?? 'cluster').split(':');
    if (kind === 'node' && id) onChange({ kind: 'node', node: id });
    else if (kind === 'guest') {
      const g = guests.find((x) => String(x.vmid) === id);
      if (g) onChange({ kind: 'guest', node: g.node, type: g.type, vmid: g.vmid });
    } else onChange({ kind: 'cluster' });
  };
  return (
    <Select
      size="xs"
      label="Level"
      searchable
      allowDeselect={false}
      value={value}
      onChange={pick}
      data-testid="fw-scope"
      w={220}
      data={[
        { group: 'Datacenter', items: [{ value: 'cluster', label: 'Datacenter (cluster)' }] },
        { group: 'Nodes', items: nodes.map((n) => ({ value: `node:${n}`, label: `node ${n}` })) },
        {
          group: 'Guests',
          items: guests.map((g) => ({ value: `guest:${g.vmid}`, label: guestLabel(g) })),
        },
      ]}
    />
  );
}

const asInput = ({ pos: _pos, type, action, ...rest }: FirewallRuleView): FirewallRuleInput => ({
  ...rest,
  type: type as FirewallRuleInput['type'],
  action: action as FirewallRuleInput['action'],
});

const matchText = (r: FirewallRuleView): string =>
  [
    r.macro && `macro ${r.macro}`,
    r.proto && `proto ${r.proto}`,
    r.source && `from ${r.source}`,
    r.dest && `to ${r.dest}`,
    r.dport && `dport ${r.dport}`,
    r.sport && `sport ${r.sport}`,
    r.iface && `iface ${r.iface}`,
  ]
    .filter(Boolean)
    .join(', ');

type Col = 'pos' | 'enabled' | 'type' | 'action' | 'match' | 'comment';
const valueOf = (r: FirewallRuleView, k: Col): SortValue =>
  k === 'enabled' ? Number(r.enabled) : k === 'match' ? matchText(r) : r[k];

export function FirewallView() {
  const { clusterId, picker } = useClusterChoice();
  const [scope, setScope] = useState<FirewallScope>({ kind: 'cluster' });
  const [editing, setEditing] = useState<number | 'new'>();
  const fw = useClusterRead(
    'firewall.view',
    clusterId ? { profileId: clusterId, scope } : undefined,
    'Cannot read the firewall',
  );
  const flow = usePlanFlow(clusterId, fw.reload, planFirewall);
  const v = fw.data && JSON.stringify(fw.data.scope) === JSON.stringify(scope) ? fw.data : undefined;
  const vars = { profileId: clusterId ?? '', ...(scope.kind === 'cluster' ? {} : scope) };
  const plan = (action: FirewallAction): void => {
    setEditing(undefined);
    void flow.start(action);
  };
  const { sorted, sort, toggle } = useSorted(v?.rules ?? [], valueOf);
  const th = (c: Col, label: string) => (
    <SortTh column={c} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <ClusterViewFrame
      testId="firewall-view"
      title="Firewall"
      description="Rules of the datacenter, a node or a guest, in the order PVE applies them (the first match wins)."
      clusterId={clusterId}
      picker={picker}
      data={v}
      error={fw.error?.error}
      onReload={fw.reload}
      bar={
        <>
          <ScopePicker
            clusterId={clusterId}
            scope={scope}
            onChange={(s) => {
              setScope(s);
              setEditing(undefined);
            }}
          />
          <ActionButton
            action={ACTION_OF[scope.kind]}
            vars={vars}
            leftSection={<Plus size={14} aria-hidden />}
            disabled={!v ? 'the rules are loading' : flow.building && BUILDING}
            onClick={() => setEditing('new')}
          >
            Add rule…
          </ActionButton>
        </>
      }
      after={flow.dialog}
    >
      {(v) => (
        <Stack gap="sm">
          <Group gap={6} data-testid="fw-options">
            <Text size="sm">Options:</Text>
            {Object.keys(v.options).length === 0 ? (
              <Text size="sm" c="dimmed">
                defaults
              </Text>
            ) : (
              Object.entries(v.options).map(([k, x]) => (
                <Badge key={k} variant="dot" color="gray" tt="none">
                  {k}={x}
                </Badge>
              ))
            )}
          </Group>
          {editing === 'new' && (
            <RuleFormFor
              disabled={flow.building}
              onSubmit={(rule) => plan({ kind: 'firewall.rule.add', scope, rule })}
              onCancel={() => setEditing(undefined)}
            />
          )}
          <Table striped highlightOnHover withTableBorder data-testid="fw-rules">
            <Table.Thead>
              <Table.Tr>
                {th('pos', '#')}
                {th('enabled', 'On')}
                {th('type', 'Direction')}
                {th('action', 'Action')}
                {th('match', 'Match')}
                {th('comment', 'Comment')}
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((r) => (
                <RuleRow
                  key={r.pos}
                  rule={r}
                  editRow={
                    editing === r.pos && (
                      <Table.Tr>
                        <Table.Td colSpan={7}>
                          <RuleFormFor
                            rule={r}
                            disabled={flow.building}
                            onSubmit={(rule) => plan({ kind: 'firewall.rule.edit', scope, pos: r.pos, rule })}
                            onCancel={() => setEditing(undefined)}
                          />
                        </Table.Td>
                      </Table.Tr>
                    )
                  }
                >
                  <ActionButton
                    action={ACTION_OF[scope.kind]}
                    vars={vars}
                    size="xs"
                    disabled={flow.building && BUILDING}
                    onClick={() => setEditing(r.pos)}
                  >
                    Edit
                  </ActionButton>
                  <ActionButton
                    action={ACTION_OF[scope.kind]}
                    vars={vars}
                    size="xs"
                    color="red"
                    disabled={flow.building && BUILDING}
                    onClick={() => plan({ kind: 'firewall.rule.delete', scope, pos: r.pos })}
                  >
                    Delete
                  </ActionButton>
                </RuleRow>
              ))}
              {v.rules.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text size="sm" c="dimmed" data-testid="fw-no-rules">
                      No rules at this level: add one with “Add rule…”. Without rules the level’s input and
                      output policies decide.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </ClusterViewFrame>
  );
}

function RuleFormFor({
  rule,
  disabled,
  onSubmit,
  onCancel,
}: {
  rule?: FirewallRuleView;
  disabled: boolean;
  onSubmit(r: FirewallRuleInput): void;
  onCancel(): void;
}) {
  return (
    <RuleForm
      {...(rule ? { initial: asInput(rule) } : {})}
      submitLabel={rule ? 'Plan edit' : 'Plan new rule'}
      disabled={disabled}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}

function RuleRow({
  rule: r,
  editRow,
  children,
}: {
  rule: FirewallRuleView;
  editRow: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <Table.Tr data-testid="fw-rule" data-pos={r.pos}>
        <Table.Td>{r.pos}</Table.Td>
        <Table.Td>
          <Badge color={r.enabled ? 'green' : 'gray'} variant="dot">
            {r.enabled ? 'on' : 'off'}
          </Badge>
        </Table.Td>
        <Table.Td>{r.type}</Table.Td>
        <Table.Td>
          <Badge color={ACTION_COLOR[r.action] ?? 'gray'} variant="dot" data-testid="fw-rule-action">
            {r.action}
          </Badge>
        </Table.Td>
        <Table.Td data-testid="fw-rule-match">{matchText(r)}</Table.Td>
        <Table.Td>{r.comment ?? ''}</Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            {children}
          </Group>
        </Table.Td>
      </Table.Tr>
      {editRow}
    </>
  );
}
