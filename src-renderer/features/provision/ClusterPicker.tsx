// Picks one of the connected clusters (from the connect screen's live connection states) for the cluster-wide views.
import { NativeSelect } from '@mantine/core';
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
    <NativeSelect
      size="xs"
      label="Cluster"
      className="ops-picker"
      value={clusterId ?? ''}
      onChange={(e) => setChosen(e.currentTarget.value)}
      data-testid="ops-cluster"
      data={
        ids.length === 0
          ? [{ value: '', label: 'none connected' }]
          : ids.map((id) => ({ value: id, label: profiles.find((p) => p.id === id)?.name ?? id }))
      }
    />
  );
  return { clusterId, picker };
}
