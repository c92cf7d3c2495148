// Pending package updates of every connected cluster, per node; refreshing the package index is a plan.
import { Button, Group, Stack, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Page, PageSkeleton } from '../../ui/Page.js';
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
    <Stack gap="xs" data-testid="updates-cluster" data-profile={profileId}>
      <Group gap="xs">
        <Title order={3}>{name}</Title>
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
        </ActionButton>
        <Button variant="default" onClick={load}>
          Reload
        </Button>
      </Group>
      {nodes ? <NodeUpdatesTable profileId={profileId} nodes={nodes} /> : <PageSkeleton rows={3} />}
      {flow.dialog}
    </Stack>
  );
}

export function UpdatesView() {
  const connections = useConnectStore((s) => s.connections);
  const profiles = useConnectStore((s) => s.profiles);
  const ids = Object.values(connections)
    .filter((c) => c.state === 'connected')
    .map((c) => c.profileId);
  return (
    <Page
      title="Updates"
      description="Pending package updates per node across every connected cluster. Proxdeck refreshes the package index; the upgrade itself you run in the node shell."
      testId="updates-view"
      empty={
        ids.length === 0 && {
          title: 'No cluster connected',
          hint: 'Connect a cluster on the Clusters screen first.',
        }
      }
    >
      {ids.map((id) => (
        <ClusterUpdates key={id} profileId={id} name={profiles.find((p) => p.id === id)?.name ?? id} />
      ))}
    </Page>
  );
}
