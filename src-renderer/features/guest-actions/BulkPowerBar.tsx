// Power actions on a grid multi-selection: one plan with a line per guest (guests of one cluster per plan).
import { useMemo } from 'react';
import { POWER_ACTIONS, type PowerAction } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { useInventoryStore } from '../inventory/inventory-store.js';

const BULK: readonly PowerAction[] = POWER_ACTIONS.filter((a) => a !== 'reset');

export function BulkPowerBar({ guests }: { guests: readonly GuestRecord[] }) {
  const clusterId = guests[0]?.clusterId;
  const sameCluster = guests.every((g) => g.clusterId === clusterId);
  const readOnly = useReadOnly(clusterId);
  const flow = usePlanFlow(clusterId);
  if (guests.length === 0) return null;
  return (
    <div className="plan-bar" data-testid="bulk-power">
      <span>{guests.length} selected:</span>
      {BULK.map((a) => (
        <button
          key={a}
          type="button"
          disabled={readOnly || !sameCluster || flow.building}
          onClick={() => void flow.start({ kind: 'power', action: a, guests: guests.map((g) => ({ node: g.node, type: g.type, vmid: g.vmid })) })}
          data-testid={`bulk-${a}`}
        >
          {a}
        </button>
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
    () => Object.entries(selection).flatMap(([key, on]) => {
      const r = on ? records.get(key) : undefined;
      return r?.kind === 'guest' ? [r] : [];
    }),
    [records, selection],
  );
  return <BulkPowerBar guests={guests} />;
}
