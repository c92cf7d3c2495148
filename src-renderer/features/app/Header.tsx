// Top bar: app name and version, the connected clusters, the command palette button, theme switch and notifications.
import { Badge, Button, Group, Kbd, Text, Tooltip } from '@mantine/core';
import { Search } from 'lucide-react';
import { ColorSchemeSwitch } from '../../ui/theme/ColorSchemeSwitch.js';
import { NotificationCentre } from '../../ui/notifications/NotificationCentre.js';
import { openPalette } from '../../ui/palette/palette-open.js';
import { useConnectStore } from '../connect/connect-store.js';
import { HealthIndicator } from '../alerts/HealthIndicator.js';
import { useAppStore } from './app-store.js';

function ClusterSummary() {
  const profiles = useConnectStore((s) => s.profiles);
  const connections = useConnectStore((s) => s.connections);
  const select = useAppStore((s) => s.setActiveFeature);
  const connected = profiles.filter((p) => connections[p.id]?.state === 'connected');
  if (connected.length === 0)
    return (
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => select('clusters')}
        data-testid="header-clusters"
      >
        No cluster connected
      </Button>
    );
  return (
    <Group gap={6} data-testid="header-clusters" aria-label="Connected clusters">
      {connected.map((p) => (
        <Badge
          key={p.id}
          variant="dot"
          color={p.color}
          size="md"
          data-profile={p.id}
          styles={{ root: { textTransform: 'none' } }}
        >
          {p.name}
        </Badge>
      ))}
    </Group>
  );
}

export function Header() {
  const info = useAppStore((s) => s.info);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" data-testid="app-header">
      <Group gap="sm" wrap="nowrap">
        <img src="./icon.svg" alt="" width={22} height={22} />
        <Text fw={600} size="lg">
          Proxdeck
        </Text>
        {info ? (
          <Text size="xs" c="dimmed" data-testid="app-version">
            {info.name} {info.version} · {info.host === 'web' ? 'web host' : 'desktop'}
          </Text>
        ) : (
          <Text size="xs" c="dimmed" data-testid="app-version-pending">
            connecting…
          </Text>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <ClusterSummary />
        <HealthIndicator />
        <Tooltip label="Search guests, nodes and views; run actions">
          <Button
            variant="default"
            leftSection={<Search size={14} aria-hidden />}
            rightSection={<Kbd size="xs">Ctrl K</Kbd>}
            onClick={openPalette}
            data-testid="palette-button"
          >
            Search
          </Button>
        </Tooltip>
        <ColorSchemeSwitch />
        <NotificationCentre />
      </Group>
    </Group>
  );
}
