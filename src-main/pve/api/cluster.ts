// /cluster: status (name, quorum, members), resources (the inventory), nextid.
// /cluster/resources is the one hot call (10,000 guests every 3 s): a hand-written type check runs first and
// zod only sees entries that fail it; the full zod pass alone costs ~5x the JSON.parse (docs/benchmarks.md).
import { z } from 'zod';
import { clampCpu, createSkipLog } from '../tolerance.js';
import { pveBool, pveGet, pveInt, pveNum, type PveCaller, USAGE_FIELDS } from './caller.js';

const StatusEntry = z.object({
  type: z.enum(['cluster', 'node']),
  id: z.string(),
  name: z.string(),
  nodes: pveInt.optional(),
  quorate: pveBool.optional(),
  version: pveInt.optional(),
  nodeid: pveInt.optional(),
  online: pveBool.optional(),
  local: pveBool.optional(),
  ip: z.string().optional(),
  level: z.string().optional(),
});

const ClusterStatus = z.array(StatusEntry).transform((entries) => {
  const cluster = entries.find((e) => e.type === 'cluster');
  return {
    cluster: cluster
      ? { name: cluster.name, quorate: cluster.quorate ?? false, nodes: cluster.nodes ?? 0 }
      : undefined,
    nodes: entries
      .filter((e) => e.type === 'node')
      .map((e) => ({
        name: e.name,
        nodeid: e.nodeid,
        online: e.online ?? false,
        local: e.local ?? false,
        ip: e.ip,
      })),
  };
});
export type ClusterStatus = z.output<typeof ClusterStatus>;

/**
 * The complete zod check of one entry: used for entries the hand check refuses (numeric strings, "0"/"1"
 * booleans ...), and by the benchmark's baseline.
 */
export const SlowEntry = z.object({
  id: z.string(),
  type: z.string(),
  node: z.string().optional(),
  status: z.string().optional(),
  name: z.string().optional(),
  vmid: pveInt.optional(),
  template: pveBool.optional(),
  lock: z.string().optional(),
  tags: z.string().optional(),
  pool: z.string().optional(),
  hastate: z.string().optional(),
  uptime: pveNum.optional(),
  ...USAGE_FIELDS,
  netin: pveNum.optional(),
  netout: pveNum.optional(),
  diskread: pveNum.optional(),
  diskwrite: pveNum.optional(),
  storage: z.string().optional(),
  plugintype: z.string().optional(),
  shared: pveBool.optional(),
  content: z.string().optional(),
  level: z.string().optional(),
  /** SDN (PVE 8: type "sdn", field "sdn"; PVE 9: type "network", fields "network" and "network-type") */
  sdn: z.string().optional(),
  network: z.string().optional(),
  'network-type': z.string().optional(),
});

/** One /cluster/resources entry, converted (0/1 → boolean, numeric strings → numbers). */
export type ClusterResource = Omit<z.output<typeof SlowEntry>, 'network-type'> & { networkType?: string };

type FieldKind = 'n' | 's' | 'b';
const FIELD_KIND: Record<string, FieldKind> = Object.assign(
  Object.create(null) as Record<string, FieldKind>,
  {
    vmid: 'n',
    uptime: 'n',
    cpu: 'n',
    maxcpu: 'n',
    mem: 'n',
    maxmem: 'n',
    disk: 'n',
    maxdisk: 'n',
    netin: 'n',
    netout: 'n',
    diskread: 'n',
    diskwrite: 'n',
    id: 's',
    type: 's',
    node: 's',
    status: 's',
    name: 's',
    lock: 's',
    tags: 's',
    pool: 's',
    hastate: 's',
    storage: 's',
    plugintype: 's',
    content: 's',
    level: 's',
    sdn: 's',
    network: 's',
    'network-type': 's',
    template: 'b',
    shared: 'b',
  },
);

type Raw = Record<string, unknown>;

/** One pass over the entry's own keys; fields we do not use (memhost, cgroup-mode ...) are not looked at. */
function isCleanEntry(e: Raw): boolean {
  if (typeof e.id !== 'string' || typeof e.type !== 'string') return false;
  for (const k in e) {
    const kind = FIELD_KIND[k];
    if (kind === undefined) continue;
    const v = e[k];
    if (kind === 'n') {
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
    } else if (kind === 's') {
      if (typeof v !== 'string') return false;
    } else if (v !== 0 && v !== 1 && typeof v !== 'boolean') return false;
  }
  return e.vmid === undefined || Number.isInteger(e.vmid);
}

/** Converts in place: the object is this answer's own freshly parsed JSON, and copying 10,000 of them is the cost we avoid. */
function fromClean(e: Raw): ClusterResource {
  if (e.template !== undefined) e.template = e.template === 1 || e.template === true;
  if (e.shared !== undefined) e.shared = e.shared === 1 || e.shared === true;
  // tolerance negative-cpu
  if (typeof e.cpu === 'number' && e.cpu < 0) e.cpu = clampCpu(e.cpu);
  const nt = e['network-type'];
  if (nt !== undefined) e.networkType = nt;
  // isCleanEntry checked every field ClusterResource names.
  return e as unknown as ClusterResource;
}

function fromChecked(e: Raw): ClusterResource | undefined {
  const parsed = SlowEntry.safeParse(e);
  if (!parsed.success) return undefined;
  const { 'network-type': networkType, ...rest } = parsed.data;
  if (rest.cpu !== undefined) rest.cpu = clampCpu(rest.cpu);
  return networkType === undefined ? rest : { ...rest, networkType };
}

/** A converted answer and how many of its entries could not be read (tolerance skip-odd-entry). */
export interface ResourcesAnswer {
  entries: ClusterResource[];
  skipped: number;
}

/**
 * Validates and converts the whole answer: the list itself must be a list, but one entry PVE sends in a shape we
 * cannot read is skipped (logged, counted) instead of blanking the whole inventory.
 */
export const ClusterResourcesAnswer = z
  .custom<unknown[]>((v) => Array.isArray(v), 'expected a list')
  .transform((rows): ResourcesAnswer => {
    const out: ClusterResource[] = [];
    const skips = createSkipLog();
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const isObject = typeof row === 'object' && row !== null && !Array.isArray(row);
      const entry = !isObject
        ? undefined
        : isCleanEntry(row as Raw)
          ? fromClean(row as Raw)
          : fromChecked(row as Raw);
      if (entry) out.push(entry);
      else skips.skip('/cluster/resources', i, isObject ? 'unreadable fields' : 'not an object');
    }
    return { entries: out, skipped: skips.count };
  });

export type ResourceType = 'vm' | 'node' | 'storage' | 'sdn';

export function getClusterStatus(c: PveCaller, signal?: AbortSignal): Promise<ClusterStatus> {
  return pveGet(c, '/cluster/status', ClusterStatus, undefined, signal);
}

/** The inventory with the count of skipped entries (the status bar shows it). */
export function getClusterResourcesAnswer(
  c: PveCaller,
  type?: ResourceType,
  signal?: AbortSignal,
): Promise<ResourcesAnswer> {
  return pveGet(c, '/cluster/resources', ClusterResourcesAnswer, type ? { type } : undefined, signal);
}

export async function getClusterResources(
  c: PveCaller,
  type?: ResourceType,
  signal?: AbortSignal,
): Promise<ClusterResource[]> {
  return (await getClusterResourcesAnswer(c, type, signal)).entries;
}

/** PVE types nextid as integer but Perl sends "100"; both are accepted. */
export function getNextId(c: PveCaller, vmid?: number): Promise<number> {
  return pveGet(c, '/cluster/nextid', pveInt, vmid !== undefined ? { vmid } : undefined);
}

/** The entries alone (benchmarks and tests parse recorded answers with it). */
export const ClusterResources = ClusterResourcesAnswer.transform((a) => a.entries);
