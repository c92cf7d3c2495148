// The firewall view: pick cluster, a node or a guest; see options and rules in order; add, edit or delete a rule through a plan.
import { useState, type ReactNode } from 'react';
import type {
  FirewallAction,
  FirewallRuleInput,
  FirewallRuleView,
  FirewallScope,
} from '../../../src-shared/ipc/channels/firewall.js';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { planFirewall, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { useInventoryStore } from '../inventory/inventory-store.js';
import { RuleForm } from './RuleForm.js';
import '../provision/operations.css';

const ACTION_OF: Record<FirewallScope['kind'], ActionId> = {
  cluster: 'firewall.cluster.rules',
  node: 'firewall.node.rules',
  guest: 'firewall.guest.rules',
};

function ScopePicker({
  clusterId,
  scope,
  onChange,
}: {
  clusterId: string | undefined;
  scope: FirewallScope;
  onChange(s: FirewallScope): void;
}) {
  const records = useInventoryStore((s) => s.records);
  const mine = [...records.values()].filter((r) => r.clusterId === clusterId);
  const nodes = mine.flatMap((r) => (r.kind === 'node' ? [r.node] : [])).sort();
  const guests = mine.flatMap((r) => (r.kind === 'guest' ? [r] : [])).sort((a, b) => a.vmid - b.vmid);
  const value =
    scope.kind === 'cluster'
      ? 'cluster'
      : scope.kind === 'node'
        ? `node:${scope.node}`
        : `guest:${scope.vmid}`;
  const pick = (v: string): void => {
    const [kind, id] = v.split(':');
    if (kind === 'node' && id) onChange({ kind: 'node', node: id });
    else if (kind === 'guest') {
      const g = guests.find((x) => String(x.vmid) === id);
      if (g) onChange({ kind: 'guest', node: g.node, type: g.type, vmid: g.vmid });
    } else onChange({ kind: 'cluster' });
  };
  return (
    <label className="ops-picker">
      Level{' '}
      <select value={value} onChange={(e) => pick(e.target.value)} data-testid="fw-scope">
        <option value="cluster">Datacenter (cluster)</option>
        {nodes.map((n) => (
          <option key={n} value={`node:${n}`}>
            node {n}
          </option>
        ))}
        {guests.map((g) => (
          <option key={g.vmid} value={`guest:${g.vmid}`}>
            {g.type === 'qemu' ? 'VM' : 'CT'} {g.vmid} {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}

const asInput = ({ pos: _pos, type, action, ...rest }: FirewallRuleView): FirewallRuleInput => ({
  ...rest,
  type: type as FirewallRuleInput['type'],
  action: action as FirewallRuleInput['action'],
});

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
  const editRow = (r: FirewallRuleView) => (
    <tr>
      <td colSpan={7}>
        <RuleFormFor
          rule={r}
          disabled={flow.building}
          onSubmit={(rule) => plan({ kind: 'firewall.rule.edit', scope, pos: r.pos, rule })}
          onCancel={() => setEditing(undefined)}
        />
      </td>
    </tr>
  );
  return (
    <section className="ops-view" data-testid="firewall-view">
      <div className="plan-bar">
        {picker}
        <ScopePicker
          clusterId={clusterId}
          scope={scope}
          onChange={(s) => {
            setScope(s);
            setEditing(undefined);
          }}
        />
        <button type="button" onClick={fw.reload}>
          Reload
        </button>
        <ActionButton
          action={ACTION_OF[scope.kind]}
          vars={vars}
          disabled={!v || flow.building}
          onClick={() => setEditing('new')}
        >
          Add rule…
        </ActionButton>
      </div>
      {!v ? (
        <p className="muted">{clusterId ? 'Loading…' : 'Connect a cluster first.'}</p>
      ) : (
        <>
          <p data-testid="fw-options">
            Options:{' '}
            {Object.entries(v.options)
              .map(([k, x]) => `${k}=${x}`)
              .join(', ') || 'defaults'}
          </p>
          {editing === 'new' && (
            <RuleFormFor
              disabled={flow.building}
              onSubmit={(rule) => plan({ kind: 'firewall.rule.add', scope, rule })}
              onCancel={() => setEditing(undefined)}
            />
          )}
          <table className="config-table" data-testid="fw-rules">
            <thead>
              <tr>
                <th>#</th>
                <th>On</th>
                <th>Dir</th>
                <th>Action</th>
                <th>Match</th>
                <th>Comment</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {v.rules.map((r) => (
                <FragmentRow key={r.pos} rule={r} editing={editing === r.pos} editRow={editRow(r)}>
                  <ActionButton
                    action={ACTION_OF[scope.kind]}
                    vars={vars}
                    disabled={flow.building}
                    onClick={() => setEditing(r.pos)}
                  >
                    Edit
                  </ActionButton>
                  <ActionButton
                    action={ACTION_OF[scope.kind]}
                    vars={vars}
                    disabled={flow.building}
                    onClick={() => plan({ kind: 'firewall.rule.delete', scope, pos: r.pos })}
                  >
                    Delete
                  </ActionButton>
                </FragmentRow>
              ))}
              {v.rules.length === 0 && (
                <tr>
                  <td colSpan={7} className="muted">
                    no rules
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
      {flow.dialog}
    </section>
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

function FragmentRow({
  rule: r,
  editing,
  editRow,
  children,
}: {
  rule: FirewallRuleView;
  editing: boolean;
  editRow: ReactNode;
  children: ReactNode;
}) {
  const match = [
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
  return (
    <>
      <tr data-testid="fw-rule" data-pos={r.pos}>
        <td>{r.pos}</td>
        <td>{r.enabled ? '✓' : '–'}</td>
        <td>{r.type}</td>
        <td data-testid="fw-rule-action">{r.action}</td>
        <td data-testid="fw-rule-match">{match}</td>
        <td>{r.comment ?? ''}</td>
        <td className="ops-actions">{children}</td>
      </tr>
      {editing && editRow}
    </>
  );
}
