// Actions of the firewall, SDN and Ceph views with the privileges PVE checks, in the same form as the ACTIONS table.
//
// API:
//   CLUSTER_OPS_ACTIONS (as const)   firewall.{cluster,node,guest}.rules, firewall.view, sdn.view, sdn.vnet.create,
//                                    sdn.vnet.delete, sdn.subnet.create, sdn.apply, ceph.view
//   type ClusterOpsActionId;  type AnyActionId = ActionId | ClusterOpsActionId
//   anyActionById(id): ActionDef                 looks in ACTIONS, then here
//   evaluateAnyAction(id, answer, vars, identity?): Verdict    as evaluateAction, for either table
// Kept beside ACTIONS rather than in it: the token-wizard presets do not list these yet (see the report for issue #11);
// test/unit/permissions/cluster-ops-actions-schema.test.ts holds them to schema.json exactly like the main table.
// Replication uses the main table's replication.manage / replication.run.
import { type ActionCall, type ActionDef, type ActionId, ACTIONS, expandCalls } from './action-privileges.js';
import { type Identity, type PermissionsAnswer, type Verdict, evaluateNeeds } from './evaluate.js';
import type { HttpMethod, Need, PermNeed, Vars } from './requirement.js';

const perm = (path: string, privs: readonly string[], extra: Partial<PermNeed> = {}): PermNeed => ({ kind: 'perm', path, privs, ...extra });
const c = (method: HttpMethod, path: string, needs: readonly Need[]): ActionCall => ({ method, path, needs });
/** a rules file is edited by POST (add at the top), PUT and DELETE by position: all with the same check */
const ruleCalls = (base: string, needs: readonly Need[]): ActionCall[] => [c('POST', `${base}/rules`, needs), c('PUT', `${base}/rules/{pos}`, needs), c('DELETE', `${base}/rules/{pos}`, needs)];
const cephRead = [perm('/', ['Sys.Audit', 'Datastore.Audit'], { any: true })];
const vnetAllocate = [perm('/sdn/zones/{zone}/{vnet}', ['SDN.Allocate'], { inHandler: true })];

export const CLUSTER_OPS_ACTIONS = [
  { id: 'firewall.view', label: 'See cluster firewall', calls: [c('GET', '/cluster/firewall/rules', [perm('/', ['Sys.Audit'])]), c('GET', '/cluster/firewall/options', [perm('/', ['Sys.Audit'])])] },
  { id: 'firewall.cluster.rules', label: 'Edit cluster firewall rules', calls: ruleCalls('/cluster/firewall', [perm('/', ['Sys.Modify'])]) },
  { id: 'firewall.node.rules', label: 'Edit node firewall rules', calls: ruleCalls('/nodes/{node}/firewall', [perm('/nodes/{node}', ['Sys.Modify'])]) },
  {
    id: 'firewall.guest.rules',
    label: 'Edit guest firewall rules',
    calls: [...ruleCalls('/nodes/{node}/qemu/{vmid}/firewall', [perm('/vms/{vmid}', ['VM.Config.Network'])]), ...ruleCalls('/nodes/{node}/lxc/{vmid}/firewall', [perm('/vms/{vmid}', ['VM.Config.Network'])])],
  },
  { id: 'sdn.view', label: 'See SDN', calls: [c('GET', '/cluster/sdn', [perm('/sdn', ['SDN.Audit'])])] },
  { id: 'sdn.vnet.create', label: 'Create VNet', calls: [c('POST', '/cluster/sdn/vnets', [perm('/sdn/zones/{zone}', ['SDN.Allocate'])])] },
  { id: 'sdn.vnet.delete', label: 'Delete VNet', calls: [c('DELETE', '/cluster/sdn/vnets/{vnet}', vnetAllocate)] },
  { id: 'sdn.subnet.create', label: 'Create subnet', calls: [c('POST', '/cluster/sdn/vnets/{vnet}/subnets', vnetAllocate)] },
  { id: 'sdn.apply', label: 'Apply SDN changes', calls: [c('PUT', '/cluster/sdn', [perm('/sdn', ['SDN.Allocate'])])] },
  { id: 'ceph.view', label: 'See Ceph', calls: [c('GET', '/cluster/ceph/status', cephRead), c('GET', '/nodes/{node}/ceph/osd', cephRead), c('GET', '/nodes/{node}/ceph/pool', cephRead)] },
] as const satisfies readonly ActionDef[];

export type ClusterOpsActionId = (typeof CLUSTER_OPS_ACTIONS)[number]['id'];
export type AnyActionId = ActionId | ClusterOpsActionId;

export function anyActionById(id: AnyActionId): ActionDef {
  const found = ACTIONS.find((a) => a.id === id) ?? (CLUSTER_OPS_ACTIONS as readonly ActionDef[]).find((a) => a.id === id);
  if (!found) throw new Error(`unknown action ${id}`);
  return found;
}

export function evaluateAnyAction(id: AnyActionId, answer: PermissionsAnswer, vars: Vars, identity?: Identity): Verdict {
  const seen = new Set<string>();
  const needs = expandCalls(anyActionById(id)).flatMap((c) => c.needs).filter((n) => !seen.has(JSON.stringify(n)) && Boolean(seen.add(JSON.stringify(n))));
  return evaluateNeeds(needs, answer, vars, identity);
}
