// Connects the inventory store to main: subscribes to every connected cluster, applies deltas, re-syncs on gaps,
// and tells main when the window is hidden so pollers slow down. Event-driven only: no timers here.
import { getBridge } from '../../bridge.js';
import { request } from '../../request.js';
import { useInventoryStore } from './inventory-store.js';

const subscribed = new Set<string>();
let started = false;

export async function subscribeCluster(clusterId: string, quiet = false): Promise<boolean> {
  const bridge = getBridge();
  subscribed.add(clusterId);
  const reply = await bridge.invoke('inventory.subscribe', { clusterId });
  if (!reply.ok) {
    subscribed.delete(clusterId);
    if (!quiet) await request('inventory.subscribe', { clusterId }, 'Cannot load the inventory');
    return false;
  }
  useInventoryStore.getState().applySnapshot(reply.value);
  return true;
}

async function unsubscribeCluster(clusterId: string): Promise<void> {
  subscribed.delete(clusterId);
  useInventoryStore.getState().dropCluster(clusterId);
  await getBridge().invoke('inventory.unsubscribe', { clusterId });
}

/** Idempotent; the inventory view calls it on mount. */
export function startInventorySync(): void {
  if (started) return;
  started = true;
  const bridge = getBridge();
  const store = useInventoryStore.getState;
  bridge.on('inventory.changed', (d) => {
    if (!subscribed.has(d.clusterId)) return;
    if (store().applyDelta(d) === 'gap') void subscribeCluster(d.clusterId, true);
  });
  bridge.on('inventory.stale', (s) => store().markStale(s));
  bridge.on('connections.changed', ({ connections }) => {
    const connected = new Set(connections.filter((c) => c.state === 'connected').map((c) => c.profileId));
    for (const id of connected) if (!subscribed.has(id)) void subscribeCluster(id, true);
    for (const id of [...subscribed]) if (!connected.has(id)) void unsubscribeCluster(id);
  });
  // Every page votes for itself at once (main counts votes per connection), then on every change.
  const vote = (): void =>
    void bridge.invoke('inventory.setVisibility', { visible: document.visibilityState === 'visible' });
  document.addEventListener('visibilitychange', vote);
  vote();
  // Connections opened before this page loaded (or before a reload) sent their event already: try every profile;
  // the ones that are not connected answer not_found and are skipped.
  void bridge.invoke('profiles.list', {}).then((reply) => {
    if (!reply.ok) return;
    for (const p of reply.value.profiles) if (!subscribed.has(p.id)) void subscribeCluster(p.id, true);
  });
}
