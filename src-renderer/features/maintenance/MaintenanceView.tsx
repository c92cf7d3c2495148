// The maintenance view of one cluster: evacuate a node, and the rolling reboot.
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { EvacuatePanel } from './EvacuatePanel.js';
import { RollingPanel } from './RollingPanel.js';
import '../provision/operations.css';

export function MaintenanceView() {
  const { clusterId, picker } = useClusterChoice();
  const args = clusterId ? { profileId: clusterId } : undefined;
  const nodes = useClusterRead('maintenance.nodes', args, 'Cannot read the nodes');
  const rolling = useClusterRead('maintenance.rollingGet', args, 'Cannot read the rolling reboot');
  const reload = (): void => {
    nodes.reload();
    rolling.reload();
  };
  return (
    <ClusterViewFrame
      testId="maintenance-view"
      clusterId={clusterId}
      picker={picker}
      data={clusterId && nodes.data ? { profileId: clusterId, nodes: nodes.data } : undefined}
      onReload={reload}
    >
      {(d) => (
        <>
          <EvacuatePanel
            key={d.profileId}
            profileId={d.profileId}
            nodes={d.nodes.filter((n) => n.online).map((n) => n.node)}
            onDone={reload}
          />
          <RollingPanel
            profileId={d.profileId}
            nodes={d.nodes.map((n) => n.node)}
            state={rolling.data?.state}
            onChange={reload}
          />
        </>
      )}
    </ClusterViewFrame>
  );
}
