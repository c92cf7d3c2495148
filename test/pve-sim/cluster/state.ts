// The mutable cluster state with its look-ups and the PVE error texts for missing or locked objects.
import { PveHttpError, unknownNodeError } from '../http/types.js';
import { generateCluster } from './generate.js';
import type { BackupJob, Guest, GuestType, HaResource, HaRule, SimNode, Storage, Volume } from './model.js';

export class ClusterState {
  readonly nodes = new Map<string, SimNode>();
  readonly guests = new Map<number, Guest>();
  readonly storages = new Map<string, Storage>();
  volumes: Volume[] = [];
  readonly ha = new Map<string, HaResource>();
  readonly haRules = new Map<string, HaRule>();
  readonly jobs = new Map<string, BackupJob>();
  /** bumped on every mutation so per-tick caches know when to rebuild */
  version = 0;

  constructor(
    opts: { nodes: number; guests: number; seed: number },
    readonly now: () => number,
  ) {
    const gen = generateCluster(opts, now());
    for (const n of gen.nodes) this.nodes.set(n.name, n);
    for (const g of gen.guests) this.guests.set(g.vmid, g);
    for (const s of gen.storages) this.storages.set(s.id, s);
    this.volumes = gen.volumes;
    for (const h of gen.ha) this.ha.set(h.sid, h);
    for (const j of gen.jobs) this.jobs.set(j.id, j);
  }

  bump(): void {
    this.version++;
  }

  nowSec(): number {
    return Math.floor(this.now() / 1000);
  }

  /**
   * A node that exists, or PVE's error for an unknown one. Offline nodes are refused earlier, by the
   * core's proxy stage (595), for the endpoints PVE proxies; the others read cluster-wide data and work.
   */
  node(name: string): SimNode {
    const n = this.nodes.get(name);
    if (!n) throw unknownNodeError(name);
    return n;
  }

  /** The guest whose config lives on this node, as load_config finds it. */
  guestOn(node: string, vmid: number, type: GuestType): Guest {
    this.node(node);
    const g = this.guests.get(vmid);
    if (!g || g.node !== node || g.type !== type) {
      const dir = type === 'qemu' ? 'qemu-server' : 'lxc';
      throw new PveHttpError(500, `Configuration file 'nodes/${node}/${dir}/${vmid}.conf' does not exist\n`);
    }
    return g;
  }

  storage(id: string): Storage {
    const s = this.storages.get(id);
    if (!s) throw new PveHttpError(500, `storage '${id}' does not exist\n`);
    return s;
  }

  nextFreeVmid(from = 100): number {
    let v = from;
    while (this.guests.has(v)) v++;
    return v;
  }

  haSid(g: Guest): string {
    return `${g.type === 'qemu' ? 'vm' : 'ct'}:${g.vmid}`;
  }
}

export function guestWord(g: Guest): 'VM' | 'CT' {
  return g.type === 'qemu' ? 'VM' : 'CT';
}

export function lockOf(g: Guest): string | undefined {
  const l = g.conf['lock'];
  return typeof l === 'string' ? l : undefined;
}

/** AbstractConfig check_lock: "VM is locked (backup)" / "CT is locked (backup)". */
export function lockError(g: Guest): Error | undefined {
  const l = lockOf(g);
  return l ? new PveHttpError(500, `${guestWord(g)} is locked (${l})\n`) : undefined;
}

export function assertUnlocked(g: Guest): void {
  const e = lockError(g);
  if (e) throw e;
}

export function isRunning(g: Guest): boolean {
  return g.power !== 'stopped';
}

export function guestName(g: Guest): string {
  const n = g.conf[g.type === 'qemu' ? 'name' : 'hostname'];
  return typeof n === 'string' ? n : `${g.type === 'qemu' ? 'VM' : 'CT'} ${g.vmid}`;
}

export function isTemplate(g: Guest): boolean {
  return Number(g.conf['template'] ?? 0) === 1;
}
