// A node's shell in the node view: the terminal by default, detachable into its own window.
import { useState } from 'react';
import { consoleTitle, detachConsole } from './console-route.js';
import { ConsolePanel } from './ConsolePanel.js';

export function NodeShell({ profileId, node }: { profileId: string; node: string }) {
  const [detached, setDetached] = useState(false);
  const target = { profileId, node, type: 'node' as const };
  if (detached) {
    return (
      <div className="console-notice-inline" data-testid="console-detached">
        <p>This shell is open in its own window.</p>
        <button type="button" onClick={() => setDetached(false)} data-testid="console-attach">
          Show it here instead
        </button>
      </div>
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
