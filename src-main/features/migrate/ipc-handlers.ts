// Main-side handlers for what a migration may do (the migration itself is an operations.build plan), and the
// cross-cluster migration's pickers and plan.
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { migrateInfo } from './build-migrate.js';
import { buildRemoteMigrate, remoteMigrateInfo, type RemoteDeps } from './build-remote-migrate.js';

export function createMigrateHandlers(
  deps: PlanSource & RemoteDeps,
): Pick<Handlers, 'operations.migrateInfo' | 'migrate.remoteInfo' | 'migrate.remotePlan'> {
  return {
    'operations.migrateInfo': async ({ profileId, guest }) => migrateInfo(deps.clientFor(profileId), guest),
    'migrate.remoteInfo': ({ profileId, guest, targetProfileId }) =>
      remoteMigrateInfo(deps, profileId, guest, targetProfileId),
    'migrate.remotePlan': (input) =>
      assembleFor(deps, input.profileId, () => buildRemoteMigrate(deps, input)),
  };
}
