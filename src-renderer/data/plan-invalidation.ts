// Refetches exactly what a finished plan changed: plans.changed names the keys, every cached read that depends on one
// of them (for that profile, and every other profile reaching the same cluster) is invalidated; open views refetch.
import type { QueryClient } from '@tanstack/react-query';
import type { PlansChanged } from '../../src-shared/ipc/channels/plans.js';
import { getBridge } from '../bridge.js';
import { isAffected } from './query-keys.js';

/** profileId → the profiles that reach the same cluster (itself included) */
export type SameCluster = (profileId: string) => Iterable<string>;

export function invalidateChanged(
  client: QueryClient,
  event: PlansChanged,
  sameCluster?: SameCluster,
): Promise<void> {
  const profiles = new Set([event.profileId, ...(sameCluster?.(event.profileId) ?? [])]);
  return client.invalidateQueries({ predicate: (q) => isAffected(q.queryKey, profiles, event.changes) });
}

/** Returns the unsubscribe function. */
export function startPlanInvalidation(client: QueryClient, sameCluster?: SameCluster): () => void {
  return getBridge().on('plans.changed', (event) => void invalidateChanged(client, event, sameCluster));
}
