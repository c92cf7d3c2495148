// Shows, per cluster, that the inventory is stale: since when and why (polls are failing and backing off),
// and, when only the user can fix it (changed certificate, revoked secret), a reconnect prompt instead of silent retries.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { CloudOff } from 'lucide-react';
import { useAppStore } from '../app/app-store.js';
import { useConnectStore } from '../connect/connect-store.js';
import { useInventoryStore } from './inventory-store.js';
import { formatAge } from './format.js';

/** Main stops polling on these (see src-main/pollers/resource-poller.ts): the banner must offer the way out. */
const NEEDS_USER = new Set(['auth_failed', 'tls_pin_mismatch', 'tls_untrusted']);

function reconnect(clusterId: string): void {
  // The Clusters view shows the outcome: the re-trust panel for a changed certificate, the error and hint otherwise.
  useAppStore.getState().setActiveFeature('clusters');
  void useConnectStore.getState().run(clusterId, 'open');
}

export function StaleBanner() {
  const clusters = useInventoryStore((s) => s.clusters);
  const profiles = useConnectStore((s) => s.profiles);
  const stale = Object.values(clusters).flatMap((c) => (c.stale ? [c.stale] : []));
  if (stale.length === 0) return null;
  const now = Date.now();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<CloudOff size={16} aria-hidden />}
      role="status"
      data-testid="stale-banner"
    >
      <Stack gap={4}>
        {stale.map((s) => {
          const needsUser = NEEDS_USER.has(s.error.code);
          return (
            <Text size="sm" key={s.clusterId} data-testid="stale-cluster" data-code={s.error.code}>
              <strong>{profiles.find((p) => p.id === s.clusterId)?.name ?? s.clusterId}</strong>:{' '}
              {needsUser ? 'updates stopped' : 'data is stale'} (last update{' '}
              <span data-testid="stale-age">{formatAge(s.since, now)}</span>) —{' '}
              <span data-testid="stale-message">{s.error.message}</span>
              {needsUser && (
                <Button
                  size="compact-xs"
                  variant="default"
                  ml="xs"
                  className="stale-reconnect"
                  data-testid="stale-reconnect"
                  onClick={() => reconnect(s.clusterId)}
                >
                  Reconnect…
                </Button>
              )}
            </Text>
          );
        })}
      </Stack>
    </Alert>
  );
}
