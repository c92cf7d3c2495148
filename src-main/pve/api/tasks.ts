// /nodes/{node}/tasks/{upid}: task status and incremental log reads.
import { z } from 'zod';
import { TaskLogLine } from '../../../src-shared/model/task.js';
import { pveInt, pvePath, type PveCaller } from './caller.js';

/** What every task entry of PVE names: its UPID and the parts PVE also lists on their own. */
export const TASK_ID_FIELDS = {
  upid: z.string(),
  node: z.string(),
  type: z.string(),
  id: z.string().optional(),
  user: z.string(),
  tokenid: z.string().optional(),
};

export const TaskStatus = z.object({
  ...TASK_ID_FIELDS,
  status: z.enum(['running', 'stopped']),
  exitstatus: z.string().optional(),
  starttime: pveInt,
  pid: pveInt.optional(),
});
export type TaskStatus = z.output<typeof TaskStatus>;

const LogLine = z.object({ n: pveInt, t: z.string() }).pipe(TaskLogLine);

export function getTaskStatus(
  c: PveCaller,
  node: string,
  upid: string,
  signal?: AbortSignal,
): Promise<TaskStatus> {
  return c
    .call({
      method: 'GET',
      path: pvePath`/nodes/${node}/tasks/${upid}/status`,
      schema: TaskStatus,
      ...(signal ? { signal } : {}),
    })
    .then((r) => r.data);
}

/** Lines after `start` (0-based count already read); total is the whole file's line count. */
export async function getTaskLog(
  c: PveCaller,
  node: string,
  upid: string,
  start: number,
  limit = 500,
  signal?: AbortSignal,
): Promise<{ lines: TaskLogLine[]; total: number }> {
  const r = await c.call({
    method: 'GET',
    path: pvePath`/nodes/${node}/tasks/${upid}/log`,
    params: { start, limit },
    schema: z.array(LogLine),
    ...(signal ? { signal } : {}),
  });
  return { lines: r.data, total: r.total ?? start + r.data.length };
}
