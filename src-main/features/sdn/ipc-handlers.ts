// Main-side handlers for sdn.*: zones, vnets and subnets, and their changes built as plans into the shared store.
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { buildSdn, sdnView } from './sdn-ops.js';

export function createSdnHandlers(deps: PlanSource): Pick<Handlers, 'sdn.view' | 'sdn.build'> {
  return {
    'sdn.view': ({ profileId }) => sdnView(deps.clientFor(profileId)),
    'sdn.build': ({ profileId, action }) => assembleFor(deps, profileId, (c) => buildSdn(action, c)),
  };
}
