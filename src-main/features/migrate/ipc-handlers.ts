// Main-side handler for what a migration may do; the migration itself is an operations.build plan.
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { migrateInfo } from './build-migrate.js';

export function createMigrateHandlers(deps: {
  clientFor(profileId: string): PveCaller;
}): Pick<Handlers, 'operations.migrateInfo'> {
  return {
    'operations.migrateInfo': async ({ profileId, guest }) => migrateInfo(deps.clientFor(profileId), guest),
  };
}
