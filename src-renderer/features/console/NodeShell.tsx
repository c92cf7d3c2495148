// A node's shell in the node view: the terminal by default, detachable into its own window.
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { consoleTitle, detachConsole } from './console-route.js';
import { ConsolePanel } from './ConsolePanel.js';

export function NodeShell({ profileId, node }: { profileId: string; node: string }) {
  const [detached, setDetached] = useState(false);
  const target = { profileId, node, type: 'node' as const };
  if (detached) {
    return (
      <Paper withBorder p="lg" data-testid="console-detached">
        <Stack align="center" gap="xs">
          <Text>This shell is open in its own window.</Text>
          <Button variant="default" onClick={() => setDetached(false)} data-testid="console-attach">
            Show it here instead
          </Button>
        </Stack>
      </Paper>
    );
  }
  return (
    <div className="node-shell" data-testid="node-shell-panel">
      <ConsolePanel
        target={target}
        title={consoleTitle(target)}
        onDetach={(shown) => {
          if (detachConsole(shown)) setDetached(true);
        }}
      />
    </div>
  );
}
