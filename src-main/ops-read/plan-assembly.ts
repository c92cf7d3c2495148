// Turns a builder's BuiltAction into a stored plan for this area: reads the identity's permissions, fixes the plan id
// before the steps are made (so a step can file its output under it) and adds it to the shared store plans.run uses.
import { randomUUID } from 'node:crypto';
import type { Profile } from '../../src-shared/model/profile.js';
import { buildPlan, type Plan } from '../../src-shared/plans/plan.js';
import { getPermissions } from '../pve/api/access.js';
import type { PveCaller } from '../pve/api/caller.js';
import { identityOf, toAnswer } from '../plans/plan-builder.js';
import type { PlanStore } from '../plans/plan-store.js';
import type { BuiltAction } from '../plans/plan-types.js';

export interface AssemblyDeps {
  caller: PveCaller;
  profile: Pick<Profile, 'id' | 'auth' | 'readOnly'>;
  store: PlanStore;
}

/** `make` gets the plan id the plan will carry. */
export async function assemblePlan(deps: AssemblyDeps, make: (planId: string) => Promise<BuiltAction>): Promise<Plan> {
  const id = randomUUID();
  const identity = identityOf(deps.profile);
  const [perms, built] = await Promise.all([getPermissions(deps.caller), make(id)]);
  const plan = buildPlan(
    { ...built.input, id, calls: built.steps.map((s) => s.call) },
    { answer: toAnswer(perms), identity: { id: identity }, readOnly: deps.profile.readOnly },
  );
  deps.store.add({ plan, profileId: deps.profile.id, identity, steps: built.steps, preconditions: built.preconditions, targets: built.targets });
  return plan;
}
