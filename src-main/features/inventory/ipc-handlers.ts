// Main-side handlers for inventory.* and rrd.*: subscriptions go to the inventory service, RRD straight to PVE.
import type { z } from 'zod';
import { inventoryRequests } from '../../../src-shared/ipc/channels/inventory.js';
import type { CallContext } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getGuestConfigEntries, getGuestRrd } from '../../pve/api/guest-read.js';
import { getNodeRrd } from '../../pve/api/nodes.js';
import { connectEvents } from '../../../src-shared/ipc/channels/connect.js';
import type { EventBus } from '../../ipc/event-bus.js';
import { clusterIdentity, type IdentitySource } from './cluster-identity.js';
import { createInventoryService, type InventoryService } from './inventory-service.js';

const ConnectionsChanged = connectEvents['connections.changed'].payload;

type Defs = typeof inventoryRequests;
export type InventoryHandlers = {
  [N in keyof Defs]: (
    args: z.output<Defs[N]['args']>,
    ctx: CallContext,
  ) => Promise<z.input<Defs[N]['result']>>;
};

export interface InventoryHandlerDeps {
  inventory: InventoryService;
  clientFor(clusterId: string): PveCaller;
  /** what identifies the cluster a profile reaches; omitted in tests that need no identity */
  identitySource?(clusterId: string): IdentitySource;
}

export function createInventoryHandlers(deps: InventoryHandlerDeps): InventoryHandlers {
  const { inventory, clientFor, identitySource } = deps;
  return {
    // The identity rides on the snapshot, off the poller's hot path: deltas never carry it.
    'inventory.subscribe': async ({ clusterId }) => {
      const snapshot = await inventory.subscribe(clusterId);
      if (!identitySource) return snapshot;
      return { ...snapshot, identity: clusterIdentity(identitySource(clusterId), snapshot.records) };
    },
    'inventory.unsubscribe': async ({ clusterId }) => ({ active: await inventory.unsubscribe(clusterId) }),
    'inventory.setVisibility': async ({ visible }, ctx) => ({
      intervalMs: inventory.setVisible(ctx.connection ?? ctx.host, visible),
    }),
    'rrd.node': async ({ clusterId, node, timeframe, cf }) => ({
      samples: await getNodeRrd(clientFor(clusterId), node, timeframe, cf),
    }),
    'rrd.guest': async ({ clusterId, node, type, vmid, timeframe, cf }) => ({
      samples: await getGuestRrd(clientFor(clusterId), node, type, vmid, timeframe, cf),
    }),
    'inventory.guestConfig': async ({ clusterId, node, type, vmid }) => ({
      entries: await getGuestConfigEntries(clientFor(clusterId), node, type, vmid),
    }),
  };
}

/** Everything the composition root needs: the service (pollers follow connections.changed on the bus) and its handlers. */
export function createInventory(deps: {
  events: EventBus;
  clientFor(clusterId: string): PveCaller;
  identitySource?(clusterId: string): IdentitySource;
  visibleIntervalMs?: number;
  hiddenIntervalMs?: number;
}): {
  handlers: InventoryHandlers;
  /** polls a cluster now; resolves once that poll settled */
  refresh(clusterId: string): Promise<void>;
  /** a window/page connection went away: its visibility vote goes with it */
  connectionClosed(connection: string): void;
  dispose(): Promise<void>;
} {
  const { events, clientFor, identitySource, ...intervals } = deps;
  const inventory = createInventoryService({
    clientFor,
    onDelta: (d) => events.emit('inventory.changed', d),
    onStale: (s) => events.emit('inventory.stale', s),
    ...intervals,
  });
  const stopWatching = events.subscribe((m) => {
    if (m.event !== 'connections.changed') return;
    const parsed = ConnectionsChanged.safeParse(m.payload);
    if (parsed.success)
      void inventory.retain(
        parsed.data.connections.filter((c) => c.state === 'connected').map((c) => c.profileId),
      );
  });
  return {
    handlers: createInventoryHandlers({
      inventory,
      clientFor,
      ...(identitySource ? { identitySource } : {}),
    }),
    refresh: (clusterId) => inventory.refresh(clusterId),
    connectionClosed: (connection) => void inventory.dropConnection(connection),
    async dispose() {
      stopWatching();
      await inventory.dispose();
    },
  };
}
