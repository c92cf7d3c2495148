// Unit tests for the grid's row index: filters, multi-column sort, grouping, and that patching it on deltas
// (in the real store) always equals rebuilding it, for 10,000 rows.
import { beforeEach, describe, expect, it } from 'vitest';
import type { GuestRecord, InventoryDelta, RecordChange } from '../../../src-shared/model/inventory.js';
import {
  buildOrder,
  groupItems,
  updateOrder,
  watchedFields,
  type GridQuery,
} from '../../../src-renderer/features/inventory/grid-index.js';
import { recordKey, useInventoryStore } from '../../../src-renderer/features/inventory/inventory-store.js';

const NODES = ['pve1', 'pve2', 'pve3', 'pve4'];
const STATUSES = ['running', 'stopped', 'paused'] as const;

function guest(vmid: number, over: Partial<GuestRecord> = {}): GuestRecord {
  return {
    id: `qemu/${vmid}`,
    clusterId: 'c1',
    kind: 'guest',
    type: vmid % 5 === 0 ? 'lxc' : 'qemu',
    vmid,
    name: `vm-${(vmid * 7919) % 1000}`,
    node: NODES[vmid % NODES.length]!,
    status: STATUSES[vmid % 3]!,
    template: false,
    lock: null,
    tags: vmid % 4 === 0 ? ['db', 'prod'] : [],
    pool: vmid % 6 === 0 ? 'dev' : null,
    hastate: null,
    cpu: (vmid % 10) / 10,
    maxcpu: 2,
    mem: vmid * 1000,
    maxmem: 4e9,
    disk: 0,
    maxdisk: 8e9,
    uptime: vmid,
    netin: 0,
    netout: 0,
    diskread: 0,
    diskwrite: 0,
    ...over,
  };
}

const query = (over: Partial<GridQuery> = {}): GridQuery => ({
  sorting: [{ id: 'vmid', desc: false }],
  globalFilter: '',
  columnFilters: {},
  groupBy: 'none',
  ...over,
});

function lookup(list: GuestRecord[]): (key: string) => GuestRecord | undefined {
  const m = new Map(list.map((g) => [g.id, g]));
  return (k) => m.get(k);
}

describe('grid index', () => {
  const list = Array.from({ length: 50 }, (_, i) => guest(100 + i));
  const keys = list.map((g) => g.id);
  const get = lookup(list);

  it('sorts on several columns with the record key breaking ties, both directions', () => {
    const order = buildOrder(
      keys,
      get,
      query({
        sorting: [
          { id: 'node', desc: false },
          { id: 'vmid', desc: true },
        ],
      }),
    );
    expect(order).toHaveLength(50);
    const rows = order.map((k) => get(k)!);
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      expect(a.node < b.node || (a.node === b.node && a.vmid > b.vmid)).toBe(true);
    }
  });

  it('filters by free text over every column and by per-column text, case-insensitively', () => {
    expect(buildOrder(keys, get, query({ globalFilter: 'PVE2' })).every((k) => get(k)!.node === 'pve2')).toBe(
      true,
    );
    const both = buildOrder(keys, get, query({ columnFilters: { node: 'pve1', status: 'running' } }));
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((k) => get(k)!.node === 'pve1' && get(k)!.status === 'running')).toBe(true);
    expect(buildOrder(keys, get, query({ globalFilter: 'no-such-thing' }))).toEqual([]);
  });

  it('groups rows under sorted headers; a guest with two tags shows under both', () => {
    const order = buildOrder(keys, get, query());
    const items = groupItems(order, get, 'tag');
    const headers = items.filter((i) => typeof i !== 'string');
    expect(headers.map((h) => h.label)).toEqual(['(no tags)', 'db', 'prod']);
    const tagged = list.filter((g) => g.tags.length > 0).length;
    expect(items.length).toBe(3 + list.length + tagged);
    expect(groupItems(order, get, 'none')).toBe(order);
  });

  it('names the fields a query reads, so other changes never move rows', () => {
    expect([...watchedFields(query())]).toEqual(['vmid']);
    expect(watchedFields(query({ columnFilters: { mem: '' } })).has('mem')).toBe(false);
    expect(watchedFields(query({ groupBy: 'node' })).has('node')).toBe(true);
  });

  it('patching with touched and removed keys equals a rebuild', () => {
    const q = query({
      sorting: [
        { id: 'status', desc: false },
        { id: 'name', desc: true },
      ],
      columnFilters: { type: 'qemu' },
    });
    const before = buildOrder(keys, get, q);
    const changed = list.map((g, i) =>
      i % 7 === 0 ? { ...g, status: 'stopped' as const, name: `z-${i}`, type: 'qemu' as const } : g,
    );
    const get2 = lookup(changed);
    const touched = new Set(changed.filter((_, i) => i % 7 === 0).map((g) => g.id));
    const removed = new Set([keys[3]!, keys[4]!]);
    const remaining = keys.filter((k) => !removed.has(k));
    const get3 = (k: string) => (removed.has(k) ? undefined : get2(k));
    expect(updateOrder(before, touched, removed, get3, q)).toEqual(buildOrder(remaining, get3, q));
  });
});

/** A small deterministic generator, so a failure replays the same way. */
function rng(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('inventory store with 10,000 guests', () => {
  let version = 1;
  beforeEach(() => {
    useInventoryStore.getState().dropCluster('c1');
    version = 1;
    const records = Array.from({ length: 10_000 }, (_, i) => guest(100 + i));
    useInventoryStore.getState().applySnapshot({ clusterId: 'c1', version, records, stale: null });
  });

  function delta(d: Partial<InventoryDelta>): void {
    const outcome = useInventoryStore
      .getState()
      .applyDelta({ clusterId: 'c1', version: ++version, added: [], changed: [], removed: [], ...d });
    expect(outcome).toBe('ok');
  }

  function expectConsistent(): void {
    const st = useInventoryStore.getState();
    const get = (k: string) => {
      const r = st.records.get(k);
      return r?.kind === 'guest' ? r : undefined;
    };
    expect(st.gridOrder).toEqual(buildOrder(st.guestKeys, get, st.gridQuery));
    const counts: Record<string, { running: number; total: number }> = {};
    for (const k of st.guestKeys) {
      const g = get(k)!;
      const c = (counts[recordKey('c1', `node/${g.node}`)] ??= { running: 0, total: 0 });
      c.total++;
      if (g.status === 'running') c.running++;
    }
    for (const [k, c] of Object.entries(st.guestCounts))
      if (!counts[k]) expect(c).toEqual({ running: 0, total: 0 });
    for (const [k, c] of Object.entries(counts)) expect(st.guestCounts[k]).toEqual(c);
  }

  it('keeps the order untouched (same array) when a delta changes only fields the view does not read', () => {
    const before = useInventoryStore.getState().gridOrder;
    delta({ changed: [{ id: 'qemu/150', fields: { cpu: 0.99, status: 'stopped' } }] });
    expect(useInventoryStore.getState().gridOrder).toBe(before);
    expectConsistent();
  });

  it('stays equal to a rebuild through random deltas under a sort, a filter and a grouping', () => {
    useInventoryStore.getState().setGridQuery(
      query({
        sorting: [
          { id: 'status', desc: true },
          { id: 'cpu', desc: false },
        ],
        columnFilters: { node: 'pve' },
        groupBy: 'node',
      }),
    );
    const rand = rng(7);
    let nextVmid = 20_000;
    for (let round = 0; round < 8; round++) {
      const keys = useInventoryStore.getState().guestKeys;
      const pick = () => keys[Math.floor(rand() * keys.length)]!.split('|')[1]!;
      const changed: RecordChange[] = Array.from({ length: 100 }, () => ({
        id: pick(),
        fields: {
          status: STATUSES[Math.floor(rand() * 3)]!,
          cpu: Math.round(rand() * 100) / 100,
          node: NODES[Math.floor(rand() * 4)]!,
        },
      }));
      const removed = [...new Set(Array.from({ length: 5 }, pick))].filter(
        (id) => !changed.some((c) => c.id === id),
      );
      const added = Array.from({ length: 5 }, () => guest(nextVmid++));
      delta({ changed, removed, added });
      expectConsistent();
    }
    const items = useInventoryStore.getState().gridItems;
    expect(typeof items[0]).toBe('object');
  });
});
