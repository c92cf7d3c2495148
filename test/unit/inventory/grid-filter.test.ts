// Unit tests for the grid's column filters: comparisons with units parse and compare exactly, text matches what
// the column shows (Type "VM"/"CT"), pickers match exact values, and prefs load through their schema.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import {
  columnMatcher,
  filterFits,
  parseFilter,
} from '../../../src-renderer/features/inventory/grid-filter.js';
import { buildOrder, type GridQuery } from '../../../src-renderer/features/inventory/grid-index.js';
import {
  COLUMN_BY_ID,
  GUEST_COLUMNS,
  type GridGuest,
} from '../../../src-renderer/features/inventory/guest-columns.js';
import {
  columnShown,
  DEFAULT_PREFS,
  GRID_PREFS_KEY,
  loadGridPrefs,
} from '../../../src-renderer/features/inventory/grid-prefs.js';

const GiB = 1024 ** 3;

function guest(vmid: number, over: Partial<GridGuest> = {}): GridGuest {
  return {
    id: `${vmid % 3 === 0 ? 'lxc' : 'qemu'}/${vmid}`,
    clusterId: 'c1',
    kind: 'guest',
    type: vmid % 3 === 0 ? 'lxc' : 'qemu',
    vmid,
    name: `guest-${vmid}`,
    node: `pve${(vmid % 4) + 1}`,
    status: vmid % 2 === 0 ? 'running' : 'stopped',
    template: false,
    lock: null,
    tags: [],
    pool: vmid % 5 === 0 ? 'dev' : null,
    hastate: null,
    cpu: vmid % 2 === 0 ? (vmid % 100) / 100 : null,
    maxcpu: (vmid % 8) + 1,
    mem: vmid % 2 === 0 ? (vmid % 7) * 256 * 1024 ** 2 : null,
    maxmem: ((vmid % 16) + 1) * 512 * 1024 ** 2,
    disk: 0,
    maxdisk: ((vmid % 10) + 1) * 8 * GiB,
    uptime: vmid % 2 === 0 ? vmid * 97 : null,
    netin: null,
    netout: null,
    diskread: null,
    diskwrite: null,
    ...over,
  } satisfies GuestRecord;
}

const list = Array.from({ length: 300 }, (_, i) => guest(100 + i));
const byKey = new Map(list.map((g) => [g.id, g]));
const keys = list.map((g) => g.id);
const query = (over: Partial<GridQuery>): GridQuery => ({
  sorting: [{ id: 'vmid', desc: false }],
  globalFilter: '',
  columnFilters: {},
  groupBy: 'none',
  ...over,
});
const rows = (q: Partial<GridQuery>): GridGuest[] =>
  buildOrder(keys, (k) => byKey.get(k), query(q)).map((k) => byKey.get(k)!);
const col = (id: string) => COLUMN_BY_ID.get(id)!;

describe('filter parsing', () => {
  it('splits comparisons with units from text', () => {
    expect(parseFilter('>2G')).toEqual({ text: '', comparisons: [{ op: '>', value: 2, suffix: 'g' }] });
    expect(parseFilter(' >= 4 ')).toEqual({ text: '', comparisons: [{ op: '>=', value: 4, suffix: '' }] });
    expect(parseFilter('<50%').comparisons).toEqual([{ op: '<', value: 50, suffix: '%' }]);
    expect(parseFilter('>1.5GiB <8G')).toEqual({
      text: '',
      comparisons: [
        { op: '>', value: 1.5, suffix: 'gib' },
        { op: '<', value: 8, suffix: 'g' },
      ],
    });
    expect(parseFilter('web-01')).toEqual({ text: 'web-01', comparisons: [] });
    expect(parseFilter('1.0 GiB / 2.0 GiB')).toEqual({ text: '1.0 gib / 2.0 gib', comparisons: [] });
  });

  it('reads a number written any way as the same comparison (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('>', '>=', '<', '<=', '=', '!='),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom('', 'k', 'M', 'g', 'T', 'GiB', '%', 'h', 'd'),
        fc.constantFrom('', ' '),
        (op, n, unit, gap) => {
          const p = parseFilter(`${op}${gap}${n}${unit}`);
          expect(p.text).toBe('');
          expect(p.comparisons).toEqual([{ op, value: n, suffix: unit.toLowerCase() }]);
        },
      ),
    );
  });

  it('says when a column cannot compare a unit', () => {
    expect(filterFits('>2G', col('mem').numeric!)).toBe(true);
    expect(filterFits('>2G', col('vmid').numeric!)).toBe(false);
    expect(filterFits('<50%', col('cpu').numeric!)).toBe(true);
    expect(filterFits('>1d', col('uptime').numeric!)).toBe(true);
    expect(filterFits('web', {})).toBe(true);
  });
});

describe('filter matching on what the column shows', () => {
  it('Type "VM" gives exactly the VMs and "CT" exactly the containers', () => {
    const vms = rows({ columnFilters: { type: 'VM' } });
    expect(vms.map((g) => g.vmid)).toEqual(list.filter((g) => g.type === 'qemu').map((g) => g.vmid));
    const cts = rows({ columnFilters: { type: 'ct' } });
    expect(cts.map((g) => g.vmid)).toEqual(list.filter((g) => g.type === 'lxc').map((g) => g.vmid));
  });

  it('memory > 2G gives exactly the guests with more than 2 GiB configured', () => {
    const got = rows({ columnFilters: { mem: '> 2G' } }).map((g) => g.vmid);
    expect(got).toEqual(list.filter((g) => g.maxmem! > 2 * GiB).map((g) => g.vmid));
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(list.length);
  });

  it('compares every numeric column against the same numbers the cell shows (property)', () => {
    const cases: [string, string, (g: GridGuest) => number | null, number][] = [
      ['vmid', '', (g) => g.vmid, 1],
      ['cores', '', (g) => g.maxcpu, 1],
      ['mem', 'M', (g) => g.maxmem, 1024 ** 2],
      ['mem', '%', (g) => (g.mem !== null && g.maxmem ? (g.mem / g.maxmem) * 100 : null), 1],
      ['disk', 'G', (g) => g.maxdisk, GiB],
      ['cpu', '%', (g) => (g.cpu === null ? null : g.cpu * 100), 1],
      ['uptime', 'm', (g) => g.uptime, 60],
      ['uptime', 'h', (g) => g.uptime, 3600],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom('>', '>=', '<', '<=', '!='),
        fc.integer({ min: 0, max: 400 }),
        ([id, unit, value, scale], op, n) => {
          const test = columnMatcher(`${op}${n}${unit}`, col(id).shown, col(id).numeric!)!;
          const limit = n * scale;
          for (const g of list.slice(0, 60)) {
            const x = value(g);
            const want =
              x !== null &&
              { '>': x > limit, '>=': x >= limit, '<': x < limit, '<=': x <= limit, '!=': x !== limit }[op]!;
            expect(test(g)).toBe(want);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches displayed text case-insensitively, and text plus a comparison together', () => {
    expect(rows({ columnFilters: { status: 'RUN' } }).every((g) => g.status === 'running')).toBe(true);
    const locked = guest(999, { lock: 'backup' });
    expect(columnMatcher('backup', col('status').shown, {})!(locked)).toBe(true);
    const both = rows({ columnFilters: { name: 'guest-1', vmid: '<120' } }).map((g) => g.vmid);
    expect(both).toEqual(list.filter((g) => g.name.includes('guest-1') && g.vmid < 120).map((g) => g.vmid));
  });

  it('pickers match exact values: several values are alternatives, several columns all apply', () => {
    const got = rows({ picks: { node: ['pve1', 'pve3'], type: ['CT'] } });
    const want = list.filter((g) => (g.node === 'pve1' || g.node === 'pve3') && g.type === 'lxc');
    expect(got.map((g) => g.vmid)).toEqual(want.map((g) => g.vmid));
    expect(rows({ picks: { pool: ['(no pool)'] } }).every((g) => g.pool === null)).toBe(true);
  });

  it('shows the cluster name when the row carries one, else its id', () => {
    const c = col('cluster');
    expect(c.shown(guest(1, { clusterName: 'prod', clusterColor: '#f00' }))).toBe('prod');
    expect(c.shown(guest(1))).toBe('c1');
  });

  it('every column has a displayed text for every guest', () => {
    for (const c of GUEST_COLUMNS)
      for (const g of list.slice(0, 20)) expect(typeof c.shown(g)).toBe('string');
  });
});

describe('grid prefs', () => {
  const store = (value: unknown, key = GRID_PREFS_KEY) => ({
    getItem: (k: string) => (k === key ? JSON.stringify(value) : null),
  });

  it('loads what it saved and rejects malformed entries', () => {
    const saved = { ...DEFAULT_PREFS, order: ['name', 'vmid'], pinning: { left: ['name'], right: [] } };
    expect(loadGridPrefs(store(saved))).toEqual(saved);
    expect(loadGridPrefs(store({ ...saved, sizing: { name: -5 } }))).toEqual(DEFAULT_PREFS);
    expect(loadGridPrefs(store({ ...saved, sorting: 'vmid' }))).toEqual(DEFAULT_PREFS);
    expect(loadGridPrefs({ getItem: () => '{not json' })).toEqual(DEFAULT_PREFS);
  });

  it('reads the first version: hidden columns stay hidden, defaults keep following the default', () => {
    const v1 = { ...DEFAULT_PREFS, hidden: ['tags', 'cluster'] };
    const p = loadGridPrefs(store(v1, 'proxdeck.inventory.grid.v1'));
    expect(p.visibility).toEqual({ tags: false });
    expect(columnShown(p.visibility, 'cluster', 2)).toBe(true);
  });

  it('shows the Cluster column by default only with more than one cluster, unless the user chose', () => {
    expect(columnShown({}, 'cluster', 1)).toBe(false);
    expect(columnShown({}, 'cluster', 2)).toBe(true);
    expect(columnShown({ cluster: false }, 'cluster', 3)).toBe(false);
    expect(columnShown({}, 'name', 1)).toBe(true);
  });
});
