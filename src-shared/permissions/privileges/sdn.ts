// Action-table entries of the SDN view: seeing SDN, vnet and subnet changes, and applying them.
//
// API:
//   SDN (as const)   sdn.view, sdn.vnet.create, sdn.vnet.delete, sdn.subnet.create, sdn.apply
import { type ActionDef, call, perm } from '../action-builders.js';

const vnetAllocate = [perm('/sdn/zones/{zone}/{vnet}', ['SDN.Allocate'], { inHandler: true })];

export const SDN = [
  { id: 'sdn.view', label: 'See SDN', calls: [call('GET', '/cluster/sdn', [perm('/sdn', ['SDN.Audit'])])] },
  {
    id: 'sdn.vnet.create',
    label: 'Create VNet',
    calls: [call('POST', '/cluster/sdn/vnets', [perm('/sdn/zones/{zone}', ['SDN.Allocate'])])],
  },
  {
    id: 'sdn.vnet.delete',
    label: 'Delete VNet',
    destructive: true,
    calls: [call('DELETE', '/cluster/sdn/vnets/{vnet}', vnetAllocate)],
  },
  {
    id: 'sdn.subnet.create',
    label: 'Create subnet',
    calls: [call('POST', '/cluster/sdn/vnets/{vnet}/subnets', vnetAllocate)],
  },
  {
    id: 'sdn.apply',
    label: 'Apply SDN changes',
    calls: [call('PUT', '/cluster/sdn', [perm('/sdn', ['SDN.Allocate'])])],
  },
] as const satisfies readonly ActionDef[];
