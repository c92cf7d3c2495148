// Benchmark page: the real node cards and VM/CT grid on the real store, driven by window.__bench from the runner.
import { useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { InventoryDelta, InventorySnapshot } from '../../src-shared/model/inventory.js';
import { GuestGrid } from '../../src-renderer/features/inventory/GuestGrid.js';
import { NodeCards } from '../../src-renderer/features/inventory/NodeCards.js';
import { useInventoryStore } from '../../src-renderer/features/inventory/inventory-store.js';
import { ThemeProvider } from '../../src-renderer/ui/theme/ThemeProvider.js';
import '../../src-renderer/styles.css';
import '../../src-renderer/features/inventory/inventory.css';

declare global {
  interface Window {
    __bench: {
      lastCommit: number;
      snapshot(json: string): void;
      delta(json: string): 'ok' | 'gap';
      /** several clusters at once: a JSON array of snapshots / of deltas, applied in one task */
      snapshots(json: string): void;
      deltas(json: string): void;
    };
  }
}

/** Re-renders on every store change; its layout effect marks the moment React committed. */
function CommitProbe() {
  useInventoryStore((s) => s);
  useLayoutEffect(() => {
    window.__bench.lastCommit = performance.now();
  });
  return null;
}

const noop = (): void => undefined;

window.__bench = {
  lastCommit: 0,
  snapshot: (json) => useInventoryStore.getState().applySnapshot(JSON.parse(json) as InventorySnapshot),
  delta: (json) => useInventoryStore.getState().applyDelta(JSON.parse(json) as InventoryDelta),
  snapshots: (json) => {
    for (const s of JSON.parse(json) as InventorySnapshot[]) useInventoryStore.getState().applySnapshot(s);
  },
  deltas: (json) => {
    for (const d of JSON.parse(json) as InventoryDelta[]) useInventoryStore.getState().applyDelta(d);
  },
};

// the app's Mantine provider: the node cards and the grid toolbar are Mantine components, as in the app
createRoot(document.getElementById('root')!).render(
  <ThemeProvider>
    <div className="inventory" style={{ height: '100vh' }}>
      <CommitProbe />
      <NodeCards onOpen={noop} />
      <GuestGrid onOpen={noop} />
    </div>
  </ThemeProvider>,
);
