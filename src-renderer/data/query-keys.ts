// Query keys: ['pve', profileId, scopes, request name, args]; scopes say which plan changes make the answer stale.
import type { RequestName } from '../../src-shared/ipc/contract.js';
import { affects, type ChangeKey, type ReadScope } from '../../src-shared/plans/changes.js';

/** Whose cluster a read goes to and what it depends on. */
export interface DataKey {
  profileId: string;
  scopes: readonly ReadScope[];
}

export type QueryKey = readonly ['pve', string, readonly ReadScope[], RequestName, unknown];

export const queryKeyOf = (key: DataKey, name: RequestName, args: unknown): QueryKey => [
  'pve',
  key.profileId,
  key.scopes,
  name,
  args ?? null,
];

/** Whether a cached read of one of these profiles depends on one of the changes. */
export function isAffected(
  queryKey: readonly unknown[],
  profileIds: ReadonlySet<string>,
  changes: readonly ChangeKey[],
): boolean {
  if (queryKey[0] !== 'pve' || typeof queryKey[1] !== 'string' || !profileIds.has(queryKey[1])) return false;
  const scopes = queryKey[2] as readonly ReadScope[];
  return scopes.some((s) => changes.some((c) => affects(c, s)));
}
