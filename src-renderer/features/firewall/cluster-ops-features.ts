// The nav entries of the cluster-wide network and storage views: firewall, SDN, Ceph and replication.
import type { FeatureEntry } from '../registry.js';
import { CephView } from '../ceph/CephView.js';
import { ReplicationView } from '../replication/ReplicationView.js';
import { SdnView } from '../sdn/SdnView.js';
import { FirewallView } from './FirewallView.js';

export const clusterOpsFeatures: FeatureEntry[] = [
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
];
