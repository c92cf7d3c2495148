// The inventory store: records of every subscribed cluster, fed by snapshots and deltas from main.
// Records are replaced only when they change, so a per-row selector re-renders only the rows a delta touched;
// the grid's row index (grid-index.ts) is built on snapshots and view changes and only patched by deltas.
import { create } from 'zustand';
import type {
  ClusterIdentity,
  GuestRecord,
  InventoryDelta,
  InventoryRecord,
  InventorySnapshot,
  NodeRecord,
  StaleInfo,
} from '../../../src-shared/model/inventory.js';
import {
  buildOrder,
  groupItems,
  updateOrder,
  watchedFields,
  type GridItem,
  type GridQuery,
} from './grid-index.js';
import { DEFAULT_PREFS } from './grid-prefs.js';
import { shadowedClusters, withClusterLabel } from './cluster-shadow.js';

export const recordKey = (clusterId: string, id: string): string => `${clusterId}|${id}`;

export interface ClusterInfo {
  version: number;
  stale: StaleInfo | null;
  /** entries of the last poll PVE sent in a shape we could not read */
  skipped?: number;
}

export interface GuestCounts {
  running: number;
  total: number;
}

const HISTORY = 40;

export interface InventoryState {
  records: Map<string, InventoryRecord>;
  clusters: Record<string, ClusterInfo>;
  /** per cluster id (profile): which cluster it reaches */
  identities: Record<string, ClusterIdentity | undefined>;
  /** cluster ids another profile of the same cluster shows: their records stay out of keys and the grid */
  shadowed: ReadonlySet<string>;
  /** keys of every guest, in arrival order; a new array only when guests come or go */
  guestKeys: string[];
  nodeKeys: string[];
  /** the grid's view: which rows show, sorted and grouped how */
  gridQuery: GridQuery;
  /** fields `gridQuery` reads; a delta touching none of them leaves the order alone */
  watchedFields: ReadonlySet<string>;
  /** filtered + sorted guest keys; a new array only when rows come, go or move */
  gridOrder: readonly string[];
  /** gridOrder with group headers (the same array when not grouped) */
  gridItems: readonly GridItem[];
  /** per node key: CPU samples seen while polling, for the sparkline */
  cpuHistory: Record<string, number[]>;
  guestCounts: Record<string, GuestCounts>;
  applySnapshot(s: InventorySnapshot): void;
  /** 'gap' when a delta was missed: the caller must re-subscribe for a fresh snapshot */
  applyDelta(d: InventoryDelta): 'ok' | 'gap';
  markStale(s: StaleInfo): void;
  dropCluster(clusterId: string): void;
  setGridQuery(q: GridQuery): void;
}

type Fields = Record<string, unknown>;

function keysOf(
  records: Map<string, InventoryRecord>,
  kind: InventoryRecord['kind'],
  shadowed: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const [k, r] of records) if (r.kind === kind && !shadowed.has(r.clusterId)) out.push(k);
  return out;
}

const countKey = (g: GuestRecord): string => recordKey(g.clusterId, `node/${g.node}`);

/** Unchanged counts keep their old object, so node cards whose numbers did not move do not re-render. */
function countGuests(
  records: Map<string, InventoryRecord>,
  old: Record<string, GuestCounts> = {},
): Record<string, GuestCounts> {
  const out: Record<string, GuestCounts> = {};
  for (const r of records.values()) {
    if (r.kind !== 'guest') continue;
    const c = (out[countKey(r)] ??= { running: 0, total: 0 });
    c.total++;
    if (r.status === 'running') c.running++;
  }
  for (const k in out) {
    const prev = old[k];
    if (prev && prev.running === out[k]!.running && prev.total === out[k]!.total) out[k] = prev;
  }
  return out;
}

/** Moves one guest's contribution in or out (sign ±1), copying only the node entry it touches. */
function adjustCount(
  counts: Record<string, GuestCounts>,
  g: GuestRecord,
  sign: 1 | -1,
  fresh: Set<string>,
): void {
  const k = countKey(g);
  if (!fresh.has(k)) {
    counts[k] = { ...(counts[k] ?? { running: 0, total: 0 }) };
    fresh.add(k);
  }
  const c = counts[k]!;
  c.total += sign;
  if (g.status === 'running') c.running += sign;
}

function pushHistory(
  history: Record<string, number[]>,
  key: string,
  cpu: number | null,
): Record<string, number[]> {
  if (cpu === null) return history;
  const prev = history[key] ?? [];
  return { ...history, [key]: [...prev.slice(-(HISTORY - 1)), cpu] };
}

export const useInventoryStore = create<InventoryState>()((set, get) => ({
  records: new Map(),
  clusters: {},
  identities: {},
  shadowed: new Set(),
  guestKeys: [],
  nodeKeys: [],
  gridQuery: DEFAULT_PREFS,
  watchedFields: watchedFields(DEFAULT_PREFS),
  gridOrder: [],
  gridItems: [],
  cpuHistory: {},
  guestCounts: {},

  applySnapshot(s) {
    const records = new Map(get().records);
    for (const [k, r] of records) if (r.clusterId === s.clusterId) records.delete(k);
    let history = get().cpuHistory;
    for (const r of s.records) {
      const key = recordKey(s.clusterId, r.id);
      records.set(key, withClusterLabel(r, s.identity));
      if (r.kind === 'node') history = pushHistory(history, key, r.cpu);
    }
    const identities = { ...get().identities, [s.clusterId]: s.identity };
    const shadowed = shadowedClusters(identities);
    const guestKeys = keysOf(records, 'guest', shadowed);
    set((st) => ({
      records,
      identities,
      shadowed,
      clusters: {
        ...st.clusters,
        [s.clusterId]: { version: s.version, stale: s.stale, skipped: s.skipped ?? 0 },
      },
      guestKeys,
      nodeKeys: keysOf(records, 'node', shadowed),
      ...gridOf(guestKeys, records, st.gridQuery),
      cpuHistory: history,
      guestCounts: countGuests(records, st.guestCounts),
    }));
  },

  applyDelta(d) {
    const st = get();
    const info = st.clusters[d.clusterId];
    if (!info || d.version !== info.version + 1) return info && d.version <= info.version ? 'ok' : 'gap';
    // The map is updated in place: only the touched records get new identities, which is what rows compare.
    const records = st.records;
    // A shadowed cluster's records are kept current but never enter the grid.
    const hidden = st.shadowed.has(d.clusterId);
    const identity = st.identities[d.clusterId];
    const touched = new Set<string>();
    const removed = new Set<string>();
    let counts: Record<string, GuestCounts> | undefined;
    const fresh = new Set<string>();
    const count = (g: InventoryRecord | undefined, sign: 1 | -1) => {
      if (g?.kind === 'guest') adjustCount((counts ??= { ...st.guestCounts }), g, sign, fresh);
    };
    let history = st.cpuHistory;
    for (const id of d.removed) {
      const key = recordKey(d.clusterId, id);
      count(records.get(key), -1);
      records.delete(key);
      if (!hidden) removed.add(key);
    }
    for (const r of d.added) {
      const key = recordKey(d.clusterId, r.id);
      count(records.get(key), -1);
      records.set(key, withClusterLabel(r, identity));
      count(r, 1);
      if (r.kind === 'node') history = pushHistory(history, key, r.cpu);
      if (hidden) continue;
      if (r.kind === 'guest') touched.add(key);
      else removed.add(key);
    }
    for (const c of d.changed) {
      const key = recordKey(d.clusterId, c.id);
      const old = records.get(key);
      if (!old) continue;
      const next = { ...old, ...(c.fields as Fields) } as InventoryRecord;
      records.set(key, next);
      if (next.kind === 'node' && 'cpu' in c.fields)
        history = pushHistory(history, key, (next as NodeRecord).cpu);
      if (next.kind !== 'guest' || hidden) continue;
      if ('status' in c.fields || 'node' in c.fields) {
        count(old, -1);
        count(next, 1);
      }
      for (const f in c.fields) if (st.watchedFields.has(f)) touched.add(key);
    }
    const membership = d.added.length > 0 || d.removed.length > 0;
    const guestKeys = membership ? keysOf(records, 'guest', st.shadowed) : st.guestKeys;
    set({
      records,
      clusters: {
        ...st.clusters,
        [d.clusterId]: {
          version: d.version,
          stale: null,
          skipped: d.skipped ?? st.clusters[d.clusterId]?.skipped ?? 0,
        },
      },
      ...(membership ? { guestKeys, nodeKeys: keysOf(records, 'node', st.shadowed) } : {}),
      ...(touched.size > 0 || removed.size > 0 ? patchGrid(st, touched, removed) : {}),
      ...(counts ? { guestCounts: counts } : {}),
      cpuHistory: history,
    });
    return 'ok';
  },

  markStale(s) {
    const info = get().clusters[s.clusterId];
    if (!info) return;
    set((st) => ({ clusters: { ...st.clusters, [s.clusterId]: { ...info, stale: s } } }));
  },

  dropCluster(clusterId) {
    const records = new Map(get().records);
    for (const [k, r] of records) if (r.clusterId === clusterId) records.delete(k);
    const identities = { ...get().identities };
    delete identities[clusterId];
    const shadowed = shadowedClusters(identities);
    const guestKeys = keysOf(records, 'guest', shadowed);
    set((st) => {
      const clusters = { ...st.clusters };
      delete clusters[clusterId];
      return {
        records,
        clusters,
        identities,
        shadowed,
        guestKeys,
        nodeKeys: keysOf(records, 'node', shadowed),
        ...gridOf(guestKeys, records, st.gridQuery),
        guestCounts: countGuests(records),
      };
    });
  },

  setGridQuery(q) {
    const st = get();
    set({ gridQuery: q, watchedFields: watchedFields(q), ...gridOf(st.guestKeys, st.records, q) });
  },
}));

function guestIn(records: ReadonlyMap<string, InventoryRecord>): (key: string) => GuestRecord | undefined {
  return (key) => {
    const r = records.get(key);
    return r?.kind === 'guest' ? r : undefined;
  };
}

function gridOf(
  keys: readonly string[],
  records: ReadonlyMap<string, InventoryRecord>,
  q: GridQuery,
): Pick<InventoryState, 'gridOrder' | 'gridItems'> {
  const get = guestIn(records);
  const gridOrder = buildOrder(keys, get, q);
  return { gridOrder, gridItems: groupItems(gridOrder, get, q.groupBy) };
}

function patchGrid(
  st: InventoryState,
  touched: ReadonlySet<string>,
  removed: ReadonlySet<string>,
): Pick<InventoryState, 'gridOrder' | 'gridItems'> {
  const get = guestIn(st.records);
  const gridOrder = updateOrder(st.gridOrder, touched, removed, get, st.gridQuery);
  return { gridOrder, gridItems: groupItems(gridOrder, get, st.gridQuery.groupBy) };
}

/** Per-row selector: the component re-renders only when this record's identity changes. */
export function useRecord<T extends InventoryRecord = InventoryRecord>(key: string): T | undefined {
  return useInventoryStore((s) => s.records.get(key)) as T | undefined;
}
