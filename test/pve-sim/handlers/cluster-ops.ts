// Registers the firewall, SDN, Ceph and replication handlers (one entry point for cluster-handlers.ts).
import type { HandlerRegistry } from '../http/types.js';
import { registerCeph } from './ceph.js';
import type { SimCore } from './common.js';
import { registerFirewall } from './firewall.js';
import { registerReplication } from './replication.js';
import { registerSdn } from './sdn.js';

export function registerClusterOps(reg: HandlerRegistry, core: SimCore): void {
  registerFirewall(reg, core);
  registerSdn(reg, core);
  registerCeph(reg, core);
  registerReplication(reg, core);
}
