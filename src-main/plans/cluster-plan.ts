// The BuiltAction of a cluster-level change (firewall, SDN, replication): it touches no guest, so it has no preconditions.
import type { BuiltAction } from './plan-types.js';

/** a plan that touches no guest: no preconditions beyond what PVE checks itself (digest params) */
export function clusterAction(input: BuiltAction['input'], steps: BuiltAction['steps']): BuiltAction {
  return { input, steps, preconditions: [], targets: [] };
}
