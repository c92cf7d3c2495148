// Token-wizard presets: what each lets the app do (actions) and the least privileges that needs, per kind of ACL path.
//
// API:
//   type PresetId = 'audit' | 'support' | 'operator' | 'provisioning' | 'self-service' | 'migration-target' | 'admin'
//   interface Preset { id; label; summary; actions: readonly ActionId[]; grants: Grants; builtinRole?: 'Administrator' }
//   interface Grants { guests?: string[]; storage?: string[]; sdn?: string[]; nodes?: string[]; cluster?: string[] }
//     guests  -> on /vms, /pool/<p> or /vms/<id> (by scope)    storage -> on /storage or /storage/<id>
//     sdn     -> on /sdn/zones or /sdn/zones/<zone>             nodes -> on /nodes      cluster -> on /
//   PRESETS: readonly Preset[];  presetById(id): Preset
import type { ActionId } from '../permissions/action-privileges.js';
import { PVE9_PRIVILEGES } from '../permissions/versions.js';

export type PresetId =
  'audit' | 'support' | 'operator' | 'provisioning' | 'self-service' | 'migration-target' | 'admin';
export type GrantSide = 'guests' | 'storage' | 'sdn' | 'nodes' | 'cluster';
export type Grants = Partial<Record<GrantSide, readonly string[]>>;

export interface Preset {
  id: PresetId;
  label: string;
  summary: string;
  actions: readonly ActionId[];
  grants: Grants;
  builtinRole?: 'Administrator';
}

const POWER: ActionId[] = [
  'guest.start',
  'guest.shutdown',
  'guest.reboot',
  'guest.stop',
  'guest.reset',
  'guest.suspend',
  'guest.resume',
];
const SNAPSHOTS: ActionId[] = ['snapshot.list', 'snapshot.create', 'snapshot.delete', 'snapshot.rollback'];
/** Every VM.Config.* privilege, from the one PVE privilege list (identical in PVE 8 and 9). */
const CONFIG = PVE9_PRIVILEGES.filter((p) => p.startsWith('VM.Config.'));

export const PRESETS: readonly Preset[] = [
  {
    id: 'audit',
    label: 'Read-only audit',
    summary: 'See guests, nodes, storage, HA, snapshots, the cluster firewall and Ceph; change nothing.',
    // Sys.Audit on / already shows the cluster firewall and Ceph; SDN (SDN.Audit on /sdn) is left out: its zones are scoped
    actions: [
      'guest.view',
      'guest.agent.info',
      'snapshot.list',
      'backup.list',
      'node.view',
      'ha.view',
      'firewall.view',
      'ceph.view',
    ],
    grants: {
      guests: ['VM.Audit', 'VM.GuestAgent.Audit'],
      storage: ['Datastore.Audit'],
      nodes: ['Sys.Audit'],
      cluster: ['Sys.Audit'],
    },
  },
  {
    id: 'support',
    label: 'Support console',
    summary: 'See guests and open their consoles.',
    actions: ['guest.view', 'snapshot.list', 'guest.console'],
    grants: { guests: ['VM.Audit', 'VM.Console'] },
  },
  {
    id: 'operator',
    label: 'Operator',
    summary: 'Power actions, snapshots and rollback, backups.',
    actions: ['guest.view', ...POWER, ...SNAPSHOTS, 'backup.run', 'backup.list', 'volume.delete'],
    grants: {
      guests: ['VM.Audit', 'VM.PowerMgmt', 'VM.Snapshot', 'VM.Snapshot.Rollback', 'VM.Backup'],
      storage: ['Datastore.Audit', 'Datastore.AllocateSpace'],
    },
  },
  {
    id: 'provisioning',
    label: 'Provisioning in one pool',
    summary:
      'Everything on the guests of one pool: clone, configure, power, snapshots, backups; storage and network for them.',
    actions: [
      'guest.view',
      'guest.config',
      // VM.Config.Network (granted for the network config) is also what PVE checks for a guest's firewall rules
      'firewall.guest.rules',
      'guest.console',
      'guest.clone',
      'guest.create',
      'guest.delete',
      ...POWER,
      ...SNAPSHOTS,
      'backup.run',
      'backup.list',
      'backup.restore',
      'volume.delete',
      'pool.view',
    ],
    grants: {
      guests: [
        'VM.Allocate',
        'VM.Audit',
        'VM.Backup',
        'VM.Clone',
        ...CONFIG,
        'VM.Console',
        'VM.PowerMgmt',
        'VM.Snapshot',
        'VM.Snapshot.Rollback',
        'Pool.Audit',
      ],
      storage: ['Datastore.Audit', 'Datastore.AllocateSpace'],
      sdn: ['SDN.Use'],
    },
  },
  {
    id: 'self-service',
    label: 'Self-service for one guest',
    summary: 'A guest that backs itself up (and lists its backups), and nothing else.',
    actions: ['guest.view', 'snapshot.list', 'backup.run', 'backup.list', 'volume.delete'],
    grants: { guests: ['VM.Audit', 'VM.Backup'], storage: ['Datastore.AllocateSpace', 'Datastore.Audit'] },
  },
  {
    // The token a source cluster uses on this one for remote_migrate (the target endpoint's apitoken): PVE checks
    // Sys.Incoming on /, VM.Allocate on the new guest, space on the target storage and SDN.Use on the bridge.
    id: 'migration-target',
    label: 'Cross-cluster migration target',
    summary:
      'Receive guests migrated from another cluster (remote_migrate) onto the chosen storage and network; nothing else.',
    actions: ['guest.remote-migrate.incoming'],
    grants: {
      guests: ['VM.Allocate'],
      storage: ['Datastore.AllocateSpace'],
      sdn: ['SDN.Use'],
      cluster: ['Sys.Incoming'],
    },
  },
  {
    id: 'admin',
    label: 'Full admin',
    summary: 'Everything, including users and permissions (built-in Administrator role on /).',
    actions: [],
    grants: {},
    builtinRole: 'Administrator',
  },
];

export function presetById(id: PresetId): Preset {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown preset ${id}`);
  return p;
}
