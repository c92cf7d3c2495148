// The plans.build dispatcher: hands each guest action to its feature's builder (guest-config, snapshots).
import type { PlanAction } from '../../src-shared/ipc/channels/plans.js';
import { buildActionPlan as buildWith, type BuildDeps } from '../plans/plan-builder.js';
import type { StoredPlan } from '../plans/plan-store.js';
import type { BuildContext, BuiltAction } from '../plans/plan-types.js';
import { buildConfig } from './guest-config/build-config.js';
import { buildPower } from './guest-config/build-power.js';
import { buildSnapshotCreate, buildSnapshotDelete } from './snapshots/build-snapshots.js';
import { buildPruneSafety, buildSnapshotRollback, buildUndoRollback } from './snapshots/build-rollback.js';

export function buildAction(action: PlanAction, ctx: BuildContext): Promise<BuiltAction> {
  switch (action.kind) {
    case 'power':
      return buildPower(action, ctx);
    case 'config':
      return buildConfig(action, ctx);
    case 'snapshot.create':
      return buildSnapshotCreate(action, ctx);
    case 'snapshot.rollback':
      return buildSnapshotRollback(action, ctx);
    case 'snapshot.delete':
      return buildSnapshotDelete(action, ctx);
    case 'snapshot.undo-rollback':
      return buildUndoRollback(action, ctx);
    case 'snapshot.prune-safety':
      return buildPruneSafety(action, ctx);
  }
}

export function buildActionPlan(action: PlanAction, deps: BuildDeps): Promise<StoredPlan> {
  return buildWith(action, deps, buildAction);
}
