// Shows, per cluster, that the inventory is stale: since when and why (polls are failing and backing off).
import { useInventoryStore } from './inventory-store.js';
import { formatAge } from './format.js';

export function StaleBanner() {
  const clusters = useInventoryStore((s) => s.clusters);
  const stale = Object.values(clusters).flatMap((c) => (c.stale ? [c.stale] : []));
  if (stale.length === 0) return null;
  const now = Date.now();
  return (
    <div className="stale-banner" role="status" data-testid="stale-banner">
      {stale.map((s) => (
        <div key={s.clusterId}>
          <strong>{s.clusterId}</strong>: data is stale (last update {formatAge(s.since, now)}) — {s.error.message}
        </div>
      ))}
    </div>
  );
}
