// What the wizard's pickers offer: the pools, storages and SDN zones of the chosen cluster (from the synced inventory)
// and the users worth suggesting (the connected identity's user and the usual dedicated one).
import { useEffect, useMemo } from 'react';
import { useInventoryStore } from '../inventory/inventory-store.js';
import { startInventorySync } from '../inventory/inventory-sync.js';
import { usePermissionsStore } from '../permissions/permissions-store.js';

export interface WizardChoices {
  pools: string[];
  storages: string[];
  zones: string[];
  users: string[];
}

const sorted = (s: Set<string>): string[] => [...s].sort((a, b) => a.localeCompare(b));

export function useWizardChoices(profileId: string): WizardChoices {
  useEffect(() => startInventorySync(), []);
  const records = useInventoryStore((s) => s.records);
  const entry = usePermissionsStore((s) => (profileId ? s.byProfile[profileId] : undefined));
  return useMemo(() => {
    const pools = new Set<string>();
    const storages = new Set<string>();
    const zones = new Set<string>();
    for (const r of records.values()) {
      if (r.clusterId !== profileId) continue;
      if (r.kind === 'pool') pools.add(r.pool);
      else if (r.kind === 'guest' && r.pool) pools.add(r.pool);
      else if (r.kind === 'storage') storages.add(r.storage);
      else if (r.kind === 'sdn' && (r.sdnType ?? 'zone') === 'zone') zones.add(r.name);
    }
    const users = new Set(['proxdeck@pve']);
    if (entry?.state === 'ready') users.add(entry.info.identity.split('!')[0] ?? entry.info.identity);
    return { pools: sorted(pools), storages: sorted(storages), zones: sorted(zones), users: sorted(users) };
  }, [records, entry, profileId]);
}
