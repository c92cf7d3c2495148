// The app's features, in nav order. A feature joins the app by adding one entry here (or giving its entry a view).
// Views other than the first screen (Clusters) load on first use: each is its own chunk of the build.
import type { ComponentType } from 'react';
import { ConnectView } from './connect/ConnectView.js';
import { lazyView } from './lazy-view.js';
import { operationFeatures } from './provision/operation-features.js';
import { clusterOpsFeatures } from './firewall/cluster-ops-features.js';

export interface FeatureEntry {
  /** Stable id: used in data-testid="nav-<id>" / "view-<id>" and as the view key. */
  id: string;
  label: string;
  /** One-character glyph shown in the nav; keeps the bundle free of icon fonts and remote assets. */
  glyph: string;
  /** Shown while the feature has no view yet. */
  summary: string;
  view?: ComponentType;
}

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
  ...operationFeatures,
  ...clusterOpsFeatures,
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
