// The cluster-wide HA view: quorum, manager, fencing, node LRM states, resources (requested vs current), rules or groups.
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { HaStateControls } from './HaStateControls.js';
import '../provision/operations.css';

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
  return (
    <ClusterViewFrame
      testId="ha-view"
      clusterId={clusterId}
      picker={picker}
      data={v}
      onReload={ha.reload}
      after={flow.dialog}
    >
      {(v) => (
        <>
          <p data-testid="ha-quorum">
            Quorum: <strong>{v.quorate ? 'OK' : v.quorumStatus}</strong> · manager{' '}
            {v.manager ? v.manager.status : 'none'} · fencing {v.fencing ?? '–'} · PVE {v.version}
          </p>
          <ul>
            {v.nodes.map((n) => (
              <li key={n.node}>{n.status}</li>
            ))}
            {(v.problems ?? []).map((p, i) => (
              <li key={`problem-${i}`} className="warning" data-testid="ha-problem">
                {p}
              </li>
            ))}
          </ul>
          <table className="config-table" data-testid="ha-resources">
            <thead>
              <tr>
                <th>Resource</th>
                <th>Requested</th>
                <th>Current</th>
                <th>Node</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {v.resources.map((r) => (
                <tr key={r.sid} data-testid="ha-resource" data-sid={r.sid}>
                  <td>
                    {r.sid}
                    {r.comment ? ` — ${r.comment}` : ''}
                  </td>
                  <td>{r.requested}</td>
                  <td data-testid="ha-resource-current">{r.current}</td>
                  <td data-testid="ha-resource-node">{r.node}</td>
                  <td>
                    <HaStateControls
                      resource={r}
                      nodes={v.nodes.map((n) => n.node)}
                      disabled={readOnly || flow.building}
                      onAction={act}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{Number(v.version.split('.')[0]) >= 9 ? 'Rules' : 'Groups'}</h3>
          <ul data-testid="ha-rules">
            {v.rules.map((r) => (
              <li key={r.id}>
                {r.id} ({r.type}
                {r.enabled ? '' : ', disabled'}): {r.resources.join(', ')} — {r.detail}
              </li>
            ))}
            {v.groups.map((g) => (
              <li key={g.id}>
                {g.id}: nodes {g.nodes}
                {g.restricted ? ', restricted' : ''}
                {g.nofailback ? ', no failback' : ''}
              </li>
            ))}
            {v.rules.length + v.groups.length === 0 && <li className="muted">none</li>}
          </ul>
        </>
      )}
    </ClusterViewFrame>
  );
}
