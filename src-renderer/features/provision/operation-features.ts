// The nav entries of the operation features: cluster-wide backups (jobs, archives), HA, and create VM/CT.
import type { FeatureEntry } from '../registry.js';
import { BackupsView } from '../backups/BackupsView.js';
import { HaView } from '../ha/HaView.js';
import { CreateView } from './CreateView.js';

export const operationFeatures: FeatureEntry[] = [
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
];
