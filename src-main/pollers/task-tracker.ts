// Follows one PVE task (UPID) to its end: polls status every second with a chained setTimeout,
// reads new log lines incrementally, reports progress, and resolves with OK/error plus the log.
import { AppFailure } from '../../src-shared/ipc/errors.js';
import { isTaskSuccess, parseUpid, type TaskLogLine, type TaskOutcome } from '../../src-shared/model/task.js';
import type { PveCaller } from '../pve/api/caller.js';
import { getTaskLog, getTaskStatus } from '../pve/api/tasks.js';

export interface TrackOptions {
  /** 1 s, as the PVE web GUI polls task status */
  intervalMs?: number;
  signal?: AbortSignal;
  /** consecutive failed polls tolerated before giving up (the task itself keeps running in PVE) */
  maxFailures?: number;
  onProgress?: (p: { status: 'running' | 'stopped'; exitstatus?: string; newLines: TaskLogLine[] }) => void;
}

/** PVE answers an empty log with one placeholder line. */
function isPlaceholder(lines: TaskLogLine[], total: number): boolean {
  return total === 1 && lines.length === 1 && lines[0]!.t === 'no content';
}

export function trackTask(caller: PveCaller, upid: string, opts: TrackOptions = {}): Promise<TaskOutcome> {
  const parsed = parseUpid(upid);
  if (!parsed) return Promise.reject(new AppFailure('bad_response', `Not a task id: ${upid.slice(0, 120)}`));
  const node = parsed.node;
  const interval = opts.intervalMs ?? 1_000;
  const maxFailures = opts.maxFailures ?? 10;
  const log: TaskLogLine[] = [];
  let failures = 0;

  async function readNewLines(): Promise<TaskLogLine[]> {
    const fresh: TaskLogLine[] = [];
    for (;;) {
      const { lines, total } = await getTaskLog(caller, node, upid, log.length, 500, opts.signal);
      if (isPlaceholder(lines, total)) return fresh;
      const newer = lines.filter((l) => l.n > log.length);
      log.push(...newer);
      fresh.push(...newer);
      if (newer.length === 0 || log.length >= total) return fresh;
    }
  }

  return new Promise<TaskOutcome>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(opts.signal!.reason);
    };
    if (opts.signal?.aborted) {
      reject(opts.signal.reason);
      return;
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const tick = async (): Promise<void> => {
      try {
        const status = await getTaskStatus(caller, node, upid, opts.signal);
        const stopped = status.status === 'stopped';
        const newLines = await readNewLines();
        failures = 0;
        const exitstatus = stopped ? (status.exitstatus ?? 'unexpected status') : undefined;
        opts.onProgress?.({
          status: status.status,
          ...(exitstatus !== undefined ? { exitstatus } : {}),
          newLines,
        });
        if (exitstatus !== undefined) {
          opts.signal?.removeEventListener('abort', onAbort);
          resolve({ upid, ok: isTaskSuccess(exitstatus), exitstatus, log });
          return;
        }
      } catch (err) {
        if (opts.signal?.aborted) return;
        failures++;
        if (
          failures >= maxFailures ||
          (err instanceof AppFailure && !['unreachable', 'timeout', 'server_error'].includes(err.code))
        ) {
          opts.signal?.removeEventListener('abort', onAbort);
          reject(err);
          return;
        }
      }
      // Back off while polls fail, up to 8x the interval.
      timer = setTimeout(() => void tick(), interval * Math.min(8, 2 ** failures));
    };
    void tick();
  });
}
