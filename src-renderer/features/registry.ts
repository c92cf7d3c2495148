// The app's features, in nav order. A feature joins the app by adding one entry here (or giving its entry a view).
import type { FeatureEntry } from './feature-entry.js';
import { ConnectView } from './connect/ConnectView.js';
import { InventoryView } from './inventory/InventoryView.js';
import { PermissionsView } from './permissions/PermissionsView.js';
import { AuditView } from './audit/AuditView.js';
import { TasksView } from './tasks/TasksView.js';
import { StorageView } from './storage/StorageView.js';
import { BackupsView } from './backups/BackupsView.js';
import { HaView } from './ha/HaView.js';
import { CreateView } from './provision/CreateView.js';
import { FirewallView } from './firewall/FirewallView.js';
import { SdnView } from './sdn/SdnView.js';
import { CephView } from './ceph/CephView.js';
import { ReplicationView } from './replication/ReplicationView.js';

export const features: readonly FeatureEntry[] = [
  {
    id: 'clusters',
    label: 'Clusters',
    glyph: '◎',
    summary: 'Add a Proxmox VE cluster to start: profiles, API tokens and certificate pins live here.',
    view: ConnectView,
  },
  {
    id: 'inventory',
    label: 'Inventory',
    glyph: '▤',
    summary: 'Nodes, VMs, containers and storage across all connected clusters.',
    view: InventoryView,
  },
  {
    id: 'backups',
    label: 'Backups',
    glyph: '⛁',
    summary: 'Backup jobs and every archive across storages.',
    view: BackupsView,
  },
  {
    id: 'ha',
    label: 'HA',
    glyph: '♥',
    summary: 'High availability: quorum, manager, resources, rules.',
    view: HaView,
  },
  {
    id: 'create',
    label: 'Create',
    glyph: '+',
    summary: 'Create a VM or container with pre-flight checks.',
    view: CreateView,
  },
  {
    id: 'firewall',
    label: 'Firewall',
    glyph: '▦',
    summary: 'Cluster, node and guest firewall options and rules.',
    view: FirewallView,
  },
  {
    id: 'sdn',
    label: 'SDN',
    glyph: '⋈',
    summary: 'Zones, vnets, subnets, pending changes and apply.',
    view: SdnView,
  },
  {
    id: 'ceph',
    label: 'Ceph',
    glyph: '◍',
    summary: 'Ceph health, OSDs and pools (read-only).',
    view: CephView,
  },
  {
    id: 'replication',
    label: 'Replication',
    glyph: '⇄',
    summary: 'Storage replication jobs, their state and run now.',
    view: ReplicationView,
  },
  {
    id: 'tasks',
    label: 'Tasks',
    glyph: '☰',
    summary: 'Running and recent PVE tasks with their logs.',
    view: TasksView,
  },
  {
    id: 'storage',
    label: 'Storage',
    glyph: '▥',
    summary: 'Storages per node, their content, ISO upload and templates.',
    view: StorageView,
  },
  {
    id: 'permissions',
    label: 'Permissions',
    glyph: '◆',
    summary: 'Who may do what, per path and privilege.',
    view: PermissionsView,
  },
  {
    id: 'audit',
    label: 'Audit log',
    glyph: '✎',
    summary: 'Every change Proxdeck made, with its confirmed diff.',
    view: AuditView,
  },
];
