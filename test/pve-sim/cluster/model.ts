// The data model of the simulated cluster: nodes, guests, storages, volumes, HA and backup jobs.

/** A guest or snapshot config: integer/boolean keys are numbers, everything else strings (as PVE's config GET). */
export type GuestConfig = Record<string, string | number>;
export type GuestType = 'qemu' | 'lxc';

export interface Snapshot {
  name: string;
  snaptime: number;
  vmstate: 0 | 1;
  description: string;
  parent?: string;
  snapstate?: 'prepare' | 'delete';
  conf: GuestConfig;
}

export interface Guest {
  vmid: number;
  type: GuestType;
  node: string;
  /** the QMP-ish state; `status` in APIs is running unless stopped */
  power: 'running' | 'stopped' | 'paused';
  /** ms since epoch when the guest process started (uptime base) */
  startedAt: number;
  /** ms since epoch when the guest last stopped (rrd history goes flat after it) */
  stoppedAt: number;
  conf: GuestConfig;
  pending: GuestConfig;
  pendingDelete: string[];
  snapshots: Map<string, Snapshot>;
  /** per-guest metric seed */
  seed: number;
}

export interface SimNode {
  name: string;
  online: boolean;
  cpus: number;
  memTotal: number;
  rootTotal: number;
  bootAt: number;
  seed: number;
}

export interface Storage {
  id: string;
  type: 'dir' | 'lvmthin' | 'nfs' | 'pbs';
  content: string[];
  shared: 0 | 1;
  total: number;
  path?: string;
}

export interface Volume {
  volid: string;
  storage: string;
  /** undefined for volumes on shared storage */
  node: string | undefined;
  content: 'iso' | 'vztmpl' | 'backup';
  format: string;
  size: number;
  ctime: number;
  vmid?: number;
  subtype?: GuestType;
  notes?: string;
  protected?: 1;
  /** the guest config inside a backup archive (what a restore brings back) */
  conf?: GuestConfig;
}

export interface HaResource {
  sid: string;
  state: 'started' | 'stopped' | 'disabled' | 'ignored';
  max_restart: number;
  max_relocate: number;
  failback: 0 | 1;
  comment?: string;
}

export interface HaRule {
  rule: string;
  type: 'node-affinity' | 'resource-affinity';
  resources: string;
  disable: 0 | 1;
  comment?: string;
  nodes?: string;
  strict?: 0 | 1;
  affinity?: 'positive' | 'negative';
  order: number;
}

export type BackupJob = Record<string, string | number> & { id: string };

export const GIB = 1024 ** 3;
export const MIB = 1024 ** 2;
