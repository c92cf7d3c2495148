// Reads that follow one guest: always against the node the live inventory says it is on now (pass the current record
// or its GuestRef), keyed by vmid so a plan that changed the guest refetches them wherever it went.
import type { GuestRef } from '../../src-shared/ipc/channels/plans.js';
import type { GuestAspect } from '../../src-shared/plans/changes.js';
import { useContractQuery } from './useContractQuery.js';

const guestKey = (profileId: string, vmid: number, aspect: GuestAspect) => ({
  profileId,
  scopes: [{ kind: 'guest' as const, vmid, aspect }],
});

/** The config as key/value text (the guest view's Config tab). */
export function useGuestConfig(profileId: string, g: GuestRef) {
  const { node, type, vmid } = g;
  return useContractQuery(
    'inventory.guestConfig',
    { clusterId: profileId, node, type, vmid },
    guestKey(profileId, vmid, 'config'),
    `Cannot read the config of ${vmid}`,
  );
}

/** Config keys with their pending values (the edit form). */
export function useGuestPending(profileId: string, g: GuestRef) {
  const { node, type, vmid } = g;
  return useContractQuery(
    'guests.pending',
    { profileId, guest: { node, type, vmid } },
    guestKey(profileId, vmid, 'config'),
    `Cannot read the config of ${vmid}`,
  );
}

export function useSnapshotList(profileId: string, g: GuestRef) {
  const { node, type, vmid } = g;
  return useContractQuery(
    'snapshots.list',
    { profileId, guest: { node, type, vmid } },
    guestKey(profileId, vmid, 'snapshots'),
    `Cannot list snapshots of ${vmid}`,
  );
}
