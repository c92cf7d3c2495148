// Action-table entries of the operations views (firewall, SDN, Ceph, guest-agent runs, storage templates), spread into ACTIONS.
//
// API:
//   OPS_ACTION_DEFS (as const)   firewall.view, firewall.{cluster,node,guest}.rules, sdn.view, sdn.vnet.create,
//                                sdn.vnet.delete, sdn.subnet.create, sdn.apply, ceph.view, guest.agent.exec,
//                                guest.agent.file, storage.template
// Replication uses replication.manage / replication.run, deleting storage content volume.delete (action-privileges.ts).
import { type ActionCall, type ActionDef, call, onVm, perm } from './action-builders.js';
import type { Need } from './requirement.js';

/** a rules file is edited by POST (add at the top), PUT and DELETE by position: all with the same check */
const ruleCalls = (base: string, needs: readonly Need[]): ActionCall[] => [
  call('POST', `${base}/rules`, needs),
  call('PUT', `${base}/rules/{pos}`, needs),
  call('DELETE', `${base}/rules/{pos}`, needs),
];
const cephRead = [perm('/', ['Sys.Audit', 'Datastore.Audit'], { any: true })];
const vnetAllocate = [perm('/sdn/zones/{zone}/{vnet}', ['SDN.Allocate'], { inHandler: true })];
const agentExec = [onVm(['VM.GuestAgent.Unrestricted'])];
const templateAllocate = [perm('/storage/{storage}', ['Datastore.AllocateTemplate'])];

export const OPS_ACTION_DEFS = [
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
  {
    id: 'ceph.view',
    label: 'See Ceph',
    calls: [
      call('GET', '/cluster/ceph/status', cephRead),
      call('GET', '/nodes/{node}/ceph/osd', cephRead),
      call('GET', '/nodes/{node}/ceph/pool', cephRead),
    ],
  },
  {
    id: 'guest.agent.exec',
    label: 'Run commands in the guest (agent)',
    destructive: true,
    calls: [
      call('POST', '/nodes/{node}/qemu/{vmid}/agent/exec', agentExec, ['qemu']),
      call('GET', '/nodes/{node}/qemu/{vmid}/agent/exec-status', agentExec, ['qemu']),
    ],
  },
  {
    id: 'guest.agent.file',
    label: 'Read files in the guest (agent)',
    calls: [
      call(
        'GET',
        '/nodes/{node}/qemu/{vmid}/agent/file-read',
        [onVm(['VM.GuestAgent.FileRead', 'VM.GuestAgent.Unrestricted'], { any: true })],
        ['qemu'],
      ),
    ],
  },
  {
    id: 'storage.template',
    label: 'Upload ISOs and download templates',
    calls: [
      call('POST', '/nodes/{node}/storage/{storage}/upload', templateAllocate),
      call('POST', '/nodes/{node}/aplinfo', templateAllocate),
    ],
  },
] as const satisfies readonly ActionDef[];
