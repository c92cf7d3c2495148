// The guest's "HA & migrate" tab: HA membership (add, requested state, limits, remove) and migration with its preconditions.
import { useState } from 'react';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { HaStateControls } from '../ha/HaStateControls.js';
import '../provision/operations.css';

export function HaMigratePanel({ guest: g }: { guest: GuestRecord }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const profileId = g.clusterId;
  const sid = `${g.type === 'qemu' ? 'vm' : 'ct'}:${g.vmid}`;
  const readOnly = useReadOnly(profileId);
  const ha = useClusterRead('operations.ha', { profileId }, 'Cannot read HA state');
  const info = useClusterRead(
    'operations.migrateInfo',
    { profileId, guest: ref },
    'Cannot read migration preconditions',
  );
  // no reload here: plans.changed refetches these, against the node the guest is on after the plan
  const flow = usePlanFlow(profileId, undefined, planOperation);
  const [target, setTarget] = useState('');
  const [targetStorage, setTargetStorage] = useState('');
  const res = ha.data?.resources.find((r) => r.sid === sid);
  const busy = readOnly || flow.building;
  const start = (a: OperationAction): void => void flow.start(a);
  const allowed = info.data?.nodes.filter((n) => n.allowed) ?? [];
  const chosen = target || allowed[0]?.node || '';
  return (
    <section data-testid="ha-migrate-panel">
      <h3>High availability</h3>
      {!ha.data ? (
        <p className="muted">Loading…</p>
      ) : res ? (
        <div data-testid="guest-ha">
          <p>
            <span data-testid="guest-ha-sid">{sid}</span> requested{' '}
            <strong data-testid="guest-ha-requested">{res.requested}</strong>, current{' '}
            <strong data-testid="guest-ha-current">{res.current}</strong> on{' '}
            <span data-testid="guest-ha-node">{res.node}</span> · max restart {res.maxRestart}, max relocate{' '}
            {res.maxRelocate}
          </p>
          <HaStateControls
            resource={res}
            nodes={ha.data.nodes.map((n) => n.node)}
            disabled={busy}
            onAction={start}
          />
        </div>
      ) : (
        <div className="plan-bar">
          <span className="muted">Not managed by HA.</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => start({ kind: 'ha.add', guest: ref, state: 'started' })}
            data-testid="ha-add"
          >
            Add to HA (started)
          </button>
        </div>
      )}
      <h3>Migrate</h3>
      {!info.data ? (
        <p className="muted">Loading…</p>
      ) : (
        <form
          className="ops-form"
          data-testid="migrate-form"
          onSubmit={(e) => {
            e.preventDefault();
            start({
              kind: 'migrate',
              guest: ref,
              target: chosen,
              ...(targetStorage ? { targetStorage } : {}),
            });
          }}
        >
          <label>
            Target node{' '}
            <select value={chosen} onChange={(e) => setTarget(e.target.value)} data-testid="migrate-target">
              {info.data.nodes.map((n) => (
                <option key={n.node} value={n.node} disabled={!n.allowed}>
                  {n.node}
                  {n.reason ? ` (${n.reason})` : ''}
                </option>
              ))}
            </select>
          </label>
          <input
            placeholder="target storage (same)"
            value={targetStorage}
            onChange={(e) => setTargetStorage(e.target.value)}
            data-testid="migrate-storage"
          />
          <button type="submit" disabled={busy || !chosen} data-testid="migrate-submit">
            Plan migration
          </button>
          <ul className="ops-note" data-testid="migrate-preconditions">
            <li>
              mode: {info.data.mode === 'ha' ? `through HA (${info.data.haState ?? ''})` : info.data.mode}
            </li>
            <li>local disks: {info.data.localDisks.length ? info.data.localDisks.join('; ') : 'none'}</li>
            {info.data.localResources.length > 0 && (
              <li>local resources: {info.data.localResources.join(', ')}</li>
            )}
          </ul>
        </form>
      )}
      {flow.dialog}
    </section>
  );
}
