// Turns a built cluster-level action (firewall, SDN, replication) into a stored plan: privileges checked, pvesh lines rendered.
import { randomUUID } from 'node:crypto';
import type { Profile } from '../../src-shared/model/profile.js';
import { expandCalls } from '../../src-shared/permissions/action-privileges.js';
import { type AnyActionId, anyActionById } from '../../src-shared/permissions/cluster-ops-actions.js';
import type { HttpMethod, Vars } from '../../src-shared/permissions/requirement.js';
import { fillPath } from '../../src-shared/permissions/requirement.js';
import { buildPlan, type CallInput } from '../../src-shared/plans/plan.js';
import type { ParamValue } from '../../src-shared/plans/pvesh.js';
import { getPermissions } from '../pve/api/access.js';
import type { PveCaller } from '../pve/api/caller.js';
import { identityOf, toAnswer } from '../plans/plan-builder.js';
import type { StoredPlan } from '../plans/plan-store.js';
import type { BuiltAction } from '../plans/plan-types.js';

export interface ClusterPlanDeps {
  caller: PveCaller;
  profile: Pick<Profile, 'id' | 'auth' | 'readOnly'>;
  newId?: () => string;
}

/** The action's call with this method and path template, its path filled from vars and its privilege needs attached. */
export function actionCall(id: AnyActionId, method: HttpMethod, template: string, vars: Vars, params: Readonly<Record<string, ParamValue | undefined>> = {}): CallInput {
  const call = expandCalls(anyActionById(id)).find((c) => c.method === method && c.path === template);
  if (!call) throw new Error(`action ${id} has no ${method} ${template}`);
  const path = fillPath(template, vars);
  if (path === undefined) throw new Error(`${id}: ${template} needs variables not given`);
  return { method, path, params, needs: call.needs, vars };
}

export async function storeClusterPlan(build: (c: PveCaller) => Promise<BuiltAction>, deps: ClusterPlanDeps): Promise<StoredPlan> {
  const identity = identityOf(deps.profile);
  const [perms, built] = await Promise.all([getPermissions(deps.caller), build(deps.caller)]);
  const plan = buildPlan(
    { ...built.input, id: (deps.newId ?? randomUUID)(), calls: built.steps.map((s) => s.call) },
    { answer: toAnswer(perms), identity: { id: identity }, readOnly: deps.profile.readOnly },
  );
  return { plan, profileId: deps.profile.id, identity, steps: built.steps, preconditions: built.preconditions, targets: built.targets };
}

/** a plan that touches no guest: no preconditions beyond what PVE checks itself (digest params) */
export function clusterAction(input: BuiltAction['input'], steps: BuiltAction['steps']): BuiltAction {
  return { input, steps, preconditions: [], targets: [] };
}
