// Main-side handlers for inventory.* and rrd.*: subscriptions go to the inventory service, RRD straight to PVE.
import type { z } from 'zod';
import { inventoryRequests } from '../../src-shared/ipc/channels/inventory.js';
import type { CallContext } from '../ipc/dispatch.js';
import type { PveCaller } from '../pve/api/caller.js';
import { getGuestConfigEntries, getGuestRrd } from '../pve/api/guest-read.js';
import { getNodeRrd } from '../pve/api/nodes.js';
import type { InventoryService } from './inventory-service.js';

type Defs = typeof inventoryRequests;
export type InventoryHandlers = {
  [N in keyof Defs]: (args: z.output<Defs[N]['args']>, ctx: CallContext) => Promise<z.input<Defs[N]['result']>>;
};

export interface InventoryHandlerDeps {
  inventory: InventoryService;
  clientFor(clusterId: string): PveCaller;
}

export function createInventoryHandlers(deps: InventoryHandlerDeps): InventoryHandlers {
  const { inventory, clientFor } = deps;
  return {
    'inventory.subscribe': ({ clusterId }) => inventory.subscribe(clusterId),
    'inventory.unsubscribe': async ({ clusterId }) => ({ active: await inventory.unsubscribe(clusterId) }),
    'inventory.setVisibility': async ({ visible }) => ({ intervalMs: inventory.setVisible(visible) }),
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
