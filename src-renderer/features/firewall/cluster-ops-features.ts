// The nav entries of the cluster-wide network and storage views: firewall, SDN, Ceph and replication.
import { lazyView } from '../lazy-view.js';
import type { FeatureEntry } from '../registry.js';

export const clusterOpsFeatures: FeatureEntry[] = [
  {
    id: 'firewall',
    label: 'Firewall',
    glyph: '▦',
    summary: 'Cluster, node and guest firewall options and rules.',
    view: lazyView(() => import('./FirewallView.js'), 'FirewallView'),
  },
  {
    id: 'sdn',
    label: 'SDN',
    glyph: '⋈',
    summary: 'Zones, vnets, subnets, pending changes and apply.',
    view: lazyView(() => import('../sdn/SdnView.js'), 'SdnView'),
  },
  {
    id: 'ceph',
    label: 'Ceph',
    glyph: '◍',
    summary: 'Ceph health, OSDs and pools (read-only).',
    view: lazyView(() => import('../ceph/CephView.js'), 'CephView'),
  },
  {
    id: 'replication',
    label: 'Replication',
    glyph: '⇄',
    summary: 'Storage replication jobs, their state and run now.',
    view: lazyView(() => import('../replication/ReplicationView.js'), 'ReplicationView'),
  },
];
