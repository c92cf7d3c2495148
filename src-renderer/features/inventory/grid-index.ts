// The grid's row index: which guest keys show, in which order, under which group headers. Built once per
// snapshot or view change (sort values computed once per row, not per comparison) and patched on deltas by
// re-placing only the rows whose sorted/filtered fields changed, so a 1 % delta never re-sorts 10,000 rows.
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { columnMatcher } from './grid-filter.js';
import { COLUMN_BY_ID, GUEST_COLUMNS, groupsOf, type GroupBy } from './guest-columns.js';

/** The part of the grid prefs that decides rows and order (column visibility does not). */
export interface GridQuery {
  sorting: readonly { id: string; desc: boolean }[];
  globalFilter: string;
  columnFilters: Readonly<Record<string, string>>;
  /** picker choices per column: a row shows when its value is one of them */
  picks?: Readonly<Record<string, readonly string[]>>;
  groupBy: GroupBy;
}

export interface GroupHeader {
  label: string;
  count: number;
}
/** What the virtualised list draws: a row key, or a group header before its rows. */
export type GridItem = string | GroupHeader;

type Lookup = (key: string) => GuestRecord | undefined;
type Value = string | number;

const byId = COLUMN_BY_ID;

/** Record fields the query reads: a delta touching none of them cannot move a row. */
export function watchedFields(q: GridQuery): Set<string> {
  const out = new Set<string>();
  const add = (id: string) => byId.get(id)?.fields.forEach((f) => out.add(f));
  q.sorting.forEach((s) => add(s.id));
  for (const [id, v] of Object.entries(q.columnFilters)) if (v) add(id);
  for (const [id, v] of Object.entries(q.picks ?? {})) if (v.length > 0) add(id);
  if (q.globalFilter) GUEST_COLUMNS.forEach((c) => add(c.id));
  if (q.groupBy !== 'none') ['node', 'pool', 'tags', 'type', 'clusterId'].forEach((f) => out.add(f));
  return out;
}

type Test = (g: GuestRecord) => boolean;

/** A predicate for the query's filters, or undefined when every row passes. */
export function filterOf(q: GridQuery): Test | undefined {
  const tests: Test[] = [];
  const needle = q.globalFilter.trim().toLowerCase();
  if (needle) tests.push((g) => GUEST_COLUMNS.some((c) => c.shown(g).toLowerCase().includes(needle)));
  for (const [id, v] of Object.entries(q.columnFilters)) {
    const col = byId.get(id);
    const test = col && columnMatcher(v, col.shown, col.numeric ?? {});
    if (test) tests.push(test);
  }
  for (const [id, chosen] of Object.entries(q.picks ?? {})) {
    const pick = byId.get(id)?.pick;
    if (!pick || chosen.length === 0) continue;
    const set = new Set(chosen);
    tests.push((g) => set.has(pick(g)));
  }
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (g) => tests.every((t) => t(g));
}

interface Sorter {
  values(g: GuestRecord): Value[];
  compare(a: Value[], ak: string, b: Value[], bk: string): number;
}

function sorterOf(q: GridQuery): Sorter {
  const cols = q.sorting.flatMap((s) => {
    const col = byId.get(s.id);
    return col ? [{ col, dir: s.desc ? -1 : 1 }] : [];
  });
  return {
    values: (g) => cols.map((c) => c.col.sortValue(g)),
    compare(a, ak, b, bk) {
      for (let i = 0; i < cols.length; i++) {
        const x = a[i]!;
        const y = b[i]!;
        if (x !== y) return (x < y ? -1 : 1) * cols[i]!.dir;
      }
      // The record key breaks ties, so a patched index equals a rebuilt one.
      return ak < bk ? -1 : ak > bk ? 1 : 0;
    },
  };
}

interface Decorated {
  key: string;
  v: Value[];
}

function decorate(keys: Iterable<string>, get: Lookup, q: GridQuery, sorter: Sorter): Decorated[] {
  const pass = filterOf(q);
  const out: Decorated[] = [];
  for (const key of keys) {
    const g = get(key);
    if (g && (!pass || pass(g))) out.push({ key, v: sorter.values(g) });
  }
  return out.sort((a, b) => sorter.compare(a.v, a.key, b.v, b.key));
}

/** The filtered, sorted keys of `keys`. */
export function buildOrder(keys: Iterable<string>, get: Lookup, q: GridQuery): string[] {
  return decorate(keys, get, q, sorterOf(q)).map((d) => d.key);
}

/**
 * Re-places `touched` keys (added, or changed in a watched field) and drops `removed` ones: one pass to take
 * them out, then each touched row finds its place by binary search, so sort values are computed for
 * O(touched × log rows) rows, not for every row (a 1 % delta on 50,000 rows). Gives exactly what buildOrder would.
 */
export function updateOrder(
  order: readonly string[],
  touched: ReadonlySet<string>,
  removed: ReadonlySet<string>,
  get: Lookup,
  q: GridQuery,
): string[] {
  const sorter = sorterOf(q);
  const moved = decorate(touched, get, q, sorter);
  const kept: string[] = [];
  for (const key of order) if (!touched.has(key) && !removed.has(key)) kept.push(key);
  if (moved.length === 0) return kept;
  const cache = new Map<number, Value[]>();
  const valuesAt = (i: number): Value[] => {
    let v = cache.get(i);
    if (!v) {
      const g = get(kept[i]!);
      v = g ? sorter.values(g) : [];
      cache.set(i, v);
    }
    return v;
  };
  const out: string[] = [];
  let from = 0;
  for (const m of moved) {
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorter.compare(valuesAt(mid), kept[mid]!, m.v, m.key) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(kept[i]!);
    out.push(m.key);
    from = lo;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i]!);
  return out;
}

/** Group headers and rows; without grouping the order itself (no per-row objects for 10,000 rows). */
export function groupItems(order: readonly string[], get: Lookup, by: GroupBy): readonly GridItem[] {
  if (by === 'none') return order;
  const groups = new Map<string, string[]>();
  for (const key of order) {
    const g = get(key);
    if (!g) continue;
    for (const label of groupsOf(g, by)) {
      const list = groups.get(label);
      if (list) list.push(key);
      else groups.set(label, [key]);
    }
  }
  const out: GridItem[] = [];
  for (const label of [...groups.keys()].sort()) {
    const keys = groups.get(label)!;
    out.push({ label, count: keys.length });
    for (const key of keys) out.push(key);
  }
  return out;
}
