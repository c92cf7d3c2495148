// Firewall, SDN and replication state of the simulated cluster, kept beside ClusterState (one per state, created on first use).
import { createHash } from 'node:crypto';
import type { ClusterState } from './state.js';

export type Fields = Record<string, string | number>;

/** One firewall file (cluster.fw, host.fw or <vmid>.fw): its [OPTIONS] and [RULES]. */
export interface FirewallFile {
  options: Fields;
  rules: Fields[];
}

/** An SDN section config: what is written (pending) and what was last applied (running). */
export interface SdnConfig {
  zones: Map<string, Fields>;
  vnets: Map<string, Fields>;
  subnets: Map<string, Fields>;
}

export interface ReplicationJob {
  id: string;
  guest: number;
  jobnum: number;
  target: string;
  type: 'local';
  schedule?: string;
  comment?: string;
  rate?: number;
  disable?: number;
  remove_job?: string;
  source?: string;
}

export interface ReplicationRun {
  last_sync: number;
  last_try: number;
  duration: number;
  fail_count: number;
  /** set by schedule_now: the run finishes once the simulated clock passes this (ms) */
  runningUntil?: number;
  error?: string;
}

export interface OpsState {
  firewall: Map<string, FirewallFile>;
  sdn: SdnConfig;
  sdnRunning: SdnConfig;
  replication: Map<string, ReplicationJob>;
  replicationRuns: Map<string, ReplicationRun>;
}

const states = new WeakMap<ClusterState, OpsState>();

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export function cloneSdn(c: SdnConfig): SdnConfig {
  const copy = (m: Map<string, Fields>): Map<string, Fields> =>
    new Map([...m].map(([k, v]) => [k, { ...v }]));
  return { zones: copy(c.zones), vnets: copy(c.vnets), subnets: copy(c.subnets) };
}

function seedSdn(): SdnConfig {
  return {
    zones: new Map<string, Fields>([
      ['simple1', { zone: 'simple1', type: 'simple', dhcp: 'dnsmasq', ipam: 'pve' }],
      ['vlanzone', { zone: 'vlanzone', type: 'vlan', bridge: 'vmbr0', ipam: 'pve' }],
    ]),
    vnets: new Map<string, Fields>([
      ['vnet1', { vnet: 'vnet1', type: 'vnet', zone: 'simple1', alias: 'lab network' }],
      ['vnet10', { vnet: 'vnet10', type: 'vnet', zone: 'vlanzone', tag: 10 }],
    ]),
    subnets: new Map<string, Fields>([
      [
        'simple1-10.10.0.0-24',
        { subnet: 'simple1-10.10.0.0-24', type: 'subnet', vnet: 'vnet1', gateway: '10.10.0.1', snat: 1 },
      ],
    ]),
  };
}

function seedFirewall(state: ClusterState): Map<string, FirewallFile> {
  const files = new Map<string, FirewallFile>();
  files.set('cluster', {
    options: { enable: 1, policy_in: 'DROP', policy_out: 'ACCEPT' },
    rules: [
      { type: 'in', action: 'ACCEPT', macro: 'SSH', source: '10.0.0.0/8', enable: 1, comment: 'admin ssh' },
      { type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '8006', enable: 1, comment: 'web gui' },
      { type: 'in', action: 'ACCEPT', proto: 'icmp', enable: 1 },
    ],
  });
  for (const n of state.nodes.keys())
    files.set(`node/${n}`, {
      options: { enable: 1 },
      rules: [
        { type: 'in', action: 'ACCEPT', proto: 'tcp', dport: '9100', enable: 1, comment: 'node exporter' },
      ],
    });
  return files;
}

function seedReplication(state: ClusterState): {
  jobs: Map<string, ReplicationJob>;
  runs: Map<string, ReplicationRun>;
} {
  const jobs = new Map<string, ReplicationJob>();
  const runs = new Map<string, ReplicationRun>();
  const nodes = [...state.nodes.keys()];
  if (nodes.length < 2) return { jobs, runs };
  const now = state.nowSec();
  const guests = [...state.guests.values()].filter((g) => g.type === 'qemu').slice(0, 2);
  for (const g of guests) {
    const target = nodes.find((n) => n !== g.node) ?? nodes[0]!;
    const id = `${g.vmid}-0`;
    jobs.set(id, { id, guest: g.vmid, jobnum: 0, target, type: 'local', schedule: '*/15', source: g.node });
    runs.set(id, { last_sync: now - 300, last_try: now - 300, duration: 2.4, fail_count: 0 });
  }
  return { jobs, runs };
}

/** The firewall/SDN/replication state of this cluster state, seeded on first use. */
export function opsState(state: ClusterState): OpsState {
  let s = states.get(state);
  if (!s) {
    const sdn = seedSdn();
    const rep = seedReplication(state);
    s = {
      firewall: seedFirewall(state),
      sdn,
      sdnRunning: cloneSdn(sdn),
      replication: rep.jobs,
      replicationRuns: rep.runs,
    };
    states.set(state, s);
  }
  return s;
}
