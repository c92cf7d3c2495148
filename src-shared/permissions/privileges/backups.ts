// Action-table entries of backups: back up now, the backup list, restore, and backup jobs.
//
// API:
//   BACKUPS (as const)   backup.run, backup.list, backup.restore, backupjob.manage
// Deleting a backup volume is volume.delete (./storage.ts).
import { type ActionCall, type ActionDef, type GuestType, call, handler, perm } from '../action-builders.js';
import type { Need } from '../requirement.js';
import { allocateOrRestore } from './common.js';

const restore = (type: GuestType, extra: Need[]): ActionCall =>
  call('POST', `/nodes/{node}/${type}`, [
    allocateOrRestore,
    handler('/storage/{storage}', ['Datastore.AllocateSpace']),
    ...extra,
  ]);

export const BACKUPS = [
  {
    id: 'backup.run',
    label: 'Back up now',
    calls: [
      call('POST', '/nodes/{node}/vzdump', [
        handler('/vms/{vmid}', ['VM.Backup']),
        handler('/storage/{storage}', ['Datastore.AllocateSpace']),
        handler('/storage/{fleecing-storage}', ['Datastore.AllocateSpace'], 'fleecing-storage'),
        handler('/storage/{storage}', ['Datastore.Allocate'], 'prune-backups'),
        ...['bwlimit', 'performance', 'ionice'].map((p) => handler('/', ['Sys.Modify'], p)),
      ]),
    ],
  },
  {
    id: 'backup.list',
    label: 'See backups',
    calls: [
      call('GET', '/nodes/{node}/storage/{storage}/content', [
        perm('/storage/{storage}', ['Datastore.Audit', 'Datastore.AllocateSpace'], { any: true }),
      ]),
    ],
  },
  {
    id: 'backup.restore',
    label: 'Restore backup',
    destructive: true,
    calls: [
      {
        ...restore('qemu', [handler('/sdn/zones/{zone}/{bridge}', ['SDN.Use'], 'bridge')]),
        guestTypes: ['qemu'],
      },
      { ...restore('lxc', [handler('/', ['Sys.Modify'], 'privileged')]), guestTypes: ['lxc'] },
    ],
  },
  {
    id: 'backupjob.manage',
    label: 'Manage backup jobs',
    calls: [
      call('POST', '/cluster/backup', [perm('/', ['Sys.Modify'])]),
      call('PUT', '/cluster/backup/{id}', [perm('/', ['Sys.Modify'])]),
      call('DELETE', '/cluster/backup/{id}', [perm('/', ['Sys.Modify'])]),
    ],
  },
] as const satisfies readonly ActionDef[];
