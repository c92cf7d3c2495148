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

type FieldKind = 'n' | 's' | 'b';
const FIELD_KIND: Record<string, FieldKind> = Object.assign(Object.create(null) as Record<string, FieldKind>, {
  vmid: 'n', uptime: 'n', cpu: 'n', maxcpu: 'n', mem: 'n', maxmem: 'n', disk: 'n', maxdisk: 'n',
  netin: 'n', netout: 'n', diskread: 'n', diskwrite: 'n',
  id: 's', type: 's', node: 's', status: 's', name: 's', lock: 's', tags: 's', pool: 's', hastate: 's',
  storage: 's', plugintype: 's', content: 's', sdn: 's', network: 's', 'network-type': 's',
  template: 'b', shared: 'b',
});

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

const optString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Converts in place: the object is this answer's own freshly parsed JSON, and copying 10,000 of them is the cost we avoid. */
function fromClean(e: Raw): ResourceEntry {
  if (e.template !== undefined) e.template = e.template === 1 || e.template === true;
  if (e.shared !== undefined) e.shared = e.shared === 1 || e.shared === true;
  const nt = e['network-type'];
  if (nt !== undefined) e.networkType = nt;
  // isCleanEntry checked every field ResourceEntry names.
  return e as unknown as ResourceEntry;
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
