// Unit tests for the inventory normaliser and delta: add/change/remove/reorder, offline nodes, 10k rows.
import { describe, expect, it } from 'vitest';
import { diffApplied, diffRecords, isEmptyDiff } from '../../../src-main/features/inventory/delta.js';
import {
  applyResources,
  normaliseResources,
  type RecordMap,
} from '../../../src-main/features/inventory/normalise.js';
import {
  ClusterResources as ResourceEntries,
  type ClusterResource as ResourceEntry,
} from '../../../src-main/pve/api/cluster.js';
import { applyChanges, GuestRecord, InventoryRecord } from '../../../src-shared/model/inventory.js';

function guest(vmid: number, extra: Partial<ResourceEntry> = {}): ResourceEntry {
  return {
    id: `qemu/${vmid}`,
    type: 'qemu',
    vmid,
    node: `pve${(vmid % 3) + 1}`,
    name: `vm-${vmid}`,
    status: 'running',
    cpu: 0.1,
    maxcpu: 2,
    mem: 1024,
    maxmem: 4096,
    disk: 0,
    maxdisk: 8192,
    uptime: 100,
    template: false,
    ...extra,
  };
}
const node = (name: string, status = 'online'): ResourceEntry => ({
  id: `node/${name}`,
  type: 'node',
  node: name,
  status,
  cpu: 0.2,
  maxcpu: 16,
  mem: 1,
  maxmem: 2,
  uptime: 5,
});
const base = (): ResourceEntry[] => [
  node('pve1'),
  node('pve2'),
  node('pve3'),
  guest(100),
  guest(101),
  guest(102),
];
const norm = (entries: ResourceEntry[], prev?: RecordMap): RecordMap =>
  normaliseResources('c1', entries, prev);

describe('normaliseResources', () => {
  it('types every PVE kind and validates against the shared schema', () => {
    const raw = [
      ...base(),
      {
        id: 'lxc/200',
        type: 'lxc',
        vmid: 200,
        node: 'pve1',
        status: 'stopped',
        tags: 'web;db',
        template: 1,
        lock: 'backup',
        pool: 'dev',
        hastate: 'started',
      },
      {
        id: 'storage/pve1/local',
        type: 'storage',
        storage: 'local',
        node: 'pve1',
        status: 'available',
        shared: 0,
        plugintype: 'dir',
        content: 'iso,vztmpl',
        disk: 5,
        maxdisk: 10,
      },
      { id: '/pool/dev', type: 'pool', pool: 'dev' },
      {
        id: 'network/pve1/zone/localnetwork',
        type: 'network',
        network: 'localnetwork',
        'network-type': 'zone',
        node: 'pve1',
        status: 'ok',
      },
      { id: 'weird/1', type: 'future-kind' },
    ];
    const records = norm(ResourceEntries.parse(raw));
    expect(records.size).toBe(10);
    for (const r of records.values()) expect(InventoryRecord.safeParse(r).success).toBe(true);
    const ct = GuestRecord.parse(records.get('lxc/200'));
    expect(ct).toMatchObject({
      type: 'lxc',
      template: true,
      lock: 'backup',
      tags: ['db', 'web'],
      pool: 'dev',
      hastate: 'started',
      cpu: null,
    });
    expect(records.get('storage/pve1/local')).toMatchObject({ kind: 'storage', shared: false, maxdisk: 10 });
    expect(records.get('network/pve1/zone/localnetwork')).toMatchObject({
      kind: 'sdn',
      name: 'localnetwork',
      sdnType: 'zone',
    });
  });

  it('converts odd-but-valid entries through the zod schema and skips broken ones (not the whole answer)', () => {
    const odd = ResourceEntries.parse([{ id: 'qemu/5', type: 'qemu', vmid: '5', cpu: '0.5', template: '1' }]);
    expect(odd[0]).toMatchObject({ vmid: 5, cpu: 0.5, template: true });
    expect(ResourceEntries.parse([{ id: 'qemu/5', type: 'qemu', cpu: { x: 1 } }, { type: 'qemu' }])).toEqual(
      [],
    );
    expect(ResourceEntries.safeParse({ data: [] }).success).toBe(false);
  });

  it('keeps the previous record object for an unchanged guest and a new one for a changed guest', () => {
    const first = norm(base());
    const second = norm(
      [
        node('pve1'),
        node('pve2'),
        node('pve3'),
        guest(100),
        guest(101, { cpu: 0.7 }),
        guest(102, { tags: 'a' }),
      ],
      first,
    );
    expect(second.get('qemu/100')).toBe(first.get('qemu/100'));
    expect(second.get('qemu/101')).not.toBe(first.get('qemu/101'));
    expect(second.get('qemu/101')).toMatchObject({ cpu: 0.7 });
    expect(second.get('qemu/102')).toMatchObject({ tags: ['a'] });
    // a guest whose node went offline is a change too (status turns unknown)
    const third = norm(
      [
        node('pve1'),
        node('pve2', 'offline'),
        node('pve3'),
        guest(100),
        guest(101, { cpu: 0.7 }),
        guest(102, { tags: 'a' }),
      ],
      second,
    );
    expect(third.get('qemu/100')).toMatchObject({ status: 'unknown' });
    expect(third.get('qemu/101')).toBe(second.get('qemu/101'));
  });

  it('marks guests of an offline node unknown and keeps guests PVE stops listing', () => {
    const first = norm(base());
    // guest 100 lives on pve2, 101 on pve3, 102 on pve1
    const second = norm(
      [node('pve1'), node('pve2', 'offline'), node('pve3'), guest(100), guest(101), guest(102)],
      first,
    );
    expect(second.get('qemu/100')).toMatchObject({ status: 'unknown' });
    expect(second.get('qemu/101')).toMatchObject({ status: 'running' });
    expect(second.get('node/pve2')).toMatchObject({ status: 'offline' });
    const gone = norm([node('pve1'), node('pve2', 'offline'), node('pve3'), guest(101), guest(102)], second);
    expect(gone.get('qemu/100')).toMatchObject({ status: 'unknown', name: 'vm-100' });
    // an online node's guest that disappears is really gone
    const removed = norm([node('pve1'), node('pve2'), node('pve3'), guest(100), guest(102)], first);
    expect(removed.has('qemu/101')).toBe(false);
  });
});

describe('diffRecords', () => {
  it('reports added, changed (changed fields only) and removed', () => {
    const a = norm(base());
    const b = norm([
      node('pve1'),
      node('pve2'),
      node('pve3'),
      guest(100, { status: 'stopped', cpu: 0 }),
      guest(102),
      guest(103),
    ]);
    const d = diffRecords(a, b);
    expect(d.added.map((r) => r.id)).toEqual(['qemu/103']);
    expect(d.removed).toEqual(['qemu/101']);
    expect(d.changed).toEqual([{ id: 'qemu/100', fields: { status: 'stopped', cpu: 0 } }]);
  });

  it('sees a reorder as no change at all', () => {
    const a = norm(base());
    const b = norm([...base()].reverse());
    expect(isEmptyDiff(diffRecords(a, b))).toBe(true);
  });

  it('sends a cleared optional field as null and a tag change as the new list', () => {
    const a = norm([guest(1, { lock: 'backup', tags: 'a' })]);
    const b = norm([guest(1, { tags: 'a;b' })]);
    expect(diffRecords(a, b).changed).toEqual([{ id: 'qemu/1', fields: { lock: null, tags: ['a', 'b'] } }]);
  });

  it('keeps 10,000 rows in step: 1 % changed gives 100 small changes that rebuild the new state', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => guest(100 + i));
    const a = norm(entries);
    const next = entries.map((e, i) => (i % 100 === 7 ? { ...e, status: 'stopped', cpu: 0 } : e));
    const shuffled = [...next.slice(5000), ...next.slice(0, 5000)];
    const b = norm(shuffled);
    const d = diffRecords(a, b);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toHaveLength(100);
    for (const c of d.changed) expect(Object.keys(c.fields).sort()).toEqual(['cpu', 'status']);
    const rebuilt = applyChanges(a, d);
    expect(diffRecords(rebuilt, b)).toEqual({ added: [], changed: [], removed: [] });
    expect(JSON.stringify(d).length / JSON.stringify([...b.values()]).length).toBeLessThan(0.05);
  });

  it('sends a record whose kind changed under the same id whole, as added', () => {
    const a = norm([guest(1)]);
    const b = norm([{ id: 'qemu/1', type: 'storage', storage: 'x', node: 'pve1' }]);
    const d = diffRecords(a, b);
    expect(d.added.map((r) => r.kind)).toEqual(['storage']);
    expect(d.changed).toEqual([]);
  });
});

describe('diffRecords over the ids normaliseResources touched', () => {
  const change = (e: ResourceEntry, i: number, round: number): ResourceEntry | undefined => {
    const k = (i * 7 + round * 13) % 23;
    if (k === 0) return undefined; // removed
    if (k === 1) return { ...e, status: e.status === 'running' ? 'stopped' : 'running' };
    if (k === 2) return { ...e, tags: `t${round}` };
    if (k === 3) return { ...e, cpu: round / 10 };
    if (k === 4) return { ...e, lock: 'backup' };
    return e;
  };

  it('gives the same diff as a walk over every record, over rounds of adds, changes, removals and an offline node', () => {
    let entries = [
      node('pve1'),
      node('pve2'),
      node('pve3'),
      ...Array.from({ length: 300 }, (_, i) => guest(i)),
    ];
    let prev = norm(entries);
    for (let round = 1; round <= 6; round++) {
      entries = entries.flatMap((e, i) => (e.type === 'node' ? [e] : (change(e, i, round) ?? [])));
      entries.push(guest(1000 + round), guest(1000 + round)); // a new id, listed twice
      if (round === 3) entries[1] = node('pve2', 'offline');
      if (round === 5) entries.splice(1, 1); // the offline node vanishes from the answer
      const touched: string[] = [];
      const next = normaliseResources('c1', entries, prev, touched);
      expect(new Set(touched).size).toBe(touched.length);
      const fast = diffRecords(prev, next, touched);
      const full = diffRecords(prev, next);
      const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(fast.added)).toEqual(byId(full.added));
      expect(byId(fast.changed)).toEqual(byId(full.changed));
      expect([...fast.removed].sort()).toEqual([...full.removed].sort());
      expect(full.changed.length + full.added.length).toBeGreaterThan(0);
      prev = next;
    }
  });

  it('finds removals that a new id hides from a plain count', () => {
    const a = norm([guest(1), guest(2)]);
    const touched: string[] = [];
    const b = normaliseResources('c1', [guest(1), guest(3)], a, touched);
    expect(diffRecords(a, b, touched).removed).toEqual(['qemu/2']);
  });
});

describe('applyResources in place, diffed from what it replaced', () => {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

  /** Runs rounds of answers through one map in place; each diff must equal the full walk and rebuild the map. */
  function rounds(answers: ResourceEntry[][]): RecordMap {
    const records: RecordMap = new Map();
    let copy: RecordMap = new Map();
    for (const entries of answers) {
      const before = applyResources('c1', entries, records);
      const fast = diffApplied(before, records);
      const full = diffRecords(copy, records);
      expect(byId(fast.added)).toEqual(byId(full.added));
      expect(byId(fast.changed)).toEqual(byId(full.changed));
      expect([...fast.removed].sort()).toEqual([...full.removed].sort());
      // what the renderer does with the delta gives the same records
      const rebuilt = applyChanges(copy, fast);
      expect(byId([...rebuilt.values()])).toEqual(byId([...records.values()]));
      // the same answer through the map-building path agrees
      expect(byId([...normaliseResources('c1', entries, copy).values()])).toEqual(
        byId([...records.values()]),
      );
      copy = new Map(records);
      // with every node up and listed, the map holds exactly the ids of the answer
      if (entries.filter((e) => e.type === 'node').every((e) => e.status === 'online') && entries.length > 3)
        if (entries.filter((e) => e.type === 'node').length === 3)
          expect([...records.keys()].sort()).toEqual([...new Set(entries.map((e) => e.id))].sort());
    }
    return records;
  }

  it('matches the full walk over adds, changes, removals, an offline node and a vanished node', () => {
    const guests = Array.from({ length: 60 }, (_, i) => guest(i));
    const nodes = [node('pve1'), node('pve2'), node('pve3')];
    rounds([
      [...nodes, ...guests],
      [...nodes, ...guests.slice(1), guest(500)],
      [nodes[0]!, node('pve2', 'offline'), nodes[2]!, ...guests.filter((g) => g.node !== 'pve2')],
      [nodes[0]!, nodes[2]!, ...guests.filter((g) => g.node !== 'pve2')],
      [...nodes, ...guests.map((g, i) => (i % 5 === 0 ? { ...g, cpu: 0.9, tags: 'x;y' } : g))],
    ]);
  });

  it('an id listed twice never hides a removal in the same answer', () => {
    const nodes = [node('pve1'), node('pve2'), node('pve3')];
    rounds([
      [...nodes, guest(1), guest(2), guest(3)],
      // qemu/2 goes away while qemu/1 is listed twice, changed the second time: the counts alone would balance
      [...nodes, guest(1), guest(1, { cpu: 0.7 }), guest(3)],
      [...nodes, guest(3), guest(3), guest(4)],
    ]);
  });

  it('drops guests PVE stops listing when every node is up, even without node entries (a token without Sys.Audit)', () => {
    const records: RecordMap = new Map();
    applyResources('c1', [guest(1), guest(2)], records);
    const before = applyResources('c1', [guest(1)], records);
    expect(diffApplied(before, records).removed).toEqual(['qemu/2']);
    expect([...records.keys()]).toEqual(['qemu/1']);
  });

  it('keeps unchanged records as the same objects and marks nothing enumerable on them', () => {
    const records: RecordMap = new Map();
    applyResources('c1', base(), records);
    const first = records.get('qemu/100');
    const before = applyResources('c1', base(), records);
    expect(records.get('qemu/100')).toBe(first);
    expect([...before.keys()].every((id) => id.startsWith('node/'))).toBe(true);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(Object.keys(first!)).not.toContain('seen');
  });
});
