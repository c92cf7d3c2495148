// The Clusters screen: connected clusters with their colours, the profile list, add/import, and the add form.
// The reference screen for the UI conversion: Page frame, Mantine controls, states in place.
import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import { Download, Plus } from 'lucide-react';
import { useEffect } from 'react';
import { Page } from '../../ui/Page.js';
import { ErrorPanel } from './ErrorPanel.js';
import { ProfileForm } from '../profiles/ProfileForm.js';
import { ProfileList } from '../profiles/ProfileList.js';
import { startConnectSync, useConnectStore } from './connect-store.js';
import './connect.css';

function ConnectedClusters() {
  const profiles = useConnectStore((s) => s.profiles);
  const connections = useConnectStore((s) => s.connections);
  const connected = profiles.filter((p) => connections[p.id]?.state === 'connected');
  if (connected.length === 0) return null;
  return (
    <Group gap="xs" data-testid="connected-clusters">
      <Text size="sm" c="dimmed">
        Connected:
      </Text>
      {connected.map((p) => (
        <Badge
          key={p.id}
          variant="dot"
          color={p.color}
          size="lg"
          data-testid="connected-chip"
          data-profile={p.id}
          styles={{ root: { textTransform: 'none', borderColor: p.color } }}
        >
          {p.name}
        </Badge>
      ))}
    </Group>
  );
}

export function ConnectView() {
  const loaded = useConnectStore((s) => s.loaded);
  const count = useConnectStore((s) => s.profiles.length);
  const adding = useConnectStore((s) => s.editing === 'new');
  const loadProblem = useConnectStore((s) => s.loadProblem);
  const screenError = useConnectStore((s) => s.screenError);
  const notice = useConnectStore((s) => s.notice);
  const { load, setEditing, importEnv } = useConnectStore.getState();
  useEffect(() => {
    startConnectSync();
    void load();
  }, [load]);

  return (
    <div className="connect-view" data-testid="connect-view">
      <Page
        title="Clusters"
        description="Proxmox VE clusters Proxdeck knows: connect, test, trust certificates and manage their API tokens."
        loading={!loaded}
        actions={
          <>
            <Button
              leftSection={<Plus size={14} aria-hidden />}
              data-testid="add-profile"
              onClick={() => setEditing('new')}
            >
              Add cluster
            </Button>
            <Button
              variant="default"
              leftSection={<Download size={14} aria-hidden />}
              data-testid="import-env"
              onClick={() => void importEnv()}
            >
              Import from environment
            </Button>
          </>
        }
      >
        {notice && (
          <Alert color="blue" variant="light" data-testid="connect-notice">
            {notice}
          </Alert>
        )}
        {loadProblem && (
          <Alert color="yellow" variant="light" data-testid="load-problem">
            {loadProblem}
          </Alert>
        )}
        {screenError && <ErrorPanel error={screenError} />}
        <ConnectedClusters />
        {loaded && count === 0 && !adding && (
          <Text size="sm" c="dimmed" data-testid="no-profiles">
            No clusters yet: add one with an API token, or import PVE_HOST, PVE_TOKEN_ID and PVE_TOKEN_SECRET
            from the environment.
          </Text>
        )}
        {adding && <ProfileForm profile={undefined} />}
        <ProfileList />
      </Page>
    </div>
  );
}
