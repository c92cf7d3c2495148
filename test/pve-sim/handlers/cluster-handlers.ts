// Registers every cluster endpoint handler (all handler files except access, pools and console).
import type { HandlerRegistry } from '../http/types.js';
import { registerAgent } from './agent.js';
import { registerBackupJobs } from './backup-jobs.js';
import { registerCloneMigrate } from './clone-migrate.js';
import type { SimCore } from './common.js';
import { registerGuestConfig } from './guest-config.js';
import { registerGuestCreate } from './guest-create.js';
import { registerGuestRead } from './guest-read.js';
import { registerGuestStatus } from './guest-status.js';
import { registerHa } from './ha.js';
import { registerInventory } from './inventory.js';
import { registerSnapshots } from './snapshots.js';
import { registerStorage } from './storage.js';
import { registerTasks } from './tasks.js';
import { registerVzdump } from './vzdump.js';
import { registerClusterOps } from './cluster-ops.js';
import { registerStorageUpload } from './storage-upload.js';
import { registerNodeLogs } from './node-logs.js';
import { registerFleet } from '../fleet/index.js';

export function registerClusterHandlers(
  reg: HandlerRegistry,
  core: SimCore,
  clusterName: string,
  version: string,
): void {
  registerInventory(reg, core, clusterName, version);
  registerGuestRead(reg, core);
  registerTasks(reg, core);
  registerGuestStatus(reg, core);
  registerGuestConfig(reg, core);
  registerGuestCreate(reg, core);
  registerSnapshots(reg, core);
  registerStorage(reg, core);
  registerVzdump(reg, core, clusterName);
  registerBackupJobs(reg, core);
  registerCloneMigrate(reg, core);
  registerHa(reg, core);
  registerAgent(reg, core);
  registerClusterOps(reg, core);
  registerStorageUpload(reg, core);
  registerNodeLogs(reg, core);
  registerFleet(reg, core);
}
