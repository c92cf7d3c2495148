// Main-side handler for what the clone and create forms need; clone and create are operations.build plans.
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { provisionInfo } from './provision-info.js';

export function createProvisionHandlers(deps: {
  clientFor(profileId: string): PveCaller;
}): Pick<Handlers, 'operations.provisionInfo'> {
  return {
    'operations.provisionInfo': async ({ profileId, guest }) =>
      provisionInfo(deps.clientFor(profileId), guest),
  };
}
