// Main side of snapshot policies: list, plan a save (the plan saves it as it runs), run now, and the scheduler that
// runs due policies while the app is open. Each run is a plan the saved policy approves, run through plans.run (so
// it is in the audit log) without a confirm.
import type { RunResult } from '../../../src-shared/ipc/channels/plans.js';
import { policyId, type SnapshotPolicy } from '../../../src-shared/ipc/channels/snapshot-policy.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { Profile } from '../../../src-shared/model/profile.js';
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { planFromBuilt } from '../../plans/plan-builder.js';
import type { PlanStore } from '../../plans/plan-store.js';
import { buildPolicyRun } from './build-policy.js';
import { openPolicyStore, type PolicyStore } from './policy-store.js';
import { createPolicyScheduler, type PolicyScheduler } from './scheduler.js';

export interface SnapshotPolicyDeps {
  profiles: { get(id: string): Profile };
  clientFor(profileId: string): PveCaller;
  /** the plan store plans.run executes from */
  store: PlanStore;
  /** plans.run: runs a stored plan (and records it in the audit log) */
  runPlan(planId: string): Promise<RunResult>;
  configDir: string;
  /** the scheduler's clock */
  now?: () => Date;
  tickMs?: number;
}

export interface SnapshotPolicyService {
  handlers: Pick<
    Handlers,
    'snapshotPolicy.list' | 'snapshotPolicy.plan' | 'snapshotPolicy.runNow' | 'snapshotPolicy.remove'
  >;
  scheduler: PolicyScheduler;
  policies: PolicyStore;
  dispose(): void;
}

export async function createSnapshotPolicy(deps: SnapshotPolicyDeps): Promise<SnapshotPolicyService> {
  const policies = await openPolicyStore(deps.configDir);
  const now = deps.now ?? (() => new Date());
  const ctxOf = (profileId: string) => ({ caller: deps.clientFor(profileId), plan: {}, now });

  async function runPolicy(p: SnapshotPolicy): Promise<RunResult> {
    const profile = deps.profiles.get(p.profileId);
    const stored = await planFromBuilt(buildPolicyRun(p, ctxOf(p.profileId)), {
      caller: deps.clientFor(p.profileId),
      profile,
    });
    deps.store.add(stored);
    const record = (state: RunResult['state'], error?: string): Promise<void> =>
      policies.recordRun(p.profileId, p.id, {
        at: now().getTime(),
        planId: stored.plan.id,
        state,
        ...(error ? { error } : {}),
      });
    try {
      const result = await deps.runPlan(stored.plan.id);
      await record(result.state, result.error?.message);
      return result;
    } catch (err) {
      await record('failed', err instanceof Error ? err.message : 'the run could not start');
      throw err;
    }
  }

  const connected = (profileId: string): boolean => {
    try {
      deps.clientFor(profileId);
      return true;
    } catch {
      return false;
    }
  };
  const scheduler = createPolicyScheduler({
    now,
    policies: () => policies.all(),
    connected,
    run: runPolicy,
    ...(deps.tickMs ? { tickMs: deps.tickMs } : {}),
  });
  scheduler.start();

  return {
    policies,
    scheduler,
    dispose: () => scheduler.stop(),
    handlers: {
      'snapshotPolicy.list': async ({ profileId }) => ({ policies: policies.of(profileId) }),
      'snapshotPolicy.plan': async ({ profileId, policy }) => {
        const profile = deps.profiles.get(profileId);
        const id = policyId(policy);
        const before = policies.get(profileId, id);
        const stored = await planFromBuilt(
          buildPolicyRun(policy, ctxOf(profileId), {
            save: {
              ...(before ? { before } : {}),
              persist: () => policies.put({ ...policy, id, profileId, savedAt: now().getTime() }),
            },
          }),
          { caller: deps.clientFor(profileId), profile },
        );
        deps.store.add(stored);
        return stored.plan;
      },
      'snapshotPolicy.remove': async ({ profileId, policyId: id }) => ({
        removed: await policies.remove(profileId, id),
      }),
      'snapshotPolicy.runNow': async ({ profileId, policyId: id }) => {
        const p = policies.get(profileId, id);
        if (!p) throw new AppFailure('not_found', 'This snapshot policy is not saved (any more)');
        return runPolicy(p);
      },
    },
  };
}
