// The app's features, in nav order. A feature joins the app by adding one entry here (or giving its entry a view).
// Views other than the first screen (Clusters) load on first use: each is its own chunk of the build.
import type { FeatureEntry } from './feature-entry.js';
import { ConnectView } from './connect/ConnectView.js';
import { lazyView } from './lazy-view.js';

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
    view: lazyView(() => import('./inventory/InventoryView.js'), 'InventoryView'),
  },
  {
    id: 'backups',
    label: 'Backups',
    glyph: '⛁',
    summary: 'Backup jobs and every archive across storages.',
    view: lazyView(() => import('./backups/BackupsView.js'), 'BackupsView'),
  },
  {
    id: 'coverage',
    label: 'Coverage',
    glyph: '✓',
    summary: 'Backup coverage of every guest: jobs, newest backup, failures, restore verification.',
    view: lazyView(() => import('./coverage/CoverageView.js'), 'CoverageView'),
  },
  {
    id: 'ha',
    label: 'HA',
    glyph: '♥',
    summary: 'High availability: quorum, manager, resources, rules.',
    view: lazyView(() => import('./ha/HaView.js'), 'HaView'),
  },
  {
    id: 'create',
    label: 'Create',
    glyph: '+',
    summary: 'Create a VM or container with pre-flight checks.',
    view: lazyView(() => import('./provision/CreateView.js'), 'CreateView'),
  },
  {
    id: 'firewall',
    label: 'Firewall',
    glyph: '▦',
    summary: 'Cluster, node and guest firewall options and rules.',
    view: lazyView(() => import('./firewall/FirewallView.js'), 'FirewallView'),
  },
  {
    id: 'sdn',
    label: 'SDN',
    glyph: '⋈',
    summary: 'Zones, vnets, subnets, pending changes and apply.',
    view: lazyView(() => import('./sdn/SdnView.js'), 'SdnView'),
  },
  {
    id: 'ceph',
    label: 'Ceph',
    glyph: '◍',
    summary: 'Ceph health, OSDs and pools (read-only).',
    view: lazyView(() => import('./ceph/CephView.js'), 'CephView'),
  },
  {
    id: 'replication',
    label: 'Replication',
    glyph: '⇄',
    summary: 'Storage replication jobs, their state and run now.',
    view: lazyView(() => import('./replication/ReplicationView.js'), 'ReplicationView'),
  },
  {
    id: 'maintenance',
    label: 'Maintenance',
    glyph: '⟳',
    summary: 'Evacuate a node with a placement pre-flight; rolling reboot with approval between nodes.',
    view: lazyView(() => import('./maintenance/MaintenanceView.js'), 'MaintenanceView'),
  },
  {
    id: 'updates',
    label: 'Updates',
    glyph: '⇪',
    summary: 'Pending package updates per node across every connected cluster.',
    view: lazyView(() => import('./updates/UpdatesView.js'), 'UpdatesView'),
  },
  {
    id: 'tasks',
    label: 'Tasks',
    glyph: '☰',
    summary: 'Running and recent PVE tasks with their logs.',
    view: lazyView(() => import('./tasks/TasksView.js'), 'TasksView'),
  },
  {
    id: 'storage',
    label: 'Storage',
    glyph: '▥',
    summary: 'Storages per node, their content, ISO upload and templates.',
    view: lazyView(() => import('./storage/StorageView.js'), 'StorageView'),
  },
  {
    id: 'permissions',
    label: 'Permissions',
    glyph: '◆',
    summary: 'Who may do what, per path and privilege.',
    view: lazyView(() => import('./permissions/PermissionsView.js'), 'PermissionsView'),
  },
  {
    id: 'audit',
    label: 'Audit log',
    glyph: '✎',
    summary: 'Every change Proxdeck made, with its confirmed diff.',
    view: lazyView(() => import('./audit/AuditView.js'), 'AuditView'),
  },
];
