// The nodes and guests of one connected cluster from the synced inventory, for pickers fed from the cluster.
import { useEffect, useMemo } from 'react';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useInventoryStore } from '../inventory/inventory-store.js';
import { startInventorySync } from '../inventory/inventory-sync.js';

export interface ClusterGuests {
  nodes: string[];
  guests: GuestRecord[];
}

/** "VM 101 web-01" / "CT 200 dns" as people read a guest in a picker. */
export const guestLabel = (g: Pick<GuestRecord, 'type' | 'vmid' | 'name'>): string =>
  `${g.type === 'qemu' ? 'VM' : 'CT'} ${g.vmid}${g.name ? ` ${g.name}` : ''}`;

export function useClusterGuests(clusterId: string | undefined): ClusterGuests {
  useEffect(() => startInventorySync(), []);
  const records = useInventoryStore((s) => s.records);
  return useMemo(() => {
    const nodes: string[] = [];
    const guests: GuestRecord[] = [];
    for (const r of records.values()) {
      if (r.clusterId !== clusterId) continue;
      if (r.kind === 'node') nodes.push(r.node);
      else if (r.kind === 'guest') guests.push(r);
    }
    return { nodes: nodes.sort(), guests: guests.sort((a, b) => a.vmid - b.vmid) };
  }, [records, clusterId]);
}
