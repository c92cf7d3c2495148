// Picks one of the connected clusters (from the connect screen's live connection states) for the cluster-wide views.
import { useState, type ReactNode } from 'react';
import { useConnectStore } from '../connect/connect-store.js';

export function useClusterChoice(): { clusterId: string | undefined; picker: ReactNode } {
  const connections = useConnectStore((s) => s.connections);
  const profiles = useConnectStore((s) => s.profiles);
  const ids = Object.values(connections)
    .filter((c) => c.state === 'connected')
    .map((c) => c.profileId);
  const [chosen, setChosen] = useState<string>();
  const clusterId = chosen && ids.includes(chosen) ? chosen : ids[0];
  const picker = (
    <label className="ops-picker">
      Cluster{' '}
      <select value={clusterId ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="ops-cluster">
        {ids.length === 0 && <option value="">(none connected)</option>}
        {ids.map((id) => (
          <option key={id} value={id}>
            {profiles.find((p) => p.id === id)?.name ?? id}
          </option>
        ))}
      </select>
    </label>
  );
  return { clusterId, picker };
}
