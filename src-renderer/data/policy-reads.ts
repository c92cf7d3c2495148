// The snapshot policies of a profile; refetched after any plan that changed a guest's snapshots (a policy save or run).
import { useContractQuery } from './useContractQuery.js';

export function useSnapshotPolicies(profileId: string, vmid: number) {
  return useContractQuery(
    'snapshotPolicy.list',
    { profileId },
    { profileId, scopes: [{ kind: 'guest', vmid, aspect: 'snapshots' }] },
    'Cannot read the snapshot policies',
  );
}
