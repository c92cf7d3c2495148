// Loads one cluster read for a profile through the query cache (see data/): refetched when a plan that changed what
// it depends on finishes, and on demand (reload). No timers here.
import type { RequestArgs, RequestName, RequestResult } from '../../../src-shared/ipc/contract.js';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { scopesOf } from '../../data/read-scopes.js';
import { useContractQuery } from '../../data/useContractQuery.js';

export function useClusterRead<N extends RequestName>(
  name: N,
  args: RequestArgs<N> | undefined,
  failure: string,
): { data: RequestResult<N> | undefined; error: AppError | undefined; reload(): void } {
  const profileId =
    typeof args === 'object' && args !== null && 'profileId' in args && typeof args.profileId === 'string'
      ? args.profileId
      : '';
  const q = useContractQuery(name, args, { profileId, scopes: scopesOf(name, args) }, failure);
  return { data: q.data, error: q.error?.error, reload: () => void q.refetch() };
}
