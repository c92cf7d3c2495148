// One contract read through the query cache: keyed by cluster (profile) + what it depends on, refetched when a plan
// that changed it finishes. A failure shows in the toast area (when given a title) and as `error`.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { RequestArgs, RequestName, RequestResult } from '../../src-shared/ipc/contract.js';
import type { AppError } from '../../src-shared/ipc/errors.js';
import { getBridge } from '../bridge.js';
import { useToastStore } from '../components/toast-store.js';
import { queryKeyOf, type DataKey } from './query-keys.js';

export class ContractError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** args undefined: not ready to ask yet (the query waits). */
export function useContractQuery<N extends RequestName>(
  name: N,
  args: RequestArgs<N> | undefined,
  key: DataKey,
  failureTitle?: string,
): UseQueryResult<RequestResult<N>, ContractError> {
  return useQuery<RequestResult<N>, ContractError>({
    queryKey: queryKeyOf(key, name, args),
    enabled: args !== undefined,
    queryFn: async () => {
      const reply = await getBridge().invoke(name, args as RequestArgs<N>);
      if (reply.ok) return reply.value;
      if (failureTitle) useToastStore.getState().pushError(failureTitle, reply.error);
      throw new ContractError(reply.error);
    },
  });
}
