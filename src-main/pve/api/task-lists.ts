// Task lists: one node's tasks (server-side filters, paged with total) and the cluster-wide recent task list.
import { z } from 'zod';
import { pveInt, pvePath, pveGet, type PveCaller } from './caller.js';
import { TASK_ID_FIELDS } from './tasks.js';

/** Running entries have no status (cluster list) or "RUNNING" (node list); finished ones carry the exit status text. */
export const TaskEntry = z
  .looseObject({
    ...TASK_ID_FIELDS,
    starttime: pveInt,
    endtime: pveInt.optional(),
    status: z.string().optional(),
  })
  .transform((t) => {
    const running = t.status === undefined || t.status === 'RUNNING';
    return {
      upid: t.upid,
      node: t.node,
      type: t.type,
      id: t.id ?? '',
      user: t.tokenid ? `${t.user}!${t.tokenid}` : t.user,
      starttime: t.starttime,
      ...(t.endtime !== undefined ? { endtime: t.endtime } : {}),
      running,
      ...(running ? {} : { status: t.status ?? '' }),
    };
  });
export type TaskEntry = z.output<typeof TaskEntry>;

export interface NodeTaskFilter {
  source?: 'archive' | 'active' | 'all';
  /** PVE status classes: ok, warning, error, running (comma-joined in the request) */
  statusfilter?: string;
  typefilter?: string;
  userfilter?: string;
  vmid?: number;
  start?: number;
  limit?: number;
}

export async function listNodeTasks(
  c: PveCaller,
  node: string,
  f: NodeTaskFilter = {},
  signal?: AbortSignal,
): Promise<{ tasks: TaskEntry[]; total: number }> {
  const r = await c.call({
    method: 'GET',
    path: pvePath`/nodes/${node}/tasks`,
    params: { ...f },
    schema: z.array(TaskEntry),
    ...(signal ? { signal } : {}),
  });
  return { tasks: r.data, total: r.total ?? r.data.length };
}

export function listClusterTasks(c: PveCaller, signal?: AbortSignal): Promise<TaskEntry[]> {
  return pveGet(c, '/cluster/tasks', z.array(TaskEntry), undefined, signal);
}
