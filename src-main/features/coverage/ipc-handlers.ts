// Main-side handlers for coverage.*: the coverage of each listed cluster, the verification queue plan, and its report.
import type { QueueReport } from '../../../src-shared/ipc/channels/coverage.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import type { VerifyResults } from '../backups/verify-results.js';
import { buildVerifyQueue } from './build-verify-queue.js';
import { readCoverage } from './coverage-reads.js';

const MAX_REPORTS = 50;

export function createCoverageHandlers(
  deps: PlanSource & {
    verifyResults: VerifyResults;
    /** task and readiness poll interval inside the verifications (1 s like the PVE GUI) */
    pollMs?: number;
  },
): Pick<Handlers, 'coverage.list' | 'coverage.verifyPlan' | 'coverage.queueReport'> {
  const reports = new Map<string, QueueReport>();
  return {
    'coverage.list': async ({ profileIds }) => {
      const verified = await deps.verifyResults.latest().catch(() => new Map());
      return {
        clusters: await Promise.all(
          profileIds.map((profileId) =>
            // clientFor throws for a cluster that is not connected: that too is this cluster's error
            Promise.resolve()
              .then(() => readCoverage(deps.clientFor(profileId), profileId, verified))
              .catch((err: unknown) => ({
                profileId,
                rows: [],
                nodes: [],
                notes: [],
                error: err instanceof Error ? err.message : 'the cluster could not be read',
              })),
          ),
        ),
      };
    },
    'coverage.verifyPlan': async ({ profileId, ...spec }) => {
      let report: QueueReport | undefined;
      const plan = await assembleFor(deps, profileId, async (caller, planId) => {
        const out = await buildVerifyQueue(caller, planId, spec, {
          pollMs: deps.pollMs ?? 1_000,
          now: Date.now,
          record: (r) => deps.verifyResults.record({ ...r, profileId }),
        });
        report = out.report;
        return out.built;
      });
      if (report) {
        reports.set(plan.id, report);
        for (const id of reports.keys()) if (reports.size > MAX_REPORTS) reports.delete(id);
      }
      return plan;
    },
    'coverage.queueReport': async ({ planId }) => {
      const r = reports.get(planId);
      if (!r) throw new AppFailure('not_found', 'No verification queue with this plan id');
      return r;
    },
  };
}
