// Task lists for the Tasks view (node lists filtered by PVE, the cluster list filtered here) and task following:
// each followed task is tracked by the task tracker, its log streamed as tasks.progressed events.
import type { TaskFilter, TaskListEntry, TaskStatusClass } from '../../../src-shared/ipc/channels/tasks.js';
import type { TaskProgress } from '../../../src-shared/model/task.js';
import { parseUpid } from '../../../src-shared/model/task.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listClusterTasks, listNodeTasks, type TaskEntry } from '../../pve/api/task-lists.js';
import { trackTask } from '../../pollers/task-tracker.js';
import { exitStatusClass } from '../../pve/tolerance.js';

export function statusClass(t: Pick<TaskEntry, 'running' | 'status'>): TaskStatusClass {
  return t.running ? 'running' : exitStatusClass(t.status);
}

const classify = (t: TaskEntry): TaskListEntry => ({ ...t, statusClass: statusClass(t) });

export async function listTasks(
  c: PveCaller,
  node: string | undefined,
  f: TaskFilter,
): Promise<{ tasks: TaskListEntry[]; total: number }> {
  const limit = f.limit ?? 50;
  if (node) {
    const source = f.status === 'running' ? 'active' : f.status ? 'archive' : 'all';
    const r = await listNodeTasks(c, node, {
      source,
      ...(f.status && f.status !== 'running' ? { statusfilter: f.status } : {}),
      ...(f.type ? { typefilter: f.type } : {}),
      ...(f.user ? { userfilter: f.user } : {}),
      ...(f.vmid !== undefined ? { vmid: f.vmid } : {}),
      limit,
    });
    return { tasks: r.tasks.map(classify), total: r.total };
  }
  // /cluster/tasks takes no filters: PVE answers each node's recent list and the GUI filters it the same way
  const all = (await listClusterTasks(c))
    .map(classify)
    .filter(
      (t) =>
        (!f.status || t.statusClass === f.status) &&
        (!f.type || t.type.includes(f.type)) &&
        (!f.user || t.user.includes(f.user)) &&
        (f.vmid === undefined || t.id === String(f.vmid)),
    )
    .sort((a, b) => b.starttime - a.starttime || a.upid.localeCompare(b.upid));
  return { tasks: all.slice(0, limit), total: all.length };
}

export interface TaskFollower {
  follow(profileId: string, caller: PveCaller, upid: string): boolean;
  unfollow(profileId: string, upid: string): boolean;
  dispose(): void;
}

const MAX_FOLLOWED = 32;

export function createTaskFollower(emit: (p: TaskProgress) => void, intervalMs?: number): TaskFollower {
  const followed = new Map<string, AbortController>();
  const keyOf = (profileId: string, upid: string): string => `${profileId}\n${upid}`;
  const stop = (key: string): boolean => {
    const ac = followed.get(key);
    followed.delete(key);
    ac?.abort(new Error('no longer followed'));
    return ac !== undefined;
  };
  return {
    follow(profileId, caller, upid) {
      const parsed = parseUpid(upid);
      if (!parsed) throw new AppFailure('bad_parameter', 'Not a task id');
      const key = keyOf(profileId, upid);
      stop(key);
      if (followed.size >= MAX_FOLLOWED) stop(followed.keys().next().value!);
      const ac = new AbortController();
      followed.set(key, ac);
      const base = { profileId, upid, node: parsed.node, type: parsed.type };
      trackTask(caller, upid, {
        signal: ac.signal,
        ...(intervalMs !== undefined ? { intervalMs } : {}),
        onProgress: (p) =>
          emit({
            ...base,
            status: p.status,
            ...(p.exitstatus !== undefined ? { exitstatus: p.exitstatus } : {}),
            newLines: p.newLines,
          }),
      })
        .catch(() => undefined)
        .finally(() => {
          if (followed.get(key) === ac) followed.delete(key);
        });
      return true;
    },
    unfollow: (profileId, upid) => stop(keyOf(profileId, upid)),
    dispose() {
      for (const key of [...followed.keys()]) stop(key);
    },
  };
}
