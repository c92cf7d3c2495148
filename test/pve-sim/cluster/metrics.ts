// Deterministic metrics from the seed and the clock: current values (per 10 s tick) and RRD series.
import { MIB, type Guest, type SimNode } from './model.js';
import { hashUnit } from './rng.js';

/** pvestatd refreshes every 10 s; values only change on these ticks. */
export const TICK_MS = 10_000;

/** A smooth load curve in [0, 1] for an entity at second t. */
export function load(seed: number, t: number): number {
  const phase = hashUnit(seed, 1) * 6.283;
  const slow = Math.sin(t / 3600 + phase);
  const fast = Math.sin(t / 420 + phase * 2);
  const jitter = hashUnit(seed, Math.floor(t / 10)) - 0.5;
  return Math.min(1, Math.max(0, 0.5 + 0.3 * slow + 0.12 * fast + 0.16 * jitter));
}

/** A cumulative counter that grows monotonically: rate * u plus a bounded wobble with derivative < rate. */
function counter(rate: number, seed: number, u: number): number {
  return Math.max(0, Math.floor(rate * u + 0.5 * rate * 300 * Math.sin(u / 300 + hashUnit(seed, 3))));
}

export function guestMaxMem(g: Guest): number {
  return Number(g.conf['memory'] ?? 512) * MIB;
}

export function guestMaxCpu(g: Guest): number {
  const vcpus = Number(g.conf['vcpus'] ?? 0);
  if (vcpus > 0) return vcpus;
  return Number(g.conf['cores'] ?? 1) * Number(g.conf['sockets'] ?? 1);
}

export function guestMaxDisk(g: Guest): number {
  const disk = String(g.conf['scsi0'] ?? g.conf['virtio0'] ?? g.conf['rootfs'] ?? '');
  const m = /size=(\d+)([GMT])/.exec(disk);
  if (!m) return 0;
  const mult = m[2] === 'T' ? 1024 ** 4 : m[2] === 'G' ? 1024 ** 3 : MIB;
  return Number(m[1]) * mult;
}

export interface GuestSample {
  uptime: number;
  cpu: number;
  mem: number;
  memhost: number;
  disk: number;
  netin: number;
  netout: number;
  diskread: number;
  diskwrite: number;
}

const ZERO: GuestSample = {
  uptime: 0,
  cpu: 0,
  mem: 0,
  memhost: 0,
  disk: 0,
  netin: 0,
  netout: 0,
  diskread: 0,
  diskwrite: 0,
};

/** Current metrics of a guest at the tick containing nowMs. */
export function guestSample(g: Guest, nowMs: number): GuestSample {
  if (g.power === 'stopped') return ZERO;
  const tick = Math.floor(nowMs / TICK_MS) * TICK_MS;
  const t = tick / 1000;
  const u = Math.max(0, Math.floor((tick - g.startedAt) / 1000));
  const base = 0.05 + 0.5 * hashUnit(g.seed, 2);
  const maxmem = guestMaxMem(g);
  const memFrac = 0.25 + 0.5 * hashUnit(g.seed, 4) + 0.1 * load(g.seed + 1, t);
  const netRate = 2_000 + 200_000 * hashUnit(g.seed, 5);
  const ioRate = 5_000 + 400_000 * hashUnit(g.seed, 6);
  const lxcDisk = g.type === 'lxc' ? Math.floor(guestMaxDisk(g) * (0.2 + 0.4 * hashUnit(g.seed, 7))) : 0;
  return {
    uptime: u,
    cpu: g.power === 'paused' ? 0 : round4(base * load(g.seed, t)),
    mem: Math.floor(maxmem * Math.min(0.95, memFrac)),
    memhost: Math.floor(maxmem * Math.min(1, memFrac + 0.05)),
    disk: lxcDisk,
    netin: counter(netRate, g.seed, u),
    netout: counter(netRate * 0.6, g.seed + 9, u),
    diskread: counter(ioRate, g.seed + 11, u),
    diskwrite: counter(ioRate * 0.4, g.seed + 13, u),
  };
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export interface NodeSample {
  uptime: number;
  cpu: number;
  mem: number;
  rootused: number;
  loadavg: [string, string, string];
}

export function nodeSample(n: SimNode, nowMs: number): NodeSample {
  const t = Math.floor(nowMs / TICK_MS) * 10;
  const cpu = round4(0.05 + 0.45 * load(n.seed, t));
  const la = (k: number): string => (cpu * n.cpus * (1 + 0.1 * k)).toFixed(2);
  return {
    uptime: Math.max(0, Math.floor((nowMs - n.bootAt) / 1000)),
    cpu,
    mem: Math.floor(n.memTotal * (0.3 + 0.3 * load(n.seed + 5, t))),
    rootused: Math.floor(n.rootTotal * (0.15 + 0.1 * hashUnit(n.seed, 8))),
    loadavg: [la(0), la(1), la(2)],
  };
}

/** PVE's RRD resolutions: step seconds per timeframe; every series has 70 points. */
export const RRD_STEP: Record<string, number> = {
  hour: 60,
  day: 1800,
  week: 10_800,
  month: 43_200,
  year: 604_800,
};
const RRD_POINTS = 70;

/** Sample times (epoch s) of a timeframe, aligned to the step so the same time gives the same point. */
export function rrdTimes(timeframe: string, nowMs: number): number[] {
  const step = RRD_STEP[timeframe] ?? 60;
  const last = Math.floor(nowMs / 1000 / step) * step;
  const out: number[] = [];
  for (let i = RRD_POINTS - 1; i >= 0; i--) out.push(last - i * step);
  return out;
}

/** Average or max of a load curve over one step (MAX is a deterministic bump above AVERAGE). */
export function stepLoad(seed: number, t: number, step: number, cf: string): number {
  const avg = load(seed, t);
  return cf === 'MAX' ? Math.min(1, avg * (1 + 0.4 * hashUnit(seed, t, step))) : avg;
}

export function guestRrd(g: Guest, timeframe: string, cf: string, nowMs: number): Record<string, number>[] {
  const step = RRD_STEP[timeframe] ?? 60;
  const maxmem = guestMaxMem(g);
  const maxcpu = guestMaxCpu(g);
  const maxdisk = guestMaxDisk(g);
  const base = 0.05 + 0.5 * hashUnit(g.seed, 2);
  const netRate = 2_000 + 200_000 * hashUnit(g.seed, 5);
  const ioRate = 5_000 + 400_000 * hashUnit(g.seed, 6);
  return rrdTimes(timeframe, nowMs).map((time): Record<string, number> => {
    const up = g.power !== 'stopped' ? time * 1000 >= g.startedAt : time * 1000 < g.stoppedAt;
    if (!up) return { time, maxcpu, maxmem, maxdisk, disk: 0 };
    const l = stepLoad(g.seed, time, step, cf);
    return {
      time,
      maxcpu,
      maxmem,
      maxdisk,
      disk: 0,
      cpu: round4(base * l),
      mem: Math.floor(maxmem * (0.25 + 0.5 * hashUnit(g.seed, 4) + 0.1 * l)),
      netin: round4(netRate * (0.5 + l)),
      netout: round4(netRate * 0.6 * (0.5 + l)),
      diskread: round4(ioRate * (0.3 + l)),
      diskwrite: round4(ioRate * 0.4 * (0.3 + l)),
    };
  });
}

export function nodeRrd(n: SimNode, timeframe: string, cf: string, nowMs: number): Record<string, number>[] {
  const step = RRD_STEP[timeframe] ?? 60;
  return rrdTimes(timeframe, nowMs).map((time): Record<string, number> => {
    if (!n.online && time * 1000 > nowMs - 60_000) return { time };
    const l = stepLoad(n.seed, time, step, cf);
    const cpu = round4(0.05 + 0.45 * l);
    return {
      time,
      cpu,
      maxcpu: n.cpus,
      iowait: round4(0.01 * l),
      loadavg: round4(cpu * n.cpus),
      memtotal: n.memTotal,
      memused: Math.floor(n.memTotal * (0.3 + 0.3 * l)),
      swaptotal: 8 * 1024 ** 3,
      swapused: Math.floor(64 * MIB * l),
      roottotal: n.rootTotal,
      rootused: Math.floor(n.rootTotal * (0.15 + 0.1 * hashUnit(n.seed, 8))),
      netin: round4(1e6 * (0.2 + l)),
      netout: round4(8e5 * (0.2 + l)),
    };
  });
}
