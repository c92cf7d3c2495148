// Main-side handler for snapshots.list; snapshot changes are plans (src-main/features/plan-actions.ts).
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listSnapshots } from '../../pve/api/snapshots.js';

export function createSnapshotsHandlers(deps: {
  clientFor(profileId: string): PveCaller;
}): Pick<Handlers, 'snapshots.list'> {
  return {
    'snapshots.list': async ({ profileId, guest }) => {
      const list = await listSnapshots(deps.clientFor(profileId), guest);
      return { snapshots: list.snapshots, running: list.running };
    },
  };
}
