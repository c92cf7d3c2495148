// The maintenance view of one cluster: evacuate a node, and the rolling reboot.
import { Button, Group } from '@mantine/core';
import { Page } from '../../ui/Page.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
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
    <Page
      title="Maintenance"
      description="Empty a node with a placement pre-flight, or reboot the cluster node by node with your approval before each."
      testId="maintenance-view"
      loading={clusterId !== undefined && nodes.data === undefined}
      empty={
        clusterId === undefined && {
          title: 'No cluster connected',
          hint: 'Connect a cluster on the Clusters screen first.',
        }
      }
      actions={
        <Group gap="xs">
          {picker}
          <Button variant="default" onClick={reload}>
            Reload
          </Button>
        </Group>
      }
    >
      {clusterId && nodes.data && (
        <>
          <EvacuatePanel
            key={clusterId}
            profileId={clusterId}
            nodes={nodes.data.filter((n) => n.online).map((n) => n.node)}
            onDone={reload}
          />
          <RollingPanel
            profileId={clusterId}
            nodes={nodes.data.map((n) => n.node)}
            state={rolling.data?.state}
            onChange={reload}
          />
        </>
      )}
    </Page>
  );
}
