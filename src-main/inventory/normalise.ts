// Turns checked /cluster/resources entries into typed inventory records, keyed by PVE id.
// Offline nodes keep their guests: those guests turn 'unknown' instead of vanishing.
import type {
  GuestRecord,
  GuestStatus,
  InventoryRecord,
  NodeRecord,
  SdnRecord,
  StorageRecord,
} from '../../src-shared/model/inventory.js';
import { GuestStatus as GuestStatusSchema, splitTags } from '../../src-shared/model/inventory.js';
import type { ResourceEntry } from '../pve/api/cluster-resources-fast.js';

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

function nodeRecord(clusterId: string, e: ResourceEntry): NodeRecord {
  const status = e.status && NODE_STATUS.has(e.status) ? (e.status as NodeRecord['status']) : 'unknown';
  return {
    id: e.id,
    clusterId,
    kind: 'node',
    node: e.node ?? e.id.replace(/^node\//, ''),
    status,
    cpu: n(e.cpu),
    maxcpu: n(e.maxcpu),
    mem: n(e.mem),
    maxmem: n(e.maxmem),
    disk: n(e.disk),
    maxdisk: n(e.maxdisk),
    uptime: n(e.uptime),
    loadavg: null,
    pveversion: null,
  };
}

function guestRecord(clusterId: string, e: ResourceEntry, type: 'qemu' | 'lxc'): GuestRecord {
  const vmid = e.vmid ?? Number(e.id.slice(e.id.indexOf('/') + 1));
  const status: GuestStatus = e.status && GUEST_STATUS.has(e.status) ? (e.status as GuestStatus) : 'unknown';
  return {
    id: e.id,
    clusterId,
    kind: 'guest',
    type,
    vmid,
    name: e.name ?? `${type === 'qemu' ? 'VM' : 'CT'} ${vmid}`,
    node: e.node ?? '',
    status,
    template: e.template === true,
    lock: s(e.lock),
    tags: tagsOf(e.tags),
    pool: s(e.pool),
    hastate: s(e.hastate),
    cpu: n(e.cpu),
    maxcpu: n(e.maxcpu),
    mem: n(e.mem),
    maxmem: n(e.maxmem),
    disk: n(e.disk),
    maxdisk: n(e.maxdisk),
    uptime: n(e.uptime),
    netin: n(e.netin),
    netout: n(e.netout),
    diskread: n(e.diskread),
    diskwrite: n(e.diskwrite),
  };
}

function storageRecord(clusterId: string, e: ResourceEntry): StorageRecord {
  return {
    id: e.id,
    clusterId,
    kind: 'storage',
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
    id: e.id,
    clusterId,
    kind: 'sdn',
    name: e.network ?? e.sdn ?? e.id.split('/').pop() ?? e.id,
    node: s(e.node),
    status: s(e.status),
    sdnType: s(e.networkType) ?? (e.type === 'sdn' ? 'zone' : null),
  };
}

function toRecord(clusterId: string, e: ResourceEntry): InventoryRecord | undefined {
  switch (e.type) {
    case 'node':
      return nodeRecord(clusterId, e);
    case 'qemu':
    case 'lxc':
      return guestRecord(clusterId, e, e.type);
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
 * Builds the record map for one poll. `previous` is the last snapshot: guests that PVE stops listing
 * while their node is down are carried over as 'unknown' so the UI never silently loses them.
 */
export function normaliseResources(clusterId: string, entries: readonly ResourceEntry[], previous?: RecordMap): RecordMap {
  const out: RecordMap = new Map();
  for (const e of entries) {
    const rec = toRecord(clusterId, e);
    if (rec) out.set(rec.id, rec);
  }
  const offline = new Set<string>();
  for (const rec of out.values()) if (rec.kind === 'node' && rec.status !== 'online') offline.add(rec.node);
  if (offline.size > 0) {
    for (const [id, rec] of out) {
      if (rec.kind === 'guest' && offline.has(rec.node) && rec.status !== 'unknown') out.set(id, { ...rec, status: 'unknown' });
    }
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
    records.set(rec.id, { ...rec, loadavg: rec.status === 'online' ? d.loadavg : null, pveversion: d.pveversion });
  }
}
