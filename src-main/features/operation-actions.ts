// Builds the plan for any operation: runs its builder, checks privileges against the identity's effective permissions,
// and answers a StoredPlan the shared plan store runs (plans.run). Restore verification also answers its live report.
import type { OperationAction } from '../../src-shared/ipc/channels/operations.js';
import type { VerifyReport } from '../../src-shared/ipc/channels/backups.js';
import { type PlanDeps, planFromBuilt } from '../plans/plan-builder.js';
import type { StoredPlan } from '../plans/plan-store.js';
import type { BuildContext, BuiltAction } from '../plans/plan-types.js';
import { buildBackupDelete, buildBackupRun, buildRestore } from './backups/build-backup.js';
import { buildJobCreate, buildJobDelete, buildJobUpdate } from './backups/build-backup-jobs.js';
import { buildHaAdd, buildHaMove, buildHaRemove, buildHaUpdate } from './ha/build-ha.js';
import { buildMigrate } from './migrate/build-migrate.js';
import { buildClone, buildCreate } from './provision/build-provision.js';
import { buildVerify } from './backups/build-verify.js';

export interface OperationDeps extends PlanDeps {
  /** task and readiness poll interval inside multi-stage steps (1 s like the PVE GUI) */
  pollMs?: number;
}

async function buildOperation(
  a: OperationAction,
  ctx: BuildContext,
  pollMs: number,
): Promise<{ built: BuiltAction; report?: VerifyReport }> {
  const only = (built: Promise<BuiltAction>): Promise<{ built: BuiltAction }> =>
    built.then((b) => ({ built: b }));
  switch (a.kind) {
    case 'backup.run':
      return only(buildBackupRun(a, ctx));
    case 'backup.restore':
      return only(buildRestore(a, ctx));
    case 'backup.verify':
      return buildVerify(a, ctx, { pollMs, now: Date.now });
    case 'backup.delete':
      return only(buildBackupDelete(a));
    case 'backupjob.create':
      return only(buildJobCreate(a));
    case 'backupjob.update':
      return only(buildJobUpdate(a, ctx));
    case 'backupjob.delete':
      return only(buildJobDelete(a, ctx));
    case 'ha.add':
      return only(buildHaAdd(a, ctx));
    case 'ha.update':
      return only(buildHaUpdate(a, ctx));
    case 'ha.remove':
      return only(buildHaRemove(a, ctx));
    case 'ha.move':
      return only(buildHaMove(a, ctx, pollMs));
    case 'migrate':
      return only(buildMigrate(a, ctx, pollMs));
    case 'clone':
      return only(buildClone(a, ctx));
    case 'create':
      return only(buildCreate(a, ctx));
  }
}

export async function buildOperationPlan(
  action: OperationAction,
  deps: OperationDeps,
): Promise<{ stored: StoredPlan; report?: VerifyReport }> {
  const op = buildOperation(
    action,
    { caller: deps.caller, plan: {}, now: () => new Date() },
    deps.pollMs ?? 1_000,
  );
  const stored = await planFromBuilt(
    op.then((o) => o.built),
    deps,
  );
  const { report } = await op;
  if (report) report.planId = stored.plan.id;
  return { stored, ...(report ? { report } : {}) };
}
