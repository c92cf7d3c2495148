// Fleet maintenance support of the simulator: node reboot, bulk migration, HA affinity (applied in the migrate paths),
// package updates, node bridges and cross-cluster migration.
import type { HandlerRegistry } from '../http/types.js';
import type { SimCore } from '../handlers/common.js';
import { registerApt } from './apt.js';
import { registerBulkMigrate } from './bulk-migrate.js';
import { registerNetwork } from './network.js';
import { registerNodeReboot } from './node-reboot.js';
import { registerRemoteMigrate } from './remote-migrate.js';

export function registerFleet(reg: HandlerRegistry, core: SimCore): void {
  registerNodeReboot(reg, core);
  registerBulkMigrate(reg, core);
  registerApt(reg, core);
  registerRemoteMigrate(reg, core);
  registerNetwork(reg, core);
}
