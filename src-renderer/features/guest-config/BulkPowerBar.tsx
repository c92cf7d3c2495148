// Power actions on a grid multi-selection: one plan with a line per guest, one bar (and plan, permission check and
// profile) per cluster when the selection spans several.
import { useMemo } from 'react';
import { POWER_ACTIONS, type PowerAction } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { clusterLabel } from '../inventory/guest-columns.js';
import { useInventoryStore } from '../inventory/inventory-store.js';
import { PermissionButton } from '../permissions/ActionButton.js';
import { usePermissionAll } from '../permissions/usePermission.js';
import { powerActionId } from './power-permission.js';

const BULK: readonly PowerAction[] = POWER_ACTIONS.filter((a) => a !== 'reset');

/** One power action for the whole selection: disabled with the first guest's missing privilege. */
function BulkButton({
  action,
  guests,
  disabled,
  onClick,
}: {
  action: PowerAction;
  guests: readonly GuestRecord[];
  disabled: boolean;
  onClick(): void;
}) {
  const targets = useMemo(() => guests.map((g) => ({ node: g.node, type: g.type, vmid: g.vmid })), [guests]);
  const verdict = usePermissionAll(powerActionId(action), guests[0]?.clusterId, targets);
  return (
    <PermissionButton
      action={powerActionId(action)}
      verdict={verdict}
      disabled={disabled}
      onClick={onClick}
      testId={`bulk-${action}`}
    >
      {action}
    </PermissionButton>
  );
}

/** The guests of ONE cluster: checked and run with that cluster's profile. */
export function BulkPowerBar({ guests, label }: { guests: readonly GuestRecord[]; label?: string }) {
  const clusterId = guests[0]?.clusterId;
  const sameCluster = guests.every((g) => g.clusterId === clusterId);
  const readOnly = useReadOnly(clusterId);
  const flow = usePlanFlow(clusterId);
  if (guests.length === 0) return null;
  return (
    <div className="plan-bar" data-testid="bulk-power">
      <span>
        {guests.length} selected{label ? ` on ${label}` : ''}:
      </span>
      {BULK.map((a) => (
        <BulkButton
          key={a}
          action={a}
          guests={guests}
          disabled={readOnly || !sameCluster || flow.building}
          onClick={() =>
            void flow.start({
              kind: 'power',
              action: a,
              guests: guests.map((g) => ({ node: g.node, type: g.type, vmid: g.vmid })),
            })
          }
        />
      ))}
      {!sameCluster && <span className="muted">select guests of one cluster</span>}
      {flow.dialog}
    </div>
  );
}

/** The grid's selection (record keys → selected) as guest records, for the bar above. */
export function SelectionPowerBar({ selection }: { selection: Readonly<Record<string, boolean>> }) {
  const records = useInventoryStore((s) => s.records);
  const guests = useMemo(
    () =>
      Object.entries(selection).flatMap(([key, on]) => {
        const r = on ? records.get(key) : undefined;
        return r?.kind === 'guest' ? [r] : [];
      }),
    [records, selection],
  );
  const byCluster = useMemo(() => {
    const out = new Map<string, GuestRecord[]>();
    for (const g of guests) out.set(g.clusterId, [...(out.get(g.clusterId) ?? []), g]);
    return [...out.entries()];
  }, [guests]);
  if (byCluster.length <= 1) return <BulkPowerBar guests={guests} />;
  return (
    <>
      {byCluster.map(([clusterId, group]) => (
        <BulkPowerBar key={clusterId} guests={group} label={clusterLabel(group[0]!)} />
      ))}
    </>
  );
}
