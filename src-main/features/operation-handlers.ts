// Main-side handlers for operations.build and operations.verifyReport: build any backup, HA, migrate or provision plan
// into the shared plan store, and serve the restore-verification reports those builds start (a verification whose
// plan failed before reporting counts as failed). The features' reads live in their own ipc-handlers.
import type { VerifyReport } from '../../src-shared/ipc/channels/backups.js';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import type { Profile } from '../../src-shared/model/profile.js';
import type { Handlers } from '../ipc/dispatch.js';
import type { EventBus } from '../ipc/event-bus.js';
import type { VerifyResults } from './backups/verify-results.js';
import type { PveCaller } from '../pve/api/caller.js';
import type { PlanStore } from '../plans/plan-store.js';
import { buildOperationPlan } from './operation-actions.js';

export type OperationHandlers = Pick<Handlers, 'operations.build' | 'operations.verifyReport'>;

export interface OperationsDeps {
  profiles: { get(id: string): Profile };
  clientFor(profileId: string): PveCaller;
  /** the plan store plans.run executes from */
  store: PlanStore;
  pollMs?: number;
  /** where finished verifications are kept; with `events`, each one is recorded when its plan finished */
  verifyResults?: VerifyResults;
  events?: Pick<EventBus, 'subscribe'>;
}

const MAX_REPORTS = 200;

export function createOperationsHandlers(deps: OperationsDeps): OperationHandlers {
  const reports = new Map<string, VerifyReport>();

  function reportOf(planId: string): VerifyReport {
    const r = reports.get(planId);
    if (!r) throw new AppFailure('not_found', 'No restore verification with this plan id');
    const result = deps.store.resultOf(planId);
    if (result?.state !== 'failed' || r.state === 'fail' || r.state === 'pass') return r;

    return { ...r, state: 'fail', detail: r.detail ?? result.error?.message ?? 'the plan failed' };
  }

  deps.events?.subscribe((m) => {
    if (m.event !== 'plans.changed' || !deps.verifyResults) return;
    const { planId, profileId } = m.payload as { planId: string; profileId: string };
    const r = reports.get(planId);
    if (!r) return;
    // the plan finished: anything short of pass is a failed verification
    void deps.verifyResults
      .record({
        time: new Date().toISOString(),
        profileId,
        volid: r.volid,
        state: r.state === 'pass' ? 'pass' : 'fail',
        scratchVmid: r.scratchVmid,
        ...(r.detail ? { detail: r.detail } : {}),
      })
      .catch((err: unknown) =>
        console.error('[proxdeck] verify result write failed:', err instanceof Error ? err.message : err),
      );
  });

  return {
    'operations.build': async ({ profileId, action }) => {
      const profile = deps.profiles.get(profileId);
      const { stored, report } = await buildOperationPlan(action, {
        caller: deps.clientFor(profileId),
        profile,
        ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
      });
      deps.store.add(stored);
      if (report) {
        reports.set(stored.plan.id, report);
        for (const id of reports.keys()) if (reports.size > MAX_REPORTS) reports.delete(id);
      }
      return stored.plan;
    },
    'operations.verifyReport': async ({ planId }) => reportOf(planId),
  };
}
