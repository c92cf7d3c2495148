// Runs saved snapshot policies when they are due, while the app runs: a tick every minute checks each policy against
// the injected clock (tests pass their own and call tick() — no waiting).
import type { PolicyFrequency, SnapshotPolicy } from '../../../src-shared/ipc/channels/snapshot-policy.js';

export const PERIOD_MS: Record<PolicyFrequency, number> = { hourly: 3_600_000, daily: 86_400_000 };

/** Due once a full period passed since the last run (or the save, which is the first run). */
export const isDue = (p: SnapshotPolicy, now: number): boolean =>
  now - (p.lastRun?.at ?? p.savedAt) >= PERIOD_MS[p.frequency];

export interface SchedulerDeps {
  now(): Date;
  policies(): readonly SnapshotPolicy[];
  /** false while the profile is not connected: its policies wait */
  connected(profileId: string): boolean;
  run(p: SnapshotPolicy): Promise<unknown>;
  /** how often to check; one minute */
  tickMs?: number;
}

export interface PolicyScheduler {
  /** runs every due policy, one after the other; answers the ids it ran */
  tick(): Promise<string[]>;
  start(): void;
  stop(): void;
}

export function createPolicyScheduler(deps: SchedulerDeps): PolicyScheduler {
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<string[]> | undefined;
  async function runDue(): Promise<string[]> {
    const now = deps.now().getTime();
    const due = deps.policies().filter((p) => isDue(p, now) && deps.connected(p.profileId));
    for (const p of due) {
      await deps
        .run(p)
        .catch((err: unknown) =>
          console.error('[proxdeck] snapshot policy run failed:', err instanceof Error ? err.message : err),
        );
    }
    return due.map((p) => p.id);
  }
  const tick = (): Promise<string[]> => {
    // a slow run is never overlapped by the next tick
    running ??= runDue().finally(() => {
      running = undefined;
    });
    return running;
  };
  return {
    tick,
    start() {
      timer ??= setInterval(() => void tick(), deps.tickMs ?? 60_000);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
