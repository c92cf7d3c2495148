// Turns a builder's BuiltAction into a stored plan for the operations areas: fixes the plan id before the steps are made
// (so a step can file its output under it), lets planFromBuilt check it, and adds it to the shared store plans.run uses.
import { randomUUID } from 'node:crypto';
import type { Profile } from '../../src-shared/model/profile.js';
import type { Plan } from '../../src-shared/plans/plan.js';
import type { PveCaller } from '../pve/api/caller.js';
import { type PlanDeps, planFromBuilt } from './plan-builder.js';
import type { PlanStore } from './plan-store.js';
import type { BuiltAction } from './plan-types.js';

export interface AssemblyDeps extends Omit<PlanDeps, 'newId'> {
  store: PlanStore;
}

/** `make` gets the plan id the plan will carry. */
export async function assemblePlan(
  deps: AssemblyDeps,
  make: (planId: string) => Promise<BuiltAction>,
): Promise<Plan> {
  const id = randomUUID();
  const stored = await planFromBuilt(make(id), {
    caller: deps.caller,
    profile: deps.profile,
    newId: () => id,
  });
  deps.store.add(stored);
  return stored.plan;
}

/** What a feature's handlers need to assemble plans for any connected profile. */
export interface PlanSource<C extends PveCaller = PveCaller> {
  profiles: { get(id: string): Pick<Profile, 'id' | 'auth' | 'readOnly'> };
  clientFor(profileId: string): C;
  store: PlanStore;
}

/** assemblePlan for a profile id: the builder gets that profile's client and the plan id. */
export function assembleFor<C extends PveCaller>(
  deps: PlanSource<C>,
  profileId: string,
  make: (caller: C, planId: string) => Promise<BuiltAction>,
): Promise<Plan> {
  const caller = deps.clientFor(profileId);
  return assemblePlan({ caller, profile: deps.profiles.get(profileId), store: deps.store }, (id) =>
    make(caller, id),
  );
}
