// The guest's Console tab with the power-start plan behind its "guest stopped → Start" offer (confirm-diff first).
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { ConsoleTab } from '../console/ConsoleTab.js';
import { usePermission } from '../permissions/usePermission.js';

export function GuestConsoleTab({ guest: g }: { guest: GuestRecord }) {
  const readOnly = useReadOnly(g.clusterId);
  const flow = usePlanFlow(g.clusterId);
  const start = usePermission('guest.start', {
    profileId: g.clusterId,
    node: g.node,
    type: g.type,
    vmid: g.vmid,
  });
  // Without the right to start (or on a read-only profile) the stopped state just says where to start it.
  const canStart = !readOnly && start.state !== 'denied';
  const onStart = (): void =>
    void flow.start({
      kind: 'power',
      action: 'start',
      guests: [{ node: g.node, type: g.type, vmid: g.vmid }],
    });
  return (
    <>
      <ConsoleTab guest={g} {...(canStart ? { onStart } : {})} />
      {flow.dialog}
    </>
  );
}
