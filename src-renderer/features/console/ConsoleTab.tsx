// The guest view's Console tab: the embedded console for a VM or container, or a note while it is detached.
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { consoleTitle, detachConsole } from './console-route.js';
import { ConsolePanel } from './ConsolePanel.js';

export function ConsoleTab({ guest, onStart }: { guest: GuestRecord; onStart?: () => void }) {
  const [detached, setDetached] = useState(false);
  const target = { profileId: guest.clusterId, node: guest.node, type: guest.type, vmid: guest.vmid };
  if (detached) {
    return (
      <Paper withBorder p="lg" data-testid="console-detached">
        <Stack align="center" gap="xs">
          <Text>This console is open in its own window.</Text>
          <Button variant="default" onClick={() => setDetached(false)} data-testid="console-attach">
            Show it here instead
          </Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <ConsolePanel
      target={target}
      title={consoleTitle(target)}
      retryKey={guest.status}
      {...(onStart ? { onStart } : {})}
      onDetach={(shown) => {
        if (detachConsole(shown)) setDetached(true);
      }}
    />
  );
}
