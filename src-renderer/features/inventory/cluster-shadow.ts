// Profiles that reach the same cluster show it once: the best-ranked profile of each identity wins, the others are
// shadowed (their records stay in the store, out of the grid and the node cards).
import type { ClusterIdentity, GuestRecord, InventoryRecord } from '../../../src-shared/model/inventory.js';

/** Cluster ids whose records another profile of the same cluster shows. Order-independent. */
export function shadowedClusters(
  identities: Readonly<Record<string, ClusterIdentity | undefined>>,
): Set<string> {
  const ids = Object.keys(identities).sort();
  const group = new Map<string, string>(ids.map((id) => [id, id]));
  const root = (id: string): string => {
    let r = id;
    while (group.get(r) !== r) r = group.get(r)!;
    return r;
  };
  const byKey = new Map<string, string>();
  for (const id of ids)
    for (const key of identities[id]?.keys ?? []) {
      const other = byKey.get(key);
      if (other === undefined) byKey.set(key, id);
      else group.set(root(id), root(other));
    }
  const winner = new Map<string, string>();
  const rank = (id: string): number => identities[id]?.rank ?? -1;
  for (const id of ids) {
    const g = root(id);
    const best = winner.get(g);
    if (best === undefined || rank(id) > rank(best)) winner.set(g, id);
  }
  return new Set(ids.filter((id) => winner.get(root(id)) !== id));
}

/** The grid's Cluster column reads these two fields from the record itself. */
export function withClusterLabel(r: InventoryRecord, identity: ClusterIdentity | undefined): InventoryRecord {
  if (r.kind !== 'guest' || !identity) return r;
  const labelled: GuestRecord & { clusterName: string; clusterColor: string } = {
    ...r,
    clusterName: identity.name,
    clusterColor: identity.color,
  };
  return labelled;
}
