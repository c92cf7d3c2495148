// Registers every cluster endpoint handler (all handler files except access, pools and console).
import type { HandlerRegistry } from '../http/types.js';
import type { SimCore } from './common.js';
import { registerInventory } from './inventory.js';
import { registerGuestRead } from './guest-read.js';
import { registerTasks } from './tasks.js';

export function registerClusterHandlers(reg: HandlerRegistry, core: SimCore, clusterName: string, version: string): void {
  registerInventory(reg, core, clusterName, version);
  registerGuestRead(reg, core);
  registerTasks(reg, core);
}
