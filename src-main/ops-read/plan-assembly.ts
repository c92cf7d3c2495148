// Turns a builder's BuiltAction into a stored plan for the operations areas: fixes the plan id before the steps are made
// (so a step can file its output under it), lets planFromBuilt check it, and adds it to the shared store plans.run uses.
import { randomUUID } from 'node:crypto';
import type { Plan } from '../../src-shared/plans/plan.js';
import { type PlanDeps, planFromBuilt } from '../plans/plan-builder.js';
import type { PlanStore } from '../plans/plan-store.js';
import type { BuiltAction } from '../plans/plan-types.js';

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
