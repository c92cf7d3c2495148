// The nav entries of the operation features: cluster-wide backups (jobs, archives), HA, and create VM/CT.
import { lazyView } from '../lazy-view.js';
import type { FeatureEntry } from '../registry.js';

export const operationFeatures: FeatureEntry[] = [
  {
    id: 'backups',
    label: 'Backups',
    glyph: '⛁',
    summary: 'Backup jobs and every archive across storages.',
    view: lazyView(() => import('../backups/BackupsView.js'), 'BackupsView'),
  },
  {
    id: 'ha',
    label: 'HA',
    glyph: '♥',
    summary: 'High availability: quorum, manager, resources, rules.',
    view: lazyView(() => import('../ha/HaView.js'), 'HaView'),
  },
  {
    id: 'create',
    label: 'Create',
    glyph: '+',
    summary: 'Create a VM or container with pre-flight checks.',
    view: lazyView(() => import('./CreateView.js'), 'CreateView'),
  },
];
