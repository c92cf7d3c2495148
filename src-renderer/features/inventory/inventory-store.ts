// The inventory store: records of every subscribed cluster, fed by snapshots and deltas from main.
// Records are replaced only when they change, so a per-row selector re-renders only the rows a delta touched;
// the grid's row order is rebuilt only when membership changes or a delta touches a field it sorts/filters on.
import { create } from 'zustand';
import type {
  GuestRecord,
  InventoryDelta,
  InventoryRecord,
  InventorySnapshot,
  NodeRecord,
  StaleInfo,
} from '../../../src-shared/model/inventory.js';

export const recordKey = (clusterId: string, id: string): string => `${clusterId}|${id}`;

export interface ClusterInfo {
  version: number;
  stale: StaleInfo | null;
}

export interface GuestCounts {
  running: number;
  total: number;
}

const HISTORY = 40;

export interface InventoryState {
  records: Map<string, InventoryRecord>;
  clusters: Record<string, ClusterInfo>;
  /** keys of every guest, in arrival order; a new array only when guests come or go */
  guestKeys: string[];
  nodeKeys: string[];
  /** bumped when a delta touched a field in `watchedFields` (the grid's sort/filter/group columns) */
  orderRev: number;
  watchedFields: ReadonlySet<string>;
  /** per node key: CPU samples seen while polling, for the sparkline */
  cpuHistory: Record<string, number[]>;
  guestCounts: Record<string, GuestCounts>;
  applySnapshot(s: InventorySnapshot): void;
  /** 'gap' when a delta was missed: the caller must re-subscribe for a fresh snapshot */
  applyDelta(d: InventoryDelta): 'ok' | 'gap';
  markStale(s: StaleInfo): void;
  dropCluster(clusterId: string): void;
  setWatchedFields(fields: Iterable<string>): void;
}

type Fields = Record<string, unknown>;
const COUNT_FIELDS = new Set(['status', 'node']);

function keysOf(records: Map<string, InventoryRecord>, kind: InventoryRecord['kind']): string[] {
  const out: string[] = [];
  for (const [k, r] of records) if (r.kind === kind) out.push(k);
  return out;
}

/** Unchanged counts keep their old object, so node cards whose numbers did not move do not re-render. */
function countGuests(records: Map<string, InventoryRecord>, old: Record<string, GuestCounts> = {}): Record<string, GuestCounts> {
  const out: Record<string, GuestCounts> = {};
  for (const r of records.values()) {
    if (r.kind !== 'guest') continue;
    const k = recordKey(r.clusterId, `node/${r.node}`);
    const c = (out[k] ??= { running: 0, total: 0 });
    c.total++;
    if (r.status === 'running') c.running++;
  }
  for (const k in out) {
    const prev = old[k];
    if (prev && prev.running === out[k]!.running && prev.total === out[k]!.total) out[k] = prev;
  }
  return out;
}

function pushHistory(history: Record<string, number[]>, key: string, cpu: number | null): Record<string, number[]> {
  if (cpu === null) return history;
  const prev = history[key] ?? [];
  return { ...history, [key]: [...prev.slice(-(HISTORY - 1)), cpu] };
}

export const useInventoryStore = create<InventoryState>()((set, get) => ({
  records: new Map(),
  clusters: {},
  guestKeys: [],
  nodeKeys: [],
  orderRev: 0,
  watchedFields: new Set(),
  cpuHistory: {},
  guestCounts: {},

  applySnapshot(s) {
    const records = new Map(get().records);
    for (const [k, r] of records) if (r.clusterId === s.clusterId) records.delete(k);
    let history = get().cpuHistory;
    for (const r of s.records) {
      const key = recordKey(s.clusterId, r.id);
      records.set(key, r);
      if (r.kind === 'node') history = pushHistory(history, key, r.cpu);
    }
    set((st) => ({
      records,
      clusters: { ...st.clusters, [s.clusterId]: { version: s.version, stale: s.stale } },
      guestKeys: keysOf(records, 'guest'),
      nodeKeys: keysOf(records, 'node'),
      orderRev: st.orderRev + 1,
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
    const membership = d.added.length > 0 || d.removed.length > 0;
    let reorder = membership;
    let recount = membership;
    let history = st.cpuHistory;
    for (const id of d.removed) records.delete(recordKey(d.clusterId, id));
    for (const r of d.added) {
      const key = recordKey(d.clusterId, r.id);
      records.set(key, r);
      if (r.kind === 'node') history = pushHistory(history, key, r.cpu);
    }
    for (const c of d.changed) {
      const key = recordKey(d.clusterId, c.id);
      const old = records.get(key);
      if (!old) continue;
      const next = { ...old, ...(c.fields as Fields) } as InventoryRecord;
      records.set(key, next);
      if (next.kind === 'node' && 'cpu' in c.fields) history = pushHistory(history, key, (next as NodeRecord).cpu);
      if (next.kind !== 'guest') continue;
      for (const f in c.fields) {
        if (st.watchedFields.has(f)) reorder = true;
        if (COUNT_FIELDS.has(f)) recount = true;
      }
    }
    set({
      records,
      clusters: { ...st.clusters, [d.clusterId]: { version: d.version, stale: null } },
      ...(membership ? { guestKeys: keysOf(records, 'guest'), nodeKeys: keysOf(records, 'node') } : {}),
      ...(reorder ? { orderRev: st.orderRev + 1 } : {}),
      ...(recount ? { guestCounts: countGuests(records, st.guestCounts) } : {}),
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
    set((st) => {
      const clusters = { ...st.clusters };
      delete clusters[clusterId];
      return {
        records,
        clusters,
        guestKeys: keysOf(records, 'guest'),
        nodeKeys: keysOf(records, 'node'),
        orderRev: st.orderRev + 1,
        guestCounts: countGuests(records),
      };
    });
  },

  setWatchedFields(fields) {
    set({ watchedFields: new Set(fields) });
  },
}));

/** Per-row selector: the component re-renders only when this record's identity changes. */
export function useRecord<T extends InventoryRecord = InventoryRecord>(key: string): T | undefined {
  return useInventoryStore((s) => s.records.get(key)) as T | undefined;
}

export function getGuest(key: string): GuestRecord | undefined {
  const r = useInventoryStore.getState().records.get(key);
  return r?.kind === 'guest' ? r : undefined;
}
