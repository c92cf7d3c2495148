// The saved cluster profiles: colour, address, identity, read-only mark, live state, and connect/test/edit.
import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import type { ProfileView } from '../../../src-shared/model/profile.js';
import { ConnectionStatus } from '../connect/ConnectionStatus.js';
import { ProfileForm } from './ProfileForm.js';
import { useConnectStore } from '../connect/connect-store.js';

const STATE_LABELS = {
  connecting: 'connecting…',
  connected: 'connected',
  failed: 'failed',
  disconnected: 'not connected',
};

const STATE_COLORS = { connecting: 'blue', connected: 'green', failed: 'red', disconnected: 'gray' } as const;

function identityOf(p: ProfileView): string {
  return p.auth.kind === 'token' ? p.auth.tokenId : `${p.auth.username}@${p.auth.realm}`;
}

function ProfileCard({ profile }: { profile: ProfileView }) {
  const state = useConnectStore((s) => s.connections[profile.id]?.state ?? 'disconnected');
  const outcome = useConnectStore((s) => s.outcomes[profile.id]);
  const busy = useConnectStore((s) => s.busy[profile.id]);
  const editing = useConnectStore((s) => s.editing === profile.id);
  const { run, disconnect, setEditing } = useConnectStore.getState();
  const connected = state === 'connected';

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      className="profile-card"
      data-testid="profile-card"
      data-profile={profile.id}
      data-state={state}
      style={{ borderLeft: `4px solid ${profile.color}` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600} data-testid="profile-card-name">
              {profile.name}
            </Text>
            <Text size="sm" c="dimmed">
              {profile.host}:{profile.port} · {identityOf(profile)}
            </Text>
          </div>
          <Group gap={6}>
            {profile.primary && (
              <Badge color="grape" data-testid="badge-primary">
                primary
              </Badge>
            )}
            {profile.readOnly && (
              <Tooltip label="Changes to this cluster are refused">
                <Badge color="indigo" data-testid="badge-readonly">
                  read-only
                </Badge>
              </Tooltip>
            )}
            {!profile.pinnedFingerprint && (
              <Badge color="gray" data-testid="badge-unpinned">
                certificate not trusted yet
              </Badge>
            )}
            {!profile.hasSecret && (
              <Badge color="yellow" data-testid="badge-nosecret">
                no secret stored
              </Badge>
            )}
            <Badge color={STATE_COLORS[state]} variant="dot" data-testid="connection-state">
              {busy === 'open' ? 'connecting…' : STATE_LABELS[state]}
            </Badge>
          </Group>
        </Group>
        <Group gap="xs">
          {connected ? (
            <Button
              variant="default"
              data-testid="disconnect"
              disabled={busy !== undefined}
              onClick={() => void disconnect(profile.id)}
            >
              Disconnect
            </Button>
          ) : (
            <Button
              data-testid="connect"
              disabled={busy !== undefined}
              loading={busy === 'open'}
              onClick={() => void run(profile.id, 'open')}
            >
              Connect
            </Button>
          )}
          <Button
            variant="default"
            data-testid="test-connection"
            disabled={busy !== undefined}
            onClick={() => void run(profile.id, 'test')}
          >
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </Button>
          <Button
            variant="subtle"
            data-testid="edit-profile"
            onClick={() => setEditing(editing ? undefined : profile.id)}
          >
            {editing ? 'Close editor' : 'Edit'}
          </Button>
        </Group>
        {editing && <ProfileForm key={profile.id} profile={profile} />}
        {outcome && <ConnectionStatus profile={profile} outcome={outcome} />}
      </Stack>
    </Paper>
  );
}

export function ProfileList() {
  const profiles = useConnectStore((s) => s.profiles);
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="profile-list">
      {profiles.map((p) => (
        <ProfileCard key={p.id} profile={p} />
      ))}
    </Stack>
  );
}
