// Pending package updates of every connected cluster, per node; refreshing the package index is a plan.
import { useCallback, useEffect, useState } from 'react';
import type { NodeUpdates } from '../../../src-shared/ipc/channels/updates.js';
import { planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { request } from '../../request.js';
import { useConnectStore } from '../connect/connect-store.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { NodeUpdatesTable } from './NodeUpdatesTable.js';
import '../provision/operations.css';

function ClusterUpdates({ profileId, name }: { profileId: string; name: string }) {
  const [nodes, setNodes] = useState<NodeUpdates[]>();
  const load = useCallback(() => {
    void request('updates.list', { profileId }, `Cannot read the updates of ${name}`).then(
      (r) => r && setNodes(r),
    );
  }, [profileId, name]);
  useEffect(load, [load]);
  const flow = usePlanFlow(profileId, load, planWith);
  const online = (nodes ?? []).filter((n) => n.online).map((n) => n.node);
  return (
    <section data-testid="updates-cluster" data-profile={profileId}>
      <h3>
        {name}{' '}
        <ActionButton
          action="node.updates.refresh"
          vars={{ profileId, node: online[0] }}
          disabled={flow.building || online.length === 0}
          onClick={() =>
            void flow.start(() =>
              request('updates.refreshPlan', { profileId, nodes: online }, 'Cannot plan the refresh'),
            )
          }
          testId="updates-refresh"
        >
          Refresh package index
        </ActionButton>{' '}
        <button type="button" onClick={load}>
          Reload
        </button>
      </h3>
      {nodes ? <NodeUpdatesTable profileId={profileId} nodes={nodes} /> : <p className="muted">Loading…</p>}
      {flow.dialog}
    </section>
  );
}

export function UpdatesView() {
  const connections = useConnectStore((s) => s.connections);
  const profiles = useConnectStore((s) => s.profiles);
  const ids = Object.values(connections)
    .filter((c) => c.state === 'connected')
    .map((c) => c.profileId);
  return (
    <section className="ops-view" data-testid="updates-view">
      {ids.length === 0 && <p className="muted">Connect a cluster first.</p>}
      {ids.map((id) => (
        <ClusterUpdates key={id} profileId={id} name={profiles.find((p) => p.id === id)?.name ?? id} />
      ))}
    </section>
  );
}
