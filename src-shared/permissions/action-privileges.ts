// OUR table of app actions: the PVE calls each makes and the privileges PVE checks for them, schema checks and in-handler extras.
//
// API:
//   type GuestType = 'qemu' | 'lxc'
//   interface ActionCall { method: HttpMethod; path: string; needs: readonly Need[]; guestTypes?: readonly GuestType[] }
//     `path` is the API path template; '{type}' stands for qemu/lxc (expanded per guestTypes, default both).
//   interface ActionDef { id: ActionId; label: string; calls: readonly ActionCall[]; destructive?: true }
//   ACTIONS: readonly ActionDef[];  type ActionId = (union of ids below);  actionById(id): ActionDef
//   expandCalls(action, guestType?): { method; path; needs }[]   '{type}' filled (one guest type, or all when omitted)
// Firewall, SDN, Ceph, guest-agent and storage-content actions are written in ops-actions.ts and spread in here.
// The drift test (test/unit/permissions/action-privileges-schema.test.ts) checks every call and every schema-required
// privilege against ../shared/pve-api/schema.json, and that privileges named in the endpoint's description are listed.
import {
  type ActionCall,
  type ActionDef,
  type GuestType,
  call,
  handler,
  onVm,
  perm,
} from './action-builders.js';
import { OPS_ACTION_DEFS } from './ops-actions.js';
import { FLEET_ACTION_DEFS } from './fleet-actions.js';
import type { HttpMethod, Need } from './requirement.js';

export type { ActionCall, ActionDef, GuestType } from './action-builders.js';

const GUEST = '/nodes/{node}/{type}/{vmid}';
const power = (
  verb: string,
  label: string,
  guestTypes?: readonly GuestType[],
  destructive?: true,
): ActionDef => ({
  id: `guest.${verb}`,
  label,
  calls: [call('POST', `${GUEST}/status/${verb}`, [onVm(['VM.PowerMgmt'])], guestTypes)],
  ...(destructive ? { destructive } : {}),
});

const QEMU_CONFIG = [
  'VM.Config.Disk',
  'VM.Config.CDROM',
  'VM.Config.CPU',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.HWType',
  'VM.Config.Options',
  'VM.Config.Cloudinit',
];
const AGENT_READ = ['VM.GuestAgent.Audit', 'VM.GuestAgent.Unrestricted'];
const LXC_CONFIG = [
  'VM.Config.Disk',
  'VM.Config.CPU',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.Options',
];
/** clone/create: the new guest may be allowed by VM.Allocate on its id or on the target pool */
const allocateGuest = (idVar: string): Need => ({
  kind: 'or',
  of: [
    [perm(`/vms/{${idVar}}`, ['VM.Allocate'])],
    [perm('/pool/{pool}', ['VM.Allocate'], { requireParam: 'pool' })],
  ],
});
/** POST /nodes/{node}/{type} (create and restore): VM.Allocate on the id or its pool, or VM.Backup to restore over an existing guest */
const allocateOrRestore: Need = {
  kind: 'or',
  of: [
    [handler('/vms/{vmid}', ['VM.Allocate'])],
    [handler('/pool/{pool}', ['VM.Allocate'], 'pool')],
    [handler('/vms/{vmid}', ['VM.Backup'], 'exists')],
  ],
};
/** used storage and network of a new/cloned guest, checked inside the handler */
const storageAndNet: Need[] = [
  handler('/storage/{storage}', ['Datastore.AllocateSpace']),
  handler('/sdn/zones/{zone}/{bridge}', ['SDN.Use'], 'bridge'),
];
const taskRead = (suffix: string): ActionCall =>
  call('GET', `/nodes/{node}/tasks/{upid}/${suffix}`, [
    { kind: 'or', of: [[{ kind: 'self', param: 'owner' }], [handler('/nodes/{node}', ['Sys.Audit'])]] },
  ]);
const restore = (type: GuestType, extra: Need[]): ActionCall =>
  call('POST', `/nodes/{node}/${type}`, [
    allocateOrRestore,
    handler('/storage/{storage}', ['Datastore.AllocateSpace']),
    ...extra,
  ]);

const DEFS = [
  {
    id: 'guest.view',
    label: 'See guest status and config',
    calls: [
      call('GET', `${GUEST}/status/current`, [onVm(['VM.Audit'])]),
      call('GET', `${GUEST}/config`, [onVm(['VM.Audit'])]),
    ],
  },
  {
    id: 'guest.agent.info',
    label: 'See guest IPs and OS (agent)',
    calls: [
      ...['get-osinfo', 'get-host-name', 'network-get-interfaces', 'get-fsinfo'].map((what) =>
        call('GET', `/nodes/{node}/qemu/{vmid}/agent/${what}`, [onVm(AGENT_READ, { any: true })], ['qemu']),
      ),
      // restore verification waits for the agent to answer a ping: the same read privilege
      call('POST', '/nodes/{node}/qemu/{vmid}/agent/ping', [onVm(AGENT_READ, { any: true })], ['qemu']),
    ],
  },
  power('start', 'Start'),
  power('shutdown', 'Shut down'),
  power('reboot', 'Reboot'),
  power('stop', 'Stop (hard)', undefined, true),
  power('reset', 'Reset', ['qemu'], true),
  {
    id: 'guest.suspend',
    label: 'Suspend',
    calls: [
      call(
        'POST',
        '/nodes/{node}/qemu/{vmid}/status/suspend',
        [
          onVm(['VM.PowerMgmt']),
          handler('/vms/{vmid}', ['VM.Config.Disk'], 'todisk'),
          handler('/storage/{statestorage}', ['Datastore.AllocateSpace'], 'todisk'),
        ],
        ['qemu'],
      ),
      call('POST', '/nodes/{node}/lxc/{vmid}/status/suspend', [onVm(['VM.PowerMgmt'])], ['lxc']),
    ],
  },
  power('resume', 'Resume'),
  {
    id: 'guest.config',
    label: 'Edit guest config',
    calls: [
      call('PUT', '/nodes/{node}/qemu/{vmid}/config', [onVm(QEMU_CONFIG, { any: true })], ['qemu']),
      call('PUT', '/nodes/{node}/lxc/{vmid}/config', [onVm(LXC_CONFIG, { any: true })], ['lxc']),
    ],
  },
  {
    id: 'guest.console',
    label: 'Open console',
    calls: [
      call('POST', `${GUEST}/vncproxy`, [onVm(['VM.Console'])]),
      call('GET', `${GUEST}/vncwebsocket`, [onVm(['VM.Console'])]),
    ],
  },
  {
    id: 'snapshot.list',
    label: 'See snapshots',
    calls: [call('GET', `${GUEST}/snapshot`, [onVm(['VM.Audit'])])],
  },
  {
    id: 'snapshot.create',
    label: 'Take snapshot',
    calls: [call('POST', `${GUEST}/snapshot`, [onVm(['VM.Snapshot'])])],
  },
  {
    id: 'snapshot.delete',
    label: 'Delete snapshot',
    destructive: true,
    calls: [call('DELETE', `${GUEST}/snapshot/{snapname}`, [onVm(['VM.Snapshot'])])],
  },
  {
    id: 'snapshot.rollback',
    label: 'Roll back to snapshot',
    destructive: true,
    calls: [
      call('POST', `${GUEST}/snapshot/{snapname}/rollback`, [
        onVm(['VM.Snapshot', 'VM.Snapshot.Rollback'], { any: true }),
      ]),
    ],
  },
  {
    id: 'guest.clone',
    label: 'Clone',
    calls: [call('POST', `${GUEST}/clone`, [onVm(['VM.Clone']), allocateGuest('newid'), ...storageAndNet])],
  },
  {
    id: 'guest.migrate',
    label: 'Migrate',
    calls: [call('POST', `${GUEST}/migrate`, [onVm(['VM.Migrate'])])],
  },
  {
    id: 'guest.delete',
    label: 'Delete guest',
    destructive: true,
    calls: [call('DELETE', GUEST, [onVm(['VM.Allocate'])])],
  },
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
  {
    id: 'volume.delete',
    label: 'Delete backup or volume',
    destructive: true,
    calls: [
      call('DELETE', '/nodes/{node}/storage/{storage}/content/{volume}', [
        {
          kind: 'or',
          of: [
            [handler('/storage/{storage}', ['Datastore.Allocate'])],
            [
              handler('/storage/{storage}', ['Datastore.AllocateSpace']),
              // only for a volume a guest owns (a backup): ISOs and templates need Datastore.Allocate
              handler('/vms/{vmid}', ['VM.Backup'], 'vmid'),
            ],
          ],
        },
      ]),
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
  {
    id: 'replication.manage',
    label: 'Configure replication',
    calls: [call('POST', '/cluster/replication', [handler('/vms/{vmid}', ['VM.Replicate'])])],
  },
  {
    id: 'replication.run',
    label: 'Run replication now',
    calls: [
      call('POST', '/nodes/{node}/replication/{id}/schedule_now', [handler('/vms/{vmid}', ['VM.Replicate'])]),
    ],
  },
  {
    id: 'ha.view',
    label: 'See HA state',
    calls: [
      call('GET', '/cluster/ha/resources', [perm('/', ['Sys.Audit'])]),
      call('GET', '/cluster/ha/status/current', [perm('/', ['Sys.Audit'])]),
    ],
  },
  {
    id: 'ha.manage',
    label: 'Manage HA resources',
    // add first: callFor('ha.manage') answers the first mutating call
    calls: [
      call('POST', '/cluster/ha/resources', [perm('/', ['Sys.Console'])]),
      call('PUT', '/cluster/ha/resources/{sid}', [perm('/', ['Sys.Console'])]),
      call('DELETE', '/cluster/ha/resources/{sid}', [perm('/', ['Sys.Console'])]),
      call('POST', '/cluster/ha/resources/{sid}/migrate', [perm('/', ['Sys.Console'])]),
      call('POST', '/cluster/ha/resources/{sid}/relocate', [perm('/', ['Sys.Console'])]),
    ],
  },
  {
    id: 'node.view',
    label: 'See node status',
    calls: [call('GET', '/nodes/{node}/status', [perm('/nodes/{node}', ['Sys.Audit'])])],
  },
  { id: 'tasks.view', label: 'Follow tasks', calls: [taskRead('status'), taskRead('log')] },
  {
    id: 'pool.view',
    label: 'See pool',
    calls: [call('GET', '/pools/{poolid}', [perm('/pool/{poolid}', ['Pool.Audit'])])],
  },
  {
    id: 'access.role.create',
    label: 'Create role',
    calls: [call('POST', '/access/roles', [perm('/access', ['Sys.Modify'])])],
  },
  {
    id: 'access.role.update',
    label: 'Update role',
    calls: [call('PUT', '/access/roles/{roleid}', [perm('/access', ['Sys.Modify'])])],
  },
  {
    id: 'access.user.create',
    label: 'Create user',
    calls: [
      call('POST', '/access/users', [
        perm('/access/realm/{realm}', ['Realm.AllocateUser']),
        perm('/access/groups', ['User.Modify'], { any: true }),
      ]),
    ],
  },
  {
    id: 'access.token.create',
    label: 'Create API token',
    calls: [
      call('POST', '/access/users/{userid}/token/{tokenid}', [
        {
          kind: 'or',
          of: [[{ kind: 'self', param: 'userid' }], [perm('/access/groups', ['User.Modify'], { any: true })]],
        },
      ]),
    ],
  },
  {
    id: 'access.token.delete',
    label: 'Remove API token',
    calls: [
      call('DELETE', '/access/users/{userid}/token/{tokenid}', [
        {
          kind: 'or',
          of: [[{ kind: 'self', param: 'userid' }], [perm('/access/groups', ['User.Modify'], { any: true })]],
        },
      ]),
    ],
  },
  {
    id: 'access.acl.modify',
    label: 'Set permissions',
    calls: [call('PUT', '/access/acl', [{ kind: 'perm-modify', path: '{path}' }])],
  },
  ...OPS_ACTION_DEFS,
  ...FLEET_ACTION_DEFS,
] as const satisfies readonly ActionDef[];

export type ActionId = (typeof DEFS)[number]['id'];
export const ACTIONS: readonly ActionDef[] = DEFS;

export function actionById(id: ActionId): ActionDef {
  const found = ACTIONS.find((a) => a.id === id);
  if (!found) throw new Error(`unknown action ${id}`);
  return found;
}

export interface ConcreteCall {
  method: HttpMethod;
  path: string;
  needs: readonly Need[];
}

/** The action's calls with '{type}' filled; only the calls that apply to `guestType` when it is given. */
export function expandCalls(action: ActionDef, guestType?: GuestType): ConcreteCall[] {
  const out: ConcreteCall[] = [];
  for (const c of action.calls) {
    const types = c.guestTypes ?? ['qemu', 'lxc'];
    if (guestType && c.guestTypes && !c.guestTypes.includes(guestType)) continue;
    if (!c.path.includes('{type}')) {
      out.push({ method: c.method, path: c.path, needs: c.needs });
      continue;
    }
    for (const t of guestType ? [guestType] : types)
      out.push({ method: c.method, path: c.path.replace('{type}', t), needs: c.needs });
  }
  return out;
}
