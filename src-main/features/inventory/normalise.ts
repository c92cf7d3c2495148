// Turns checked /cluster/resources entries into typed inventory records, keyed by PVE id.
// Offline nodes keep their guests: those guests turn 'unknown' instead of vanishing.
import type {
  GuestRecord,
  GuestStatus,
  InventoryRecord,
  NodeRecord,
  SdnRecord,
  StorageRecord,
} from '../../../src-shared/model/inventory.js';
import { GuestStatus as GuestStatusSchema, splitTags } from '../../../src-shared/model/inventory.js';
import type { ClusterResource as ResourceEntry } from '../../pve/api/cluster.js';
import { guestDisplayName } from '../../pve/tolerance.js';

export type RecordMap = Map<string, InventoryRecord>;

const NODE_STATUS = new Set(['online', 'offline', 'unknown']);
const GUEST_STATUS = new Set<string>(GuestStatusSchema.options);

const n = (v: number | undefined): number | null => (v === undefined ? null : v);
const NO_TAGS: string[] = [];
/** Tag strings repeat across thousands of guests: split each distinct one once per poll. */
const tagCache = new Map<string, string[]>();
function tagsOf(tags: string | undefined): string[] {
  if (!tags) return NO_TAGS;
  let out = tagCache.get(tags);
  if (!out) {
    if (tagCache.size > 5000) tagCache.clear();
    out = splitTags(tags);
    tagCache.set(tags, out);
  }
  return out;
}
const s = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

/** The fields every record opens with. */
const head = <K extends InventoryRecord['kind']>(clusterId: string, e: ResourceEntry, kind: K) => ({
  id: e.id,
  clusterId,
  kind,
});
/** The usage counters nodes and guests share. */
const usage = (e: ResourceEntry) => ({
  cpu: n(e.cpu),
  maxcpu: n(e.maxcpu),
  mem: n(e.mem),
  maxmem: n(e.maxmem),
  disk: n(e.disk),
  maxdisk: n(e.maxdisk),
  uptime: n(e.uptime),
});

const nodeName = (e: ResourceEntry): string => e.node ?? e.id.replace(/^node\//, '');

function nodeRecord(clusterId: string, e: ResourceEntry): NodeRecord {
  const status = e.status && NODE_STATUS.has(e.status) ? (e.status as NodeRecord['status']) : 'unknown';
  return {
    ...head(clusterId, e, 'node'),
    node: nodeName(e),
    status,
    ...usage(e),
    loadavg: null,
    pveversion: null,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Returns `prev` itself when nothing changed: at 10,000 guests per poll, not allocating the ~99 % unchanged
 * records is what keeps normalise + diff near the cost of JSON.parse (the diff skips identical records).
 */
function guestRecord(
  clusterId: string,
  e: ResourceEntry,
  type: 'qemu' | 'lxc',
  nodeDown: boolean,
  prev: InventoryRecord | undefined,
): GuestRecord {
  const vmid = e.vmid ?? Number(e.id.slice(e.id.indexOf('/') + 1));
  const status: GuestStatus = nodeDown
    ? 'unknown'
    : e.status && GUEST_STATUS.has(e.status)
      ? (e.status as GuestStatus)
      : 'unknown';
  const name = guestDisplayName(e.name, type, vmid);
  const node = e.node ?? '';
  const template = e.template === true;
  const lock = s(e.lock);
  const tags = tagsOf(e.tags);
  const pool = s(e.pool);
  const hastate = s(e.hastate);
  if (
    prev?.kind === 'guest' &&
    prev.clusterId === clusterId &&
    prev.type === type &&
    prev.vmid === vmid &&
    prev.name === name &&
    prev.node === node &&
    prev.status === status &&
    prev.template === template &&
    prev.lock === lock &&
    sameList(prev.tags, tags) &&
    prev.pool === pool &&
    prev.hastate === hastate &&
    prev.cpu === n(e.cpu) &&
    prev.maxcpu === n(e.maxcpu) &&
    prev.mem === n(e.mem) &&
    prev.maxmem === n(e.maxmem) &&
    prev.disk === n(e.disk) &&
    prev.maxdisk === n(e.maxdisk) &&
    prev.uptime === n(e.uptime) &&
    prev.netin === n(e.netin) &&
    prev.netout === n(e.netout) &&
    prev.diskread === n(e.diskread) &&
    prev.diskwrite === n(e.diskwrite)
  )
    return prev;
  return {
    ...head(clusterId, e, 'guest'),
    type,
    vmid,
    name,
    node,
    status,
    template,
    lock,
    tags,
    pool,
    hastate,
    ...usage(e),
    netin: n(e.netin),
    netout: n(e.netout),
    diskread: n(e.diskread),
    diskwrite: n(e.diskwrite),
  };
}

function storageRecord(clusterId: string, e: ResourceEntry): StorageRecord {
  return {
    ...head(clusterId, e, 'storage'),
    storage: e.storage ?? e.id.split('/').pop() ?? e.id,
    node: e.node ?? '',
    status: e.status ?? 'unknown',
    plugintype: s(e.plugintype),
    shared: e.shared === true,
    content: s(e.content),
    disk: n(e.disk),
    maxdisk: n(e.maxdisk),
  };
}

function sdnRecord(clusterId: string, e: ResourceEntry): SdnRecord {
  return {
    ...head(clusterId, e, 'sdn'),
    name: e.network ?? e.sdn ?? e.id.split('/').pop() ?? e.id,
    node: s(e.node),
    status: s(e.status),
    sdnType: s(e.networkType) ?? (e.type === 'sdn' ? 'zone' : null),
  };
}

function toRecord(
  clusterId: string,
  e: ResourceEntry,
  offline: ReadonlySet<string>,
  previous: RecordMap | undefined,
): InventoryRecord | undefined {
  switch (e.type) {
    case 'node':
      return nodeRecord(clusterId, e);
    case 'qemu':
    case 'lxc':
      return guestRecord(clusterId, e, e.type, offline.has(e.node ?? ''), previous?.get(e.id));
    case 'storage':
      return storageRecord(clusterId, e);
    case 'pool':
      return { id: e.id, clusterId, kind: 'pool', pool: e.pool ?? e.id.replace(/^\/?pool\//, '') };
    case 'sdn':
    case 'network':
      return sdnRecord(clusterId, e);
    default:
      // New PVE resource types (e.g. future kinds) are skipped rather than failing the whole poll.
      return undefined;
  }
}

function nodeIsDown(records: RecordMap, node: string): boolean {
  const rec = records.get(`node/${node}`);
  return !rec || (rec.kind === 'node' && rec.status !== 'online');
}

function lostNode(previous: RecordMap, now: RecordMap): boolean {
  for (const [id, rec] of previous) if (rec.kind === 'node' && !now.has(id)) return true;
  return false;
}

/**
 * Builds the record map for one poll. `previous` is the last snapshot: unchanged guests keep their old record
 * object, and guests that PVE stops listing while their node is down are carried over as 'unknown' so the UI
 * never silently loses them.
 */
export function normaliseResources(
  clusterId: string,
  entries: readonly ResourceEntry[],
  previous?: RecordMap,
): RecordMap {
  const offline = new Set<string>();
  for (const e of entries) if (e.type === 'node' && e.status !== 'online') offline.add(nodeName(e));
  const out: RecordMap = new Map();
  for (const e of entries) {
    const rec = toRecord(clusterId, e, offline, previous);
    if (rec) out.set(rec.id, rec);
  }
  if (previous && (offline.size > 0 || lostNode(previous, out))) {
    for (const [id, rec] of previous) {
      if (rec.kind !== 'guest' || out.has(id) || !nodeIsDown(out, rec.node)) continue;
      out.set(id, rec.status === 'unknown' ? rec : { ...rec, status: 'unknown' });
    }
  }
  return out;
}

/** Copies the slower node details (load, version) from /nodes/{node}/status into the node records. */
export function mergeNodeDetails(
  records: RecordMap,
  details: ReadonlyMap<string, { loadavg: number[] | null; pveversion: string | null }>,
): void {
  for (const [node, d] of details) {
    const rec = records.get(`node/${node}`);
    if (rec?.kind !== 'node') continue;
    records.set(rec.id, {
      ...rec,
      loadavg: rec.status === 'online' ? d.loadavg : null,
      pveversion: d.pveversion,
    });
  }
}
