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

// Records are built as one object literal per kind, never by spreading shared pieces: spread-built objects get
// a different hidden class per call site, and reading 10,000 of them back every poll (the unchanged-record check)
// then costs several times the JSON.parse of the answer (docs/benchmarks.md).

const nodeName = (e: ResourceEntry): string => e.node ?? e.id.replace(/^node\//, '');

function nodeRecord(clusterId: string, e: ResourceEntry): NodeRecord {
  const status = e.status && NODE_STATUS.has(e.status) ? (e.status as NodeRecord['status']) : 'unknown';
  return {
    id: e.id,
    clusterId,
    kind: 'node',
    node: nodeName(e),
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const sameNum = (a: number | null, v: number | undefined): boolean => a === (v === undefined ? null : v);
const sameStr = (a: string | null, v: string | undefined): boolean =>
  a === (v === undefined || v === '' ? null : v);

/**
 * Whether `prev` already says everything `e` says, read straight off the raw entry (nothing is built first).
 * Only a valid status can equal prev's, so a bogus one falls through to guestRecord, which maps it to 'unknown'.
 */
function sameGuest(
  prev: GuestRecord,
  clusterId: string,
  e: ResourceEntry,
  type: 'qemu' | 'lxc',
  nodeDown: boolean,
): boolean {
  return (
    prev.vmid === e.vmid &&
    prev.type === type &&
    prev.clusterId === clusterId &&
    e.name !== undefined &&
    prev.name === e.name &&
    e.node !== undefined &&
    prev.node === e.node &&
    prev.status === (nodeDown ? 'unknown' : e.status) &&
    prev.template === (e.template === true) &&
    sameStr(prev.lock, e.lock) &&
    sameStr(prev.pool, e.pool) &&
    sameStr(prev.hastate, e.hastate) &&
    sameNum(prev.cpu, e.cpu) &&
    sameNum(prev.mem, e.mem) &&
    sameNum(prev.uptime, e.uptime) &&
    sameNum(prev.netin, e.netin) &&
    sameNum(prev.netout, e.netout) &&
    sameNum(prev.diskread, e.diskread) &&
    sameNum(prev.diskwrite, e.diskwrite) &&
    sameNum(prev.disk, e.disk) &&
    sameNum(prev.maxcpu, e.maxcpu) &&
    sameNum(prev.maxmem, e.maxmem) &&
    sameNum(prev.maxdisk, e.maxdisk) &&
    sameList(prev.tags, tagsOf(e.tags))
  );
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
  if (prev?.kind === 'guest' && sameGuest(prev, clusterId, e, type, nodeDown)) return prev;
  const vmid = e.vmid ?? Number(e.id.slice(e.id.indexOf('/') + 1));
  const status: GuestStatus = nodeDown
    ? 'unknown'
    : e.status && GUEST_STATUS.has(e.status)
      ? (e.status as GuestStatus)
      : 'unknown';
  return {
    id: e.id,
    clusterId,
    kind: 'guest',
    type,
    vmid,
    name: guestDisplayName(e.name, type, vmid),
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

function toRecord(
  clusterId: string,
  e: ResourceEntry,
  offline: ReadonlySet<string>,
  previous: InventoryRecord | undefined,
): InventoryRecord | undefined {
  switch (e.type) {
    case 'node':
      return nodeRecord(clusterId, e);
    case 'qemu':
    case 'lxc':
      return guestRecord(clusterId, e, e.type, offline.has(e.node ?? ''), previous);
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

/** The nodes an answer lists as online (whose load and version are worth reading). */
export function onlineNodes(entries: readonly ResourceEntry[]): string[] {
  const out: string[] = [];
  for (const e of entries) if (e.type === 'node' && e.status === 'online') out.push(nodeName(e));
  return out;
}

/**
 * Marks each record with the number of the poll that last listed its id: the walk for ids PVE stopped listing runs
 * only when the count of ids seen differs from the map's size, and then needs no set of seen ids. A symbol key is
 * invisible to JSON and to structured clone, so it never reaches the renderer.
 */
const SEEN = Symbol('proxdeck.seenInPoll');
type Stamped = InventoryRecord & { [SEEN]?: number };
let pollNumber = 0;

/** Non-enumerable, so equality checks and spreads ignore it; later polls only overwrite the number. */
function stamp(rec: Stamped, poll: number): void {
  if (rec[SEEN] === undefined)
    Object.defineProperty(rec, SEEN, { value: poll, writable: true, enumerable: false, configurable: true });
  else rec[SEEN] = poll;
}

/** id → the record before this poll (undefined when the id is new), for every id that changed, appeared or went. */
export type RecordsBefore = Map<string, InventoryRecord | undefined>;

function nodeIsDown(records: RecordMap, node: string, poll: number): boolean {
  const rec = records.get(`node/${node}`) as Stamped | undefined;
  return !rec || rec[SEEN] !== poll || (rec.kind === 'node' && rec.status !== 'online');
}

/**
 * Applies one poll's entries to `records` in place and answers what it replaced. Unchanged guests keep their
 * record object and cost no map write (rebuilding a 10,000-entry map every poll cost more than the whole diff);
 * guests that PVE stops listing while their node is down are kept as 'unknown' so the UI never silently loses them.
 */
export function applyResources(
  clusterId: string,
  entries: readonly ResourceEntry[],
  records: RecordMap,
): RecordsBefore {
  const poll = ++pollNumber;
  const offline = new Set<string>();
  for (const e of entries) if (e.type === 'node' && e.status !== 'online') offline.add(nodeName(e));
  const before: RecordsBefore = new Map();
  let seen = 0;
  for (const e of entries) {
    const old = records.get(e.id) as Stamped | undefined;
    const rec = toRecord(clusterId, e, offline, old) as Stamped | undefined;
    if (!rec) continue;
    // an id listed twice: the second entry wins, as PVE's list order says, and the id is counted once
    if (old === undefined || old[SEEN] !== poll) seen++;
    if (rec !== old) {
      if (!before.has(e.id)) before.set(e.id, old);
      records.set(e.id, rec);
    }
    stamp(rec, poll);
  }
  if (seen !== records.size) {
    // some id went away: its guests stay (as 'unknown') only while a node is down or gone from the list
    let nodeGone = offline.size > 0;
    if (!nodeGone)
      records.forEach((rec: Stamped) => {
        if (rec.kind === 'node' && rec[SEEN] !== poll) nodeGone = true;
      });
    records.forEach((rec: Stamped, id) => {
      if (rec[SEEN] === poll) return;
      const keep = nodeGone && rec.kind === 'guest' && nodeIsDown(records, rec.node, poll);
      if (keep && rec.status === 'unknown') return;
      if (!before.has(id)) before.set(id, rec);
      if (!keep) {
        records.delete(id);
        return;
      }
      const unknown: Stamped = { ...rec, status: 'unknown' };
      stamp(unknown, poll);
      records.set(id, unknown);
    });
  }
  return before;
}

/**
 * The record map of one poll as a new map (`previous` is left as it was); `touched` gets every id whose record is
 * not `previous`'s own object. The poller uses applyResources on its own map instead.
 */
export function normaliseResources(
  clusterId: string,
  entries: readonly ResourceEntry[],
  previous?: RecordMap,
  touched?: string[],
): RecordMap {
  const out: RecordMap = new Map(previous);
  const before = applyResources(clusterId, entries, out);
  if (touched) before.forEach((_old, id) => touched.push(id));
  return out;
}

/**
 * Copies the slower node details (load, version) from /nodes/{node}/status into the node records, in place:
 * every poll builds its node records afresh, so no earlier snapshot shares them.
 */
export function mergeNodeDetails(
  records: RecordMap,
  details: ReadonlyMap<string, { loadavg: number[] | null; pveversion: string | null }>,
): void {
  for (const [node, d] of details) {
    const rec = records.get(`node/${node}`);
    if (rec?.kind !== 'node') continue;
    rec.loadavg = rec.status === 'online' ? d.loadavg : null;
    rec.pveversion = d.pveversion;
  }
}
