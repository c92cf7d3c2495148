// Polls /cluster/tasks of one cluster on a chained timer (never overlapping, backing off on errors) and hands each
// answer to the caller; stops with its AbortSignal.
import type { TaskEntry } from '../../pve/api/task-lists.js';

export interface TaskWatchOptions {
  list(signal: AbortSignal): Promise<TaskEntry[]>;
  onTasks(tasks: TaskEntry[]): void;
  intervalMs: number;
  /** longest wait while failing (default 60 s) */
  maxBackoffMs?: number;
}

export function startTaskWatch(opts: TaskWatchOptions): { stop(): void } {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const cycle = async (): Promise<void> => {
    try {
      opts.onTasks(await opts.list(abort.signal));
      failures = 0;
    } catch {
      // the inventory poller reports an unreachable cluster; here a failed poll only slows the next one
      failures++;
    }
    if (abort.signal.aborted) return;
    const wait = Math.min(opts.intervalMs * 2 ** failures, opts.maxBackoffMs ?? 60_000);
    timer = setTimeout(() => void cycle(), wait);
  };
  timer = setTimeout(() => void cycle(), 0);

  return {
    stop() {
      abort.abort();
      clearTimeout(timer);
    },
  };
}
