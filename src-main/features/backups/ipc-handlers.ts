// Main-side handlers for the backup reads: backups across storages, storages of a node, backup jobs.
// Backup, restore, verify and job changes are operations.build plans (src-main/features/operation-actions.ts).
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import type { BackupEntry } from '../../../src-shared/ipc/channels/backups.js';
import { listAllBackups, listJobs, listStorages } from './backup-reads.js';
import type { VerifyResults } from './verify-results.js';

export function createBackupsHandlers(deps: {
  clientFor(profileId: string): PveCaller;
  /** restore verifications Proxdeck ran: each archive in the list carries its latest one */
  verifyResults?: VerifyResults;
}): Pick<Handlers, 'operations.backups' | 'operations.storages' | 'operations.backupJobs'> {
  async function withVerified(backups: BackupEntry[]): Promise<BackupEntry[]> {
    const latest = (await deps.verifyResults?.latest().catch(() => undefined)) ?? new Map();
    return backups.map((b) => {
      const v = latest.get(b.volid);
      return v ? { ...b, verified: { state: v.state, time: v.time } } : b;
    });
  }
  return {
    'operations.backups': async ({ profileId, vmid }) => ({
      backups: await withVerified(await listAllBackups(deps.clientFor(profileId), vmid)),
    }),
    'operations.storages': async ({ profileId, node, content }) => ({
      storages: await listStorages(deps.clientFor(profileId), node, content),
    }),
    'operations.backupJobs': async ({ profileId }) => ({ jobs: await listJobs(deps.clientFor(profileId)) }),
  };
}
