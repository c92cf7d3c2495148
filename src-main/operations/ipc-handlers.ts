// Main-side handlers for operations.*: build operation plans into the shared plan store, serve the reads and the
// restore-verification reports (a verification whose plan failed before reporting counts as failed).
import type { z } from 'zod';
import { operationsRequests, type VerifyReport } from '../../src-shared/ipc/channels/operations.js';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import type { Profile } from '../../src-shared/model/profile.js';
import type { CallContext } from '../ipc/dispatch.js';
import type { PveCaller } from '../pve/api/caller.js';
import type { PlanStore } from '../plans/plan-store.js';
import { migrateInfo } from './build-migrate.js';
import { buildOperationPlan } from './operation-builder.js';
import { haView, listAllBackups, listJobs, listStorages, provisionInfo } from './operation-reads.js';

type Defs = typeof operationsRequests;
export type OperationHandlers = {
  [N in keyof Defs]: (
    args: z.output<Defs[N]['args']>,
    ctx: CallContext,
  ) => Promise<z.input<Defs[N]['result']>>;
};

export interface OperationsDeps {
  profiles: { get(id: string): Profile };
  clientFor(profileId: string): PveCaller;
  /** the plan store plans.run executes from */
  store: PlanStore;
  pollMs?: number;
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
    'operations.backups': async ({ profileId, vmid }) => ({
      backups: await listAllBackups(deps.clientFor(profileId), vmid),
    }),
    'operations.storages': async ({ profileId, node, content }) => ({
      storages: await listStorages(deps.clientFor(profileId), node, content),
    }),
    'operations.backupJobs': async ({ profileId }) => ({ jobs: await listJobs(deps.clientFor(profileId)) }),
    'operations.ha': async ({ profileId }) => haView(deps.clientFor(profileId)),
    'operations.migrateInfo': async ({ profileId, guest }) => migrateInfo(deps.clientFor(profileId), guest),
    'operations.provisionInfo': async ({ profileId, guest }) =>
      provisionInfo(deps.clientFor(profileId), guest),
    'operations.verifyReport': async ({ planId }) => reportOf(planId),
  };
}
