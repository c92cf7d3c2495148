// Main-side handlers for plans.* (build, run, get), plus the read-only guard and audit log they come with.
// The features hand in the plans.build dispatcher; audit.*, snapshots.list and guests.pending live with their features.
import type { z } from 'zod';
import { plansRequests, type RunResult } from '../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import type { Profile } from '../../src-shared/model/profile.js';
import { isConfirmed } from '../../src-shared/plans/plan.js';
import type { CallContext, MutationGuard } from '../ipc/dispatch.js';
import type { EventBus } from '../ipc/event-bus.js';
import type { PveCaller } from '../pve/api/caller.js';
import { trackTask, type TrackOptions } from '../pollers/task-tracker.js';
import { createAuditLog, type AuditLog } from './audit-log.js';
import { createChangedEmitter } from './changed-emitter.js';
import { type ActionBuilder, buildActionPlan } from './plan-builder.js';
import { runPlan } from './plan-runner.js';
import { createPlanStore, type PlanStore, type StoredPlan } from './plan-store.js';
import { createReadOnlyGuard } from './read-only-guard.js';

type Defs = Pick<typeof plansRequests, 'plans.build' | 'plans.run' | 'plans.get'>;
export type PlanHandlers = {
  [N in keyof Defs]: (
    args: z.output<Defs[N]['args']>,
    ctx: CallContext,
  ) => Promise<z.input<Defs[N]['result']>>;
};

export interface PlanServiceDeps {
  profiles: { get(id: string): Profile };
  /** the open client of a connected profile (connect service) */
  clientFor(profileId: string): PveCaller;
  events: Pick<EventBus, 'emit'>;
  configDir: string;
  /** the features' plans.build dispatcher (src-main/features/plan-actions.ts) */
  buildAction: ActionBuilder;
  /** the one audit log of the app (profile edits write to it too); opened here when not given */
  audit?: AuditLog;
  /** polls a profile's inventory now (after a plan moved or started guests), before plans.changed goes out */
  refreshInventory?(profileId: string): Promise<void>;
  /** task status poll interval; 1 s like the PVE GUI */
  taskIntervalMs?: number;
  now?: () => Date;
}

export interface PlanServices {
  handlers: PlanHandlers;
  /** add to the dispatcher's guards: refuses mutations of read-only profiles */
  guard: MutationGuard;
  store: PlanStore;
  audit: AuditLog;
}

function refuseUnrunnable(stored: StoredPlan, profile: Profile, confirmText: string | undefined): void {
  if (profile.readOnly)
    throw new AppFailure('read_only', 'This cluster profile is read-only: changes are disabled');
  const { plan } = stored;
  if (plan.blocked)
    throw new AppFailure(
      plan.readOnlyRefused ? 'read_only' : 'permission_denied',
      `This plan is blocked: ${plan.blockReasons.join('; ')}`,
    );
  if (!isConfirmed(plan, confirmText ?? '')) {
    throw new AppFailure(
      'bad_parameter',
      `Type ${plan.confirmWord ?? 'the confirmation word'} to confirm this destructive change`,
      { confirmText: 'does not match' },
    );
  }
}

export function createPlanServices(deps: PlanServiceDeps): PlanServices {
  const store = createPlanStore();
  const audit = deps.audit ?? createAuditLog(deps.configDir);
  const now = deps.now ?? (() => new Date());
  const track = (caller: PveCaller, upid: string, opts: TrackOptions): ReturnType<typeof trackTask> =>
    trackTask(caller, upid, {
      ...opts,
      ...(deps.taskIntervalMs !== undefined ? { intervalMs: deps.taskIntervalMs } : {}),
    });

  async function record(
    stored: StoredPlan,
    result: { state: string; error?: string; upids: string[] },
  ): Promise<void> {
    const profile = deps.profiles.get(stored.profileId);
    await audit
      .append({
        time: now().toISOString(),
        identity: stored.identity,
        cluster: { profileId: profile.id, name: profile.name, host: `${profile.host}:${profile.port}` },
        planId: stored.plan.id,
        title: stored.plan.title,
        calls: stored.plan.calls.map((c) => ({ method: c.method, path: c.path, params: c.params })),
        result,
      })
      .catch((err: unknown) =>
        console.error('[proxdeck] audit log write failed:', err instanceof Error ? err.message : err),
      );
  }

  const emitChanged = createChangedEmitter({
    events: deps.events,
    ...(deps.refreshInventory ? { refreshInventory: deps.refreshInventory } : {}),
  });

  async function execute(stored: StoredPlan): Promise<RunResult> {
    const caller = deps.clientFor(stored.profileId);
    try {
      const result = await runPlan(stored, {
        caller,
        track,
        emit: (p) => deps.events.emit('plans.progressed', p),
      });
      await record(stored, {
        state: result.state,
        ...(result.error ? { error: result.error.message } : {}),
        upids: result.steps.flatMap((s) => (s.upid ? [s.upid] : [])),
      });
      // also after a failure part way: the steps that ran changed something
      if (result.steps.some((s) => s.state !== 'skipped')) await emitChanged(stored);
      return result;
    } catch (err) {
      const failure = err instanceof AppFailure ? err : new AppFailure('internal', 'The plan could not run');
      await record(stored, {
        state: failure.code === 'stale_plan' ? 'stale' : 'failed',
        error: failure.message,
        upids: [],
      });
      throw failure;
    }
  }

  const guard = createReadOnlyGuard({
    isReadOnly: (id) => {
      try {
        return deps.profiles.get(id).readOnly;
      } catch {
        return undefined;
      }
    },
    profileOfPlan: (planId) => store.profileOf(planId),
  });

  const handlers: PlanHandlers = {
    'plans.build': async ({ profileId, action }) => {
      const profile = deps.profiles.get(profileId);
      const stored = await buildActionPlan(
        action,
        { caller: deps.clientFor(profileId), profile, now },
        deps.buildAction,
      );
      store.add(stored);
      return stored.plan;
    },
    'plans.run': async ({ planId, confirmText }) => {
      const stored = store.get(planId);
      if (!store.started(planId)) refuseUnrunnable(stored, deps.profiles.get(stored.profileId), confirmText);
      return store.runOnce(planId, execute);
    },
    'plans.get': async ({ planId }) => ({ plan: store.get(planId).plan, result: store.resultOf(planId) }),
  };
  return { handlers, guard, store, audit };
}
