// Failed backups per guest, from the vzdump tasks of each online node: a single-guest task names the guest in its id;
// a job over several guests names none, so its log says which ones failed ("ERROR: Backup of VM 101 failed - ...").
import type { BackupFailure } from '../../../src-shared/ipc/channels/coverage.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listNodeTasks, type TaskEntry } from '../../pve/api/task-lists.js';
import { getTaskLog } from '../../pve/api/tasks.js';

/** how many failed vzdump tasks per node are looked at: the newest ones are what "last backup failed" is about */
const RECENT = 50;
const FAILED_VM = /^ERROR: Backup of VM (\d+) failed/;

async function guestsOf(c: PveCaller, t: TaskEntry): Promise<number[]> {
  if (/^\d+$/.test(t.id)) return [Number(t.id)];
  const { lines } = await getTaskLog(c, t.node, t.upid, 0, 5000);
  return lines.flatMap((l) => {
    const m = FAILED_VM.exec(l.t);
    return m ? [Number(m[1])] : [];
  });
}

/** The newest failed backup of each guest on these nodes; a node that cannot be read adds a note instead. */
export async function latestFailures(
  c: PveCaller,
  nodes: string[],
  notes: string[],
): Promise<Map<number, BackupFailure>> {
  const out = new Map<number, BackupFailure>();
  const perNode = await Promise.all(
    nodes.map(async (node) => {
      try {
        const { tasks } = await listNodeTasks(c, node, {
          typefilter: 'vzdump',
          statusfilter: 'error',
          limit: RECENT,
        });
        return await Promise.all(tasks.map(async (t) => ({ t, vmids: await guestsOf(c, t) })));
      } catch (err) {
        notes.push(
          `Failed backups on ${node} are not shown: ${err instanceof Error ? err.message : 'its tasks could not be read'}.`,
        );
        return [];
      }
    }),
  );
  for (const { t, vmids } of perNode.flat()) {
    for (const vmid of vmids) {
      const seen = out.get(vmid);
      if (!seen || seen.time < t.starttime)
        out.set(vmid, { time: t.starttime, node: t.node, upid: t.upid, status: t.status ?? 'failed' });
    }
  }
  return out;
}
