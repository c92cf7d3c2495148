// Action-table entries of the firewall view: seeing the cluster firewall, editing cluster, node and guest rules.
//
// API:
//   FIREWALL (as const)   firewall.view, firewall.{cluster,node,guest}.rules
import { type ActionCall, type ActionDef, call, onVm, perm } from '../action-builders.js';
import type { Need } from '../requirement.js';

/** a rules file is edited by POST (add at the top), PUT and DELETE by position: all with the same check */
const ruleCalls = (base: string, needs: readonly Need[]): ActionCall[] => [
  call('POST', `${base}/rules`, needs),
  call('PUT', `${base}/rules/{pos}`, needs),
  call('DELETE', `${base}/rules/{pos}`, needs),
];

export const FIREWALL = [
  {
    id: 'firewall.view',
    label: 'See cluster firewall',
    calls: [
      call('GET', '/cluster/firewall/rules', [perm('/', ['Sys.Audit'])]),
      call('GET', '/cluster/firewall/options', [perm('/', ['Sys.Audit'])]),
    ],
  },
  {
    id: 'firewall.cluster.rules',
    label: 'Edit cluster firewall rules',
    calls: ruleCalls('/cluster/firewall', [perm('/', ['Sys.Modify'])]),
  },
  {
    id: 'firewall.node.rules',
    label: 'Edit node firewall rules',
    calls: ruleCalls('/nodes/{node}/firewall', [perm('/nodes/{node}', ['Sys.Modify'])]),
  },
  {
    id: 'firewall.guest.rules',
    label: 'Edit guest firewall rules',
    calls: ruleCalls('/nodes/{node}/{type}/{vmid}/firewall', [onVm(['VM.Config.Network'])]),
  },
] as const satisfies readonly ActionDef[];
