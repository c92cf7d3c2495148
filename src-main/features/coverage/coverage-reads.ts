// The coverage of one cluster, per guest: does a backup job select it, its newest archive (age, protection, Proxdeck's
// restore verification), how many archives, and whether its newest backup attempt failed. Reads the backups feature's
// archive list and the persisted verification results; what cannot be read becomes a note, not a wrong answer.
import type { ClusterCoverage, CoverageRow } from '../../../src-shared/ipc/channels/coverage.js';
import type { BackupEntry } from '../../../src-shared/ipc/channels/backups.js';
import { listNotBackedUp } from '../../pve/api/backup-jobs.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getClusterResources } from '../../pve/api/cluster.js';
import { listNodes } from '../../pve/api/nodes.js';
import { listAllBackups } from '../backups/backup-reads.js';
import type { VerifyRecord } from '../backups/verify-results.js';
import { latestFailures } from './backup-failures.js';

const why = (err: unknown): string => (err instanceof Error ? err.message : 'it could not be read');

export async function readCoverage(
  c: PveCaller,
  profileId: string,
  verified: ReadonlyMap<string, VerifyRecord>,
): Promise<ClusterCoverage> {
  const notes: string[] = [];
  const [resources, nodes, uncovered, backups] = await Promise.all([
    getClusterResources(c, 'vm'),
    listNodes(c),
    listNotBackedUp(c).catch((err: unknown) => {
      notes.push(`Which guests no backup job covers is unknown: ${why(err)}.`);
      return undefined;
    }),
    listAllBackups(c).catch((err: unknown): BackupEntry[] => {
      notes.push(`Backup archives could not be listed: ${why(err)}.`);
      return [];
    }),
  ]);
  const online = nodes.filter((n) => n.status === 'online').map((n) => n.node);
  const offline = nodes.filter((n) => n.status !== 'online').map((n) => n.node);
  if (offline.length) notes.push(`Archives and tasks on offline nodes are missing: ${offline.join(', ')}.`);
  const failures = await latestFailures(c, online.sort(), notes);
  const notCovered = uncovered && new Set(uncovered.map((g) => g.vmid));

  // listAllBackups answers newest first
  const byGuest = new Map<number, BackupEntry[]>();
  for (const b of backups) if (b.vmid !== undefined) byGuest.set(b.vmid, [...(byGuest.get(b.vmid) ?? []), b]);

  const rows = resources
    .filter((r) => r.vmid !== undefined && (r.type === 'qemu' || r.type === 'lxc'))
    .map((r): CoverageRow => {
      const vmid = r.vmid ?? 0;
      const list = byGuest.get(vmid) ?? [];
      const newest = list[0];
      const v = newest && verified.get(newest.volid);
      const failure = failures.get(vmid);
      return {
        profileId,
        vmid,
        type: r.type === 'lxc' ? 'lxc' : 'qemu',
        node: r.node ?? '',
        ...(r.name ? { name: r.name } : {}),
        template: r.template ?? false,
        ...(notCovered ? { covered: !notCovered.has(vmid) } : {}),
        ...(newest
          ? {
              newest: {
                volid: newest.volid,
                node: newest.node,
                storage: newest.storage,
                ctime: newest.ctime,
                protected: newest.protected,
                ...(v ? { verified: { state: v.state, time: v.time } } : {}),
              },
            }
          : {}),
        backupCount: list.length,
        protectedCount: list.filter((b) => b.protected).length,
        // a failure older than the newest archive was followed by a good backup
        ...(failure && (!newest || failure.time > newest.ctime) ? { lastFailure: failure } : {}),
      };
    })
    .sort((a, b) => a.vmid - b.vmid);
  return { profileId, rows, nodes: online, notes };
}
