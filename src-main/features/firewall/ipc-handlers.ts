// Main-side handlers for firewall.*: the rules of a scope, and rule changes built as plans into the shared store.
import type { Handlers } from '../../ipc/dispatch.js';
import { assembleFor, type PlanSource } from '../../plans/plan-assembly.js';
import { buildFirewall, firewallView } from './firewall-ops.js';

export function createFirewallHandlers(deps: PlanSource): Pick<Handlers, 'firewall.view' | 'firewall.build'> {
  return {
    'firewall.view': ({ profileId, scope }) => firewallView(deps.clientFor(profileId), scope),
    'firewall.build': ({ profileId, action }) =>
      assembleFor(deps, profileId, (c) => buildFirewall(action, c)),
  };
}
