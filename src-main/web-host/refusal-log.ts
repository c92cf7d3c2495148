// Logs refused WebSocket upgrades without letting a flood of them flood the log: the first refusal of a window is
// written at once, the rest are counted per reason and written as one summary line when the window ends.
export const REFUSAL_LOG_WINDOW_MS = 10_000;

export interface RefusalLog {
  (reason: string): void;
  /** writes any pending summary now (shutdown) */
  flush(): void;
}

export function createRefusalLog(
  write: (line: string) => void,
  opts: { windowMs?: number; now?: () => number } = {},
): RefusalLog {
  const windowMs = opts.windowMs ?? REFUSAL_LOG_WINDOW_MS;
  const now = opts.now ?? Date.now;
  let windowStart = -Infinity;
  const counts = new Map<string, number>();

  const flush = (): void => {
    if (counts.size === 0) return;
    const parts = [...counts].map(([reason, n]) => `${n} × ${reason}`);
    counts.clear();
    write(`[proxdeck] refused more WebSocket connections: ${parts.join(', ')}`);
  };

  const log = (reason: string): void => {
    const t = now();
    if (t - windowStart >= windowMs) {
      flush();
      windowStart = t;
      write(`[proxdeck] refused a WebSocket connection: ${reason}`);
      return;
    }
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  };
  return Object.assign(log, { flush });
}
