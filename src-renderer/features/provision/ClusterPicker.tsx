// Picks one of the connected clusters for the cluster-wide operation views (HA, backups, create).
import { useState, type ReactNode } from 'react';
import { useInventoryStore } from '../inventory/inventory-store.js';

export function useClusterChoice(): { clusterId: string | undefined; picker: ReactNode } {
  const clusters = useInventoryStore((s) => s.clusters);
  const ids = Object.keys(clusters);
  const [chosen, setChosen] = useState<string>();
  const clusterId = chosen && ids.includes(chosen) ? chosen : ids[0];
  const picker = (
    <label className="ops-picker">
      Cluster{' '}
      <select value={clusterId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="ops-cluster">
        {ids.length === 0 && <option value="">(none connected)</option>}
        {ids.map((id) => (
          <option key={id} value={id}>
            {id}
          </option>
        ))}
      </select>
    </label>
  );
  return { clusterId, picker };
}
