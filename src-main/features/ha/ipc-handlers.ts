// Main-side handler for the HA view; HA changes are operations.build plans (src-main/features/operation-actions.ts).
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { haView } from './ha-view.js';

export function createHaHandlers(deps: {
  clientFor(profileId: string): PveCaller;
}): Pick<Handlers, 'operations.ha'> {
  return {
    'operations.ha': async ({ profileId }) => haView(deps.clientFor(profileId)),
  };
}
