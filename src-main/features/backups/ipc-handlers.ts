// Main-side handlers for the backup reads: backups across storages, storages of a node, backup jobs.
// Backup, restore, verify and job changes are operations.build plans (src-main/features/operation-actions.ts).
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listAllBackups, listJobs, listStorages } from './backup-reads.js';

export function createBackupsHandlers(deps: {
  clientFor(profileId: string): PveCaller;
}): Pick<Handlers, 'operations.backups' | 'operations.storages' | 'operations.backupJobs'> {
  return {
    'operations.backups': async ({ profileId, vmid }) => ({
      backups: await listAllBackups(deps.clientFor(profileId), vmid),
    }),
    'operations.storages': async ({ profileId, node, content }) => ({
      storages: await listStorages(deps.clientFor(profileId), node, content),
    }),
    'operations.backupJobs': async ({ profileId }) => ({ jobs: await listJobs(deps.clientFor(profileId)) }),
  };
}
