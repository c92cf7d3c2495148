// Failed tasks from /cluster/tasks: each finished task that did not end OK is announced once (vzdump as a failed
// backup job), and stays in the problem list for an hour. Pure: the caller keeps the seen set.
import type { Problem } from '../../../src-shared/ipc/channels/alerts.js';

/** a finished task as /cluster/tasks lists it (pve/api/task-lists TaskEntry) */
export interface FinishedTaskLike {
  upid: string;
  node: string;
  type: string;
  id: string;
  user: string;
  running: boolean;
  status?: string;
  endtime?: number;
}

/** how long a failed task counts as a problem */
export const TASK_PROBLEM_MS = 60 * 60 * 1000;

/** PVE: "OK" is success, "WARNINGS: n" finished with warnings; anything else is a failure. */
export const isFailure = (t: FinishedTaskLike): boolean =>
  !t.running && t.status !== undefined && t.status !== 'OK' && !t.status.startsWith('WARNINGS');

const what = (t: FinishedTaskLike): string => (t.id ? `${t.type} ${t.id}` : t.type);

export function taskProblem(
  clusterId: string,
  clusterName: string,
  t: FinishedTaskLike,
  now: number,
): Problem {
  const backup = t.type === 'vzdump';
  return {
    key: `${clusterId}|task|${t.upid}`,
    kind: backup ? 'backup-failed' : 'task-failed',
    severity: 'amber',
    clusterId,
    title: backup
      ? `Backup failed${t.id ? `: ${t.id}` : ''} on ${t.node}`
      : `Task failed: ${what(t)} on ${t.node}`,
    detail: `Cluster ${clusterName}, by ${t.user}: ${t.status ?? ''}`.slice(0, 300),
    since: (t.endtime ?? Math.floor(now / 1000)) * 1000,
    target: { kind: 'task', clusterId, upid: t.upid },
  };
}

/**
 * New failures in this answer. `seen` holds the finished UPIDs of the last answer and is replaced by this one's; on the first look (`baseline`)
 * everything is marked seen and nothing is returned, so connecting does not replay old failures.
 */
export function newFailures<T extends FinishedTaskLike>(
  tasks: readonly T[],
  seen: Set<string>,
  baseline: boolean,
): T[] {
  const fresh = tasks.filter((t) => !t.running && !seen.has(t.upid) && !baseline && isFailure(t));
  // PVE lists only recent tasks: remembering just this answer keeps the set small, and a task never comes back
  seen.clear();
  for (const t of tasks) if (!t.running) seen.add(t.upid);
  return fresh;
}

/** drops failure problems older than TASK_PROBLEM_MS */
export function pruneTaskProblems(problems: Map<string, Problem>, now: number): boolean {
  let changed = false;
  for (const [key, p] of problems)
    if (now - p.since > TASK_PROBLEM_MS) {
      problems.delete(key);
      changed = true;
    }
  return changed;
}
