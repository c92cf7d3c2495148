// Where the guests of a node go when it is evacuated: pure, so it is unit-tested. Each guest goes to the allowed node
// with the lowest projected memory load, counting what the plan already placed there; strict HA node-affinity and
// negative resource-affinity rules are never broken; a guest that fits nowhere is reported, not placed.

export interface PlaceGuest {
  vmid: number;
  type: 'qemu' | 'lxc';
  name: string;
  running: boolean;
  template: boolean;
  /** configured memory (bytes): what it needs on the target when running */
  mem: number;
  /** CPU it uses now, in cores */
  cpuCores: number;
  /** bytes on the source node's local storage (copied with with-local-disks) */
  localDiskBytes: number;
  /** HA sid when HA-managed (rules only apply to HA resources) */
  haSid?: string;
}

export interface PlaceTarget {
  node: string;
  online: boolean;
  memTotal: number;
  memUsed: number;
  cpus: number;
  /** 0..1 */
  cpuLoad: number;
  /** free bytes on the local storage local disks would be copied to */
  localFree: number;
}

export interface PlaceRule {
  type: 'node-affinity' | 'resource-affinity';
  enabled: boolean;
  resources: string[];
  /** node-affinity: allowed nodes */
  nodes?: string[];
  strict?: boolean;
  affinity?: 'positive' | 'negative';
}

export interface PlaceInput {
  source: string;
  guests: PlaceGuest[];
  targets: PlaceTarget[];
  rules: PlaceRule[];
  /** where each HA sid runs now (for resource-affinity) */
  sidNodes: Record<string, string>;
  includeStopped: boolean;
  /** memory kept free on every target (fraction of its total) */
  memReserve?: number;
  /** projected CPU load above this refuses a running guest */
  cpuLimit?: number;
}

export interface Placement {
  moves: Array<{ guest: PlaceGuest; target: string; reason: string }>;
  cannotMove: Array<{ guest: PlaceGuest; reason: string }>;
  staying: Array<{ guest: PlaceGuest; reason: string }>;
  targets: Array<{ node: string; freeBefore: number; freeAfter: number; guests: number }>;
}

const GIB = 1024 ** 3;
const gib = (b: number): string => `${(b / GIB).toFixed(1)} GiB`;

function ruleBlock(
  g: PlaceGuest,
  node: string,
  rules: PlaceRule[],
  where: Record<string, string>,
): string | undefined {
  if (!g.haSid) return undefined;
  for (const r of rules) {
    if (!r.enabled || !r.resources.includes(g.haSid)) continue;
    if (r.type === 'node-affinity' && r.strict && !(r.nodes ?? []).includes(node))
      return `HA rule allows only ${(r.nodes ?? []).join(', ')}`;
    if (r.type === 'resource-affinity' && r.affinity === 'negative') {
      const clash = r.resources.find((s) => s !== g.haSid && where[s] === node);
      if (clash) return `HA rule keeps it apart from ${clash}`;
    }
  }
  return undefined;
}

export function placeGuests(input: PlaceInput): Placement {
  const reserve = input.memReserve ?? 0.05;
  const cpuLimit = input.cpuLimit ?? 0.9;
  const where = { ...input.sidNodes };
  const load = new Map(
    input.targets
      .filter((t) => t.node !== input.source)
      .map((t) => [t.node, { t, mem: 0, cpu: 0, disk: 0, guests: 0 }]),
  );
  const out: Placement = { moves: [], cannotMove: [], staying: [], targets: [] };
  const movers = [...input.guests].sort((a, b) => Number(b.running) - Number(a.running) || b.mem - a.mem);
  for (const g of movers) {
    if (!g.running && !input.includeStopped) {
      out.staying.push({
        guest: g,
        reason: g.template ? 'template: stays (by choice)' : 'stopped: stays (by choice)',
      });
      continue;
    }
    const why: string[] = [];
    let best: { node: string; memLoad: number; free: number; cpu: number } | undefined;
    for (const [node, l] of load) {
      const { t } = l;
      if (!t.online) {
        why.push(`${node}: offline`);
        continue;
      }
      const blocked = ruleBlock(g, node, input.rules, where);
      if (blocked) {
        why.push(`${node}: ${blocked}`);
        continue;
      }
      const need = g.running ? g.mem : 0;
      const free = t.memTotal * (1 - reserve) - t.memUsed - l.mem;
      if (need > free) {
        why.push(`${node}: needs ${gib(need)} RAM, ${gib(Math.max(0, free))} free`);
        continue;
      }
      const cpu = t.cpuLoad + (l.cpu + (g.running ? g.cpuCores : 0)) / t.cpus;
      if (g.running && cpu > cpuLimit) {
        why.push(`${node}: CPU would reach ${Math.round(cpu * 100)}%`);
        continue;
      }
      if (g.localDiskBytes > 0 && g.localDiskBytes > t.localFree - l.disk) {
        why.push(`${node}: ${gib(g.localDiskBytes)} of local disks do not fit`);
        continue;
      }
      const memLoad = (t.memUsed + l.mem + need) / t.memTotal;
      if (!best || memLoad < best.memLoad) best = { node, memLoad, free: free - need, cpu };
    }
    if (!best) {
      out.cannotMove.push({ guest: g, reason: why.length ? why.join('; ') : 'no other node' });
      continue;
    }
    const l = load.get(best.node)!;
    l.mem += g.running ? g.mem : 0;
    l.cpu += g.running ? g.cpuCores : 0;
    l.disk += g.localDiskBytes;
    l.guests++;
    if (g.haSid) where[g.haSid] = best.node;
    out.moves.push({
      guest: g,
      target: best.node,
      reason: `least loaded: ${gib(best.free)} RAM left, CPU ~${Math.round(best.cpu * 100)}%${g.localDiskBytes ? `, local disks copied (${gib(g.localDiskBytes)})` : ''}`,
    });
  }
  for (const [node, l] of load) {
    const freeBefore = l.t.memTotal - l.t.memUsed;
    out.targets.push({ node, freeBefore, freeAfter: freeBefore - l.mem, guests: l.guests });
  }
  return out;
}
