// Reads the backup forms and panels need: backups across visible storages, storages, backup jobs.
import type { BackupEntry, BackupJobView, StorageInfo } from '../../../src-shared/ipc/channels/backups.js';
import { listBackupJobs } from '../../pve/api/backup-jobs.js';
import { listBackupContent } from '../../pve/api/backups.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listNodes } from '../../pve/api/nodes.js';
import { listNodeStorages } from '../../pve/api/storage.js';

/** Every backup on every storage with backup content, per online node; a shared storage is read once. */
export async function listAllBackups(c: PveCaller, vmid?: number): Promise<BackupEntry[]> {
  const nodes = (await listNodes(c))
    .filter((n) => n.status === 'online')
    .map((n) => n.node)
    .sort();
  const perNode = await Promise.all(
    nodes.map(async (node) => ({ node, storages: await listNodeStorages(c, node, 'backup') })),
  );
  const seenShared = new Set<string>();
  const reads: Array<{ node: string; storage: string }> = [];
  for (const { node, storages } of perNode) {
    for (const s of storages) {
      if (!s.active || (s.shared && seenShared.has(s.storage))) continue;
      if (s.shared) seenShared.add(s.storage);
      reads.push({ node, storage: s.storage });
    }
  }
  const lists = await Promise.all(
    reads.map(async (r) =>
      (await listBackupContent(c, r.node, r.storage, vmid)).map(({ type, ...b }): BackupEntry => ({
        ...b,
        node: r.node,
        storage: r.storage,
        ...(type ? { type } : {}),
      })),
    ),
  );
  return lists.flat().sort((a, b) => b.ctime - a.ctime || a.volid.localeCompare(b.volid));
}

export async function listStorages(c: PveCaller, node: string, content?: string): Promise<StorageInfo[]> {
  return (await listNodeStorages(c, node, content)).map(({ active: _a, ...s }) => s);
}

export async function listJobs(c: PveCaller): Promise<BackupJobView[]> {
  return (await listBackupJobs(c)).map(
    ({ options: _o, all: _a, vmid: _v, pool: _p, notesTemplate: _n, ...j }) => j,
  );
}
