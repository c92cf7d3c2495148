// The dispatcher's mutation guard: a read-only profile refuses every mutation request before its handler runs.
import type { AppError } from '../../src-shared/ipc/errors.js';
import type { MutationGuard } from '../ipc/dispatch.js';

export interface ReadOnlyGuardDeps {
  /** undefined: unknown profile (the handler then answers not_found) */
  isReadOnly(profileId: string): boolean | undefined;
  /** plans.run names a plan, not a profile */
  profileOfPlan(planId: string): string | undefined;
}

export const READ_ONLY_REFUSAL: AppError = {
  code: 'read_only',
  message: 'This cluster profile is read-only: changes are disabled',
};

function profileIdOf(args: unknown, deps: ReadOnlyGuardDeps): string | undefined {
  if (!args || typeof args !== 'object') return undefined;
  const a = args as Record<string, unknown>;
  for (const key of ['profileId', 'clusterId']) if (typeof a[key] === 'string') return a[key];
  return typeof a.planId === 'string' ? deps.profileOfPlan(a.planId) : undefined;
}

export function createReadOnlyGuard(deps: ReadOnlyGuardDeps): MutationGuard {
  return (_name, args) => {
    const profileId = profileIdOf(args, deps);
    return profileId !== undefined && deps.isReadOnly(profileId) === true ? READ_ONLY_REFUSAL : undefined;
  };
}
