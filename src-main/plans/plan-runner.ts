// Runs a stored plan: re-checks what it assumed (digest, status, snapshot), makes its calls in order, follows each task.
import type { PlanProgress, RunResult, StepResult } from '../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import type { TaskOutcome } from '../../src-shared/model/task.js';
import type { PveCaller } from '../pve/api/caller.js';
import { getGuestConfig, getGuestPending, getGuestStatus, pendingKeys } from '../pve/api/guests.js';
import { listSnapshots } from '../pve/api/snapshots.js';
import type { TrackOptions } from '../pollers/task-tracker.js';
import type { StoredPlan } from './plan-store.js';
import type { Precondition } from './plan-types.js';

export interface RunDeps {
  caller: PveCaller;
  track(caller: PveCaller, upid: string, opts: TrackOptions): Promise<TaskOutcome>;
  emit(p: PlanProgress): void;
  now?: () => number;
}

async function whatChanged(c: PveCaller, p: Precondition): Promise<string | undefined> {
  if (p.digest !== undefined) {
    const { digest } = await getGuestConfig(c, p.guest);
    if (digest !== p.digest) return `the config of ${p.label} was changed by someone else`;
  }
  if (p.status !== undefined) {
    const { status } = await getGuestStatus(c, p.guest);
    if (status !== p.status) return `${p.label} is now ${status}, not ${p.status}`;
  }
  if (p.snapshot !== undefined) {
    const { snapshots } = await listSnapshots(c, p.guest);
    if (!snapshots.some((s) => s.name === p.snapshot))
      return `snapshot '${p.snapshot}' of ${p.label} no longer exists`;
  }
  return undefined;
}

/** Throws stale_plan when a target changed since planning: the user must see a fresh plan before anything happens. */
export async function checkPreconditions(c: PveCaller, stored: StoredPlan): Promise<void> {
  const changes = (await Promise.all(stored.preconditions.map((p) => whatChanged(c, p)))).filter(
    (x): x is string => x !== undefined,
  );
  if (changes.length > 0) {
    throw new AppFailure(
      'stale_plan',
      `Nothing was done: ${changes.join('; ')} since this plan was built. Build the plan again.`,
    );
  }
}

const message = (err: unknown): string =>
  err instanceof AppFailure || err instanceof Error ? err.message : 'unexpected failure';

export async function runPlan(stored: StoredPlan, deps: RunDeps): Promise<RunResult> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const planId = stored.plan.id;
  await checkPreconditions(deps.caller, stored);
  const steps: StepResult[] = stored.plan.calls.map((c, index) => ({
    index,
    method: c.method,
    path: c.path,
    state: 'skipped',
    log: [],
  }));
  let error: RunResult['error'];
  for (const [index, step] of stored.steps.entries()) {
    const out = steps[index]!;
    deps.emit({ planId, index, state: 'running', newLines: [] });
    try {
      const upid = await step.run(deps.caller);
      if (upid !== undefined) {
        out.upid = upid;
        const outcome = await deps.track(deps.caller, upid, {
          onProgress: (p) => deps.emit({ planId, index, state: 'running', upid, newLines: p.newLines }),
        });
        out.log = outcome.log;
        out.exitstatus = outcome.exitstatus;
        if (!outcome.ok) throw new AppFailure('server_error', outcome.exitstatus);
      }
      out.state = 'done';
      deps.emit({
        planId,
        index,
        state: 'done',
        ...(upid ? { upid } : {}),
        ...(out.exitstatus ? { exitstatus: out.exitstatus } : {}),
        newLines: [],
      });
    } catch (err) {
      out.state = 'failed';
      out.error = message(err);
      error = {
        code: err instanceof AppFailure ? err.code : 'internal',
        message: `${step.call.method} ${step.call.path}: ${out.error}`,
      };
      deps.emit({ planId, index, state: 'failed', ...(out.upid ? { upid: out.upid } : {}), newLines: [] });
      break;
    }
  }
  return {
    planId,
    state: error ? 'failed' : 'succeeded',
    ...(error ? { error } : {}),
    steps,
    endState: await endState(deps.caller, stored),
    startedAt,
    finishedAt: now(),
  };
}

/** Where each target ended up: power state and the keys PVE keeps pending. Best effort: a failed read leaves it out. */
async function endState(c: PveCaller, stored: StoredPlan): Promise<RunResult['endState']> {
  return Promise.all(
    stored.targets.map(async (g) => {
      const [status, pending] = await Promise.all([
        getGuestStatus(c, g).catch(() => undefined),
        getGuestPending(c, g).catch(() => []),
      ]);
      return {
        target: `${g.type}/${g.vmid}`,
        ...(status ? { status: status.status } : {}),
        pending: pendingKeys(pending),
      };
    }),
  );
}
