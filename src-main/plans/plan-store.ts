// Built plans by id, and their runs: a plan runs at most once; every later run request gets the first run's answer.
import type { GuestRef, RunResult } from '../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import type { Plan } from '../../src-shared/plans/plan.js';
import type { PlanStep, Precondition } from './plan-types.js';

export interface StoredPlan {
  plan: Plan;
  profileId: string;
  identity: string;
  steps: PlanStep[];
  preconditions: Precondition[];
  targets: GuestRef[];
}

export interface PlanStore {
  add(p: StoredPlan): void;
  get(planId: string): StoredPlan;
  /** the profile a plan belongs to, for the read-only guard (undefined: unknown plan) */
  profileOf(planId: string): string | undefined;
  /** starts `run` the first time only; the same promise (result or failure) answers every later call */
  runOnce(planId: string, run: (p: StoredPlan) => Promise<RunResult>): Promise<RunResult>;
  /** true once a run was started (finished or not) */
  started(planId: string): boolean;
  /** forgets every plan of a profile that has not started (its read-only flag changed: re-plan) */
  dropUnstarted(profileId: string): number;
  /** the finished result, null while not run or still running */
  resultOf(planId: string): RunResult | null;
}

/** Old plans are dropped past this count; a run in progress is never dropped. */
const MAX_PLANS = 500;

export function createPlanStore(): PlanStore {
  const plans = new Map<string, StoredPlan>();
  const runs = new Map<string, Promise<RunResult>>();
  const results = new Map<string, RunResult>();

  function prune(): void {
    for (const id of plans.keys()) {
      if (plans.size <= MAX_PLANS) return;
      if (runs.has(id) && !results.has(id)) continue;
      plans.delete(id);
      runs.delete(id);
      results.delete(id);
    }
  }

  const store: PlanStore = {
    add(p) {
      plans.set(p.plan.id, p);
      prune();
    },
    get(planId) {
      const p = plans.get(planId);
      if (!p) throw new AppFailure('not_found', 'This plan is unknown or expired: build it again');
      return p;
    },
    profileOf: (planId) => plans.get(planId)?.profileId,
    runOnce(planId, run) {
      const existing = runs.get(planId);
      if (existing) return existing;
      // Registered before the first await, so a second call in the same tick finds it.
      const started = run(store.get(planId)).then((r) => {
        results.set(planId, r);
        return r;
      });
      runs.set(planId, started);
      return started;
    },
    started: (planId) => runs.has(planId),
    dropUnstarted(profileId) {
      let dropped = 0;
      for (const [id, p] of plans)
        if (p.profileId === profileId && !runs.has(id)) {
          plans.delete(id);
          dropped++;
        }
      return dropped;
    },
    resultOf: (planId) => results.get(planId) ?? null,
  };
  return store;
}
