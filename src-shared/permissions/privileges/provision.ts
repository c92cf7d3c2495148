// Action-table entries of provisioning: clone, create and delete a guest.
//
// API:
//   PROVISION (as const)   guest.clone, guest.delete, guest.create
import { type ActionDef, call, handler, onVm, perm } from '../action-builders.js';
import type { Need } from '../requirement.js';
import { GUEST, allocateOrRestore } from './common.js';

/** clone/create: the new guest may be allowed by VM.Allocate on its id or on the target pool */
const allocateGuest = (idVar: string): Need => ({
  kind: 'or',
  of: [
    [perm(`/vms/{${idVar}}`, ['VM.Allocate'])],
    [perm('/pool/{pool}', ['VM.Allocate'], { requireParam: 'pool' })],
  ],
});
/** used storage and network of a new/cloned guest, checked inside the handler */
const storageAndNet: Need[] = [
  handler('/storage/{storage}', ['Datastore.AllocateSpace']),
  handler('/sdn/zones/{zone}/{bridge}', ['SDN.Use'], 'bridge'),
];

export const PROVISION = [
  {
    id: 'guest.clone',
    label: 'Clone',
    calls: [call('POST', `${GUEST}/clone`, [onVm(['VM.Clone']), allocateGuest('newid'), ...storageAndNet])],
  },
  {
    id: 'guest.delete',
    label: 'Delete guest',
    destructive: true,
    calls: [call('DELETE', GUEST, [onVm(['VM.Allocate'])])],
  },
  {
    id: 'guest.create',
    label: 'Create VM or container',
    calls: [
      call('POST', '/nodes/{node}/qemu', [allocateOrRestore, ...storageAndNet], ['qemu']),
      call(
        'POST',
        '/nodes/{node}/lxc',
        [allocateOrRestore, ...storageAndNet, handler('/', ['Sys.Modify'], 'privileged')],
        ['lxc'],
      ),
    ],
  },
] as const satisfies readonly ActionDef[];
