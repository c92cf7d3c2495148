// Main-side handler for guests.pending; power and config changes are plans (src-main/features/plan-actions.ts).
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getGuestPending } from '../../pve/api/guests.js';

export function createGuestConfigHandlers(deps: {
  clientFor(profileId: string): PveCaller;
}): Pick<Handlers, 'guests.pending'> {
  return {
    'guests.pending': async ({ profileId, guest }) => ({
      entries: await getGuestPending(deps.clientFor(profileId), guest),
    }),
  };
}
