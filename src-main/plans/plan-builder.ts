// Builds a plan for any action: reads the identity's effective permissions, runs the action's builder, checks privileges.
// (The plans.build action dispatcher lives with the features: src-main/features/plan-actions.ts.)
import { randomUUID } from 'node:crypto';
import type { PlanAction } from '../../src-shared/ipc/channels/plans.js';
import type { Profile } from '../../src-shared/model/profile.js';
import type { PermissionsAnswer } from '../../src-shared/permissions/evaluate.js';
import { buildPlan, type PlanContext } from '../../src-shared/plans/plan.js';
import type { PveCaller } from '../pve/api/caller.js';
import { getPermissions } from '../pve/api/access.js';
import type { BuildContext, BuiltAction } from './plan-types.js';
import type { StoredPlan } from './plan-store.js';

/** The identity PVE checks: the token itself, or user@realm for a password login. */
export function identityOf(profile: Pick<Profile, 'auth'>): string {
  return profile.auth.kind === 'token'
    ? profile.auth.tokenId
    : `${profile.auth.username}@${profile.auth.realm}`;
}

/** GET /access/permissions answers booleans after conversion; the evaluator wants PVE's 0/1 propagate flags. */
export function toAnswer(perms: Record<string, Record<string, boolean>>): PermissionsAnswer {
  return Object.fromEntries(
    Object.entries(perms).map(([path, privs]) => [
      path,
      Object.fromEntries(Object.entries(privs).map(([p, f]) => [p, f ? 1 : 0])),
    ]),
  );
}

/** What turning a builder's answer into a stored plan needs: whose client and profile, and (for tests) the plan id. */
export interface PlanDeps {
  caller: PveCaller;
  profile: Pick<Profile, 'id' | 'auth' | 'readOnly'>;
  newId?: () => string;
}

export interface BuildDeps extends PlanDeps {
  now?: () => Date;
}

/**
 * The one place any builder's answer becomes a stored plan: reads the identity's effective permissions while the
 * builder runs, checks every call's privileges and keeps the executable steps next to the plan the renderer sees.
 */
export async function planFromBuilt(built: Promise<BuiltAction>, deps: PlanDeps): Promise<StoredPlan> {
  const identity = identityOf(deps.profile);
  const [perms, b] = await Promise.all([getPermissions(deps.caller), built]);
  const planCtx: PlanContext = {
    answer: toAnswer(perms),
    identity: { id: identity },
    readOnly: deps.profile.readOnly,
  };
  const plan = buildPlan(
    { ...b.input, id: (deps.newId ?? randomUUID)(), calls: b.steps.map((s) => s.call) },
    planCtx,
  );
  return {
    plan,
    profileId: deps.profile.id,
    identity,
    steps: b.steps,
    preconditions: b.preconditions,
    targets: b.targets,
  };
}

/** Turns a plans.build action into its builder's answer; the composition root passes the features' dispatcher in. */
export type ActionBuilder = (action: PlanAction, ctx: BuildContext) => Promise<BuiltAction>;

export function buildActionPlan(
  action: PlanAction,
  deps: BuildDeps,
  build: ActionBuilder,
): Promise<StoredPlan> {
  return planFromBuilt(
    build(action, { caller: deps.caller, plan: {}, now: deps.now ?? (() => new Date()) }),
    deps,
  );
}
