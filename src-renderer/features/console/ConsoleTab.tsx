// The guest view's Console tab: the embedded console for a VM or container, or a note while it is detached.
import { useState } from 'react';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { consoleTitle, detachConsole } from './console-route.js';
import { ConsolePanel } from './ConsolePanel.js';

export function ConsoleTab({ guest, onStart }: { guest: GuestRecord; onStart?: () => void }) {
  const [detached, setDetached] = useState(false);
  const target = { profileId: guest.clusterId, node: guest.node, type: guest.type, vmid: guest.vmid };
  if (detached) {
    return (
      <div className="console-notice" data-testid="console-detached">
        <p>This console is open in its own window.</p>
        <button type="button" onClick={() => setDetached(false)} data-testid="console-attach">
          Show it here instead
        </button>
      </div>
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
