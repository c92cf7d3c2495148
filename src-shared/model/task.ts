// PVE task (UPID) types shared by the task tracker and the UI.
import { z } from 'zod';

export const TaskLogLine = z.object({ n: z.number().int(), t: z.string() });
export type TaskLogLine = z.infer<typeof TaskLogLine>;

export const TaskProgress = z.object({
  profileId: z.string(),
  upid: z.string(),
  node: z.string(),
  type: z.string(),
  status: z.enum(['running', 'stopped']),
  /** PVE exit status once stopped: "OK", "WARNINGS: n" or the error text */
  exitstatus: z.string().optional(),
  /** log lines that arrived since the previous event */
  newLines: z.array(TaskLogLine),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

export const TaskOutcome = z.object({
  upid: z.string(),
  ok: z.boolean(),
  exitstatus: z.string(),
  log: z.array(TaskLogLine),
});
export type TaskOutcome = z.infer<typeof TaskOutcome>;

export interface Upid {
  node: string;
  pid: number;
  pstart: number;
  starttime: number;
  type: string;
  id: string;
  user: string;
}

/** UPID:<node>:<pid>:<pstart>:<starttime>:<type>:<id>:<user>: (hex numbers, trailing colon) */
export function parseUpid(upid: string): Upid | undefined {
  const m =
    /^UPID:([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:/\s]+):([^:]*):([^:/\s]+):$/.exec(
      upid,
    );
  if (!m) return undefined;
  return {
    node: m[1]!,
    pid: parseInt(m[2]!, 16),
    pstart: parseInt(m[3]!, 16),
    starttime: parseInt(m[4]!, 16),
    type: m[5]!,
    id: m[6]!,
    user: m[7]!,
  };
}

/** PVE counts only "OK" and "WARNINGS: n" as success. */
export function isTaskSuccess(exitstatus: string): boolean {
  return exitstatus === 'OK' || /^WARNINGS: \d+$/.test(exitstatus);
}
