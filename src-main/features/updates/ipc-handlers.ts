// Main-side handlers for updates.*: the per-node update list, changelogs, and the refresh plan in the shared store.
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { buildRefresh, changelog, listUpdates } from './updates-service.js';

export function createUpdatesHandlers(
  deps: PlanSource,
): Pick<Handlers, 'updates.list' | 'updates.changelog' | 'updates.refreshPlan'> {
  return {
    'updates.list': ({ profileId }) => listUpdates(deps.clientFor(profileId)),
    'updates.changelog': async ({ profileId, node, name, version }) => ({
      text: await changelog(deps.clientFor(profileId), node, name, version),
    }),
    'updates.refreshPlan': ({ profileId, nodes }) =>
      assembleFor(deps, profileId, () => Promise.resolve(buildRefresh(nodes))),
  };
}
