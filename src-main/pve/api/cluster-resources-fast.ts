// GET /cluster/resources for the inventory poller: the same conversion as cluster.ts's ClusterResource,
// but a hand-written type check runs first and zod only sees entries that fail it. At 10,000 guests the
// full zod pass costs ~5x the JSON.parse of the answer; the poller's budget is 1x (see docs/benchmarks.md).
import { z } from 'zod';
import { ClusterResource } from './cluster.js';
import { pveGet, type PveCaller } from './caller.js';

/** One /cluster/resources entry, converted (0/1 → boolean, numeric strings → numbers). */
export interface ResourceEntry {
  id: string;
  type: string;
  node?: string;
  status?: string;
  name?: string;
  vmid?: number;
  template?: boolean;
  lock?: string;
  tags?: string;
  pool?: string;
  hastate?: string;
  uptime?: number;
  cpu?: number;
  maxcpu?: number;
  mem?: number;
  maxmem?: number;
  disk?: number;
  maxdisk?: number;
  netin?: number;
  netout?: number;
  diskread?: number;
  diskwrite?: number;
  storage?: string;
  plugintype?: string;
  shared?: boolean;
  content?: string;
  /** SDN (PVE 8: type "sdn", field "sdn"; PVE 9: type "network", fields "network" and "network-type") */
  sdn?: string;
  network?: string;
  networkType?: string;
}

const NUMBER_FIELDS = ['vmid', 'uptime', 'cpu', 'maxcpu', 'mem', 'maxmem', 'disk', 'maxdisk', 'netin', 'netout', 'diskread', 'diskwrite'] as const;
const STRING_FIELDS = ['node', 'status', 'name', 'lock', 'tags', 'pool', 'hastate', 'storage', 'plugintype', 'content', 'sdn', 'network', 'network-type'] as const;
const BOOL_FIELDS = ['template', 'shared'] as const;

type Raw = Record<string, unknown>;

function isCleanEntry(e: Raw): boolean {
  if (typeof e.id !== 'string' || typeof e.type !== 'string') return false;
  for (const k of NUMBER_FIELDS) {
    const v = e[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) return false;
  }
  for (const k of STRING_FIELDS) {
    const v = e[k];
    if (v !== undefined && typeof v !== 'string') return false;
  }
  for (const k of BOOL_FIELDS) {
    const v = e[k];
    if (v !== undefined && v !== 0 && v !== 1 && typeof v !== 'boolean') return false;
  }
  return Number.isInteger(e.vmid ?? 0);
}

const optString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function fromClean(e: Raw): ResourceEntry {
  // isCleanEntry checked every field this cast names.
  const out = { ...(e as unknown as ResourceEntry) };
  if (e.template !== undefined) out.template = e.template === 1 || e.template === true;
  if (e.shared !== undefined) out.shared = e.shared === 1 || e.shared === true;
  const nt = optString(e['network-type']);
  if (nt !== undefined) out.networkType = nt;
  return out;
}

function fromChecked(e: Raw): ResourceEntry | undefined {
  const parsed = ClusterResource.safeParse(e);
  if (!parsed.success) return undefined;
  const out: ResourceEntry = { ...parsed.data };
  for (const [from, to] of [['sdn', 'sdn'], ['network', 'network'], ['network-type', 'networkType']] as const) {
    const v = optString(e[from]);
    if (v !== undefined) out[to] = v;
  }
  return out;
}

/** Validates and converts the whole answer; the first bad entry fails it with its index. */
export const ResourceEntries = z.custom<unknown[]>((v) => Array.isArray(v), 'expected a list').transform((rows, ctx) => {
  const out: ResourceEntry[] = new Array<ResourceEntry>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const isObject = typeof row === 'object' && row !== null && !Array.isArray(row);
    const entry = !isObject ? undefined : isCleanEntry(row as Raw) ? fromClean(row as Raw) : fromChecked(row as Raw);
    if (!entry) {
      ctx.addIssue({ code: 'custom', message: 'not a /cluster/resources entry', path: [i] });
      return z.NEVER;
    }
    out[i] = entry;
  }
  return out;
});

export function getClusterResourcesFast(c: PveCaller, signal?: AbortSignal): Promise<ResourceEntry[]> {
  return pveGet(c, '/cluster/resources', ResourceEntries, undefined, signal);
}
