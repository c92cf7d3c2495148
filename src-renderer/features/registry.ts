// The app's features, in nav order. A feature joins the app by adding one entry here (or giving its entry a view).
import type { ComponentType } from 'react';
import { ConnectView } from './connect/ConnectView.js';
import { InventoryView } from './inventory/InventoryView.js';
import { PermissionsView } from './permissions/PermissionsView.js';
import { AuditView } from './audit/AuditView.js';
import { TasksView } from './tasks/TasksView.js';
import { StorageView } from './storage/StorageView.js';
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
    view: InventoryView,
  },
  ...operationFeatures,
  ...clusterOpsFeatures,
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
