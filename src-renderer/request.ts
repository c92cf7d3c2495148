// Calls a contract request; on failure shows the typed error in the toast area and resolves to undefined.
import type { RequestArgs, RequestName, RequestResult } from '../src-shared/ipc/contract.js';
import { getBridge } from './bridge.js';
import { useToastStore } from './components/toast-store.js';

export async function request<N extends RequestName>(
  name: N,
  args: RequestArgs<N>,
  failureTitle = `Request ${name} failed`,
  /** groups the failure notice so a later success can close it (see clearScopeErrors) */
  scope?: string,
): Promise<RequestResult<N> | undefined> {
  const reply = await getBridge().invoke(name, args);
  if (reply.ok) return reply.value;
  useToastStore.getState().pushError(failureTitle, reply.error, scope);
  return undefined;
}
