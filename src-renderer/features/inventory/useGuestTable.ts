// Builds the grid's table (@tanstack/react-table over guest keys) and the flat list of group headers + rows
// that the virtualizer draws. Sort and filter values are read from the store, so data is just the key list.
import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type RowSelectionState,
  type SortingState,
  type Table,
  type Updater,
  type VisibilityState,
} from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getGuest, useInventoryStore } from './inventory-store.js';
import { GUEST_COLUMNS, groupsOf, type GuestColumn } from './guest-columns.js';
import { loadGridPrefs, saveGridPrefs, type GridPrefs } from './grid-prefs.js';

export type GridItem = { kind: 'group'; label: string; count: number } | { kind: 'row'; key: string };

const byId = new Map(GUEST_COLUMNS.map((c) => [c.id, c]));

const textOf = (key: string, col: GuestColumn): string => {
  const g = getGuest(key);
  return g ? col.filterText(g).toLowerCase() : '';
};

const columnFilter: FilterFn<string> = (row, columnId, value: string) => {
  const col = byId.get(columnId);
  return !col || textOf(row.original, col).includes(value.toLowerCase());
};

const globalFilter: FilterFn<string> = (row, _columnId, value: string) => {
  const needle = value.toLowerCase();
  for (const col of GUEST_COLUMNS) if (textOf(row.original, col).includes(needle)) return true;
  return false;
};

const columns: ColumnDef<string>[] = GUEST_COLUMNS.map((col) => ({
  id: col.id,
  header: col.header,
  accessorFn: (key) => {
    const g = getGuest(key);
    return g ? col.sortValue(g) : '';
  },
  filterFn: columnFilter,
  sortingFn: 'basic',
  sortUndefined: 'last',
}));

function resolve<T>(u: Updater<T>, old: T): T {
  return typeof u === 'function' ? (u as (o: T) => T)(old) : u;
}

export interface GuestTable {
  table: Table<string>;
  items: GridItem[];
  prefs: GridPrefs;
  setPrefs(update: (p: GridPrefs) => GridPrefs): void;
  selection: RowSelectionState;
  setSelection(s: RowSelectionState): void;
}

export function useGuestTable(): GuestTable {
  const guestKeys = useInventoryStore((s) => s.guestKeys);
  const orderRev = useInventoryStore((s) => s.orderRev);
  const [prefs, setPrefsState] = useState<GridPrefs>(() => loadGridPrefs());
  const [selection, setSelection] = useState<RowSelectionState>({});

  // A new array identity is what makes react-table re-sort; only membership or watched-field changes do that.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const data = useMemo(() => guestKeys.slice(), [guestKeys, orderRev]);

  const setPrefs = useCallback(
    (update: (p: GridPrefs) => GridPrefs): void =>
      setPrefsState((old) => {
        const next = update(old);
        saveGridPrefs(next);
        return next;
      }),
    [],
  );

  useEffect(() => {
    const watched = new Set<string>();
    const add = (id: string) => byId.get(id)?.fields.forEach((f) => watched.add(f));
    prefs.sorting.forEach((s) => add(s.id));
    Object.keys(prefs.columnFilters).forEach(add);
    if (prefs.globalFilter) GUEST_COLUMNS.forEach((c) => add(c.id));
    if (prefs.groupBy !== 'none') ['node', 'pool', 'tags', 'type', 'clusterId'].forEach((f) => watched.add(f));
    useInventoryStore.getState().setWatchedFields(watched);
  }, [prefs]);

  const columnFilters: ColumnFiltersState = useMemo(
    () => Object.entries(prefs.columnFilters).filter(([, v]) => v !== '').map(([id, value]) => ({ id, value })),
    [prefs.columnFilters],
  );
  const visibility: VisibilityState = useMemo(() => Object.fromEntries(prefs.hidden.map((id) => [id, false])), [prefs.hidden]);

  const table = useReactTable<string>({
    data,
    columns,
    getRowId: (key) => key,
    state: { sorting: prefs.sorting, columnFilters, globalFilter: prefs.globalFilter, columnVisibility: visibility, rowSelection: selection },
    onSortingChange: (u) => setPrefs((p) => ({ ...p, sorting: resolve<SortingState>(u, p.sorting).slice(0, 5) })),
    onRowSelectionChange: (u) => setSelection((old) => resolve(u, old)),
    globalFilterFn: globalFilter,
    enableRowSelection: true,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const rows = table.getRowModel().rows;
  const items = useMemo(() => {
    if (prefs.groupBy === 'none') return rows.map((r): GridItem => ({ kind: 'row', key: r.id }));
    const groups = new Map<string, string[]>();
    for (const r of rows) {
      const g = getGuest(r.id);
      if (!g) continue;
      for (const label of groupsOf(g, prefs.groupBy)) {
        const list = groups.get(label) ?? [];
        list.push(r.id);
        groups.set(label, list);
      }
    }
    const out: GridItem[] = [];
    for (const label of [...groups.keys()].sort()) {
      const keys = groups.get(label)!;
      out.push({ kind: 'group', label, count: keys.length });
      for (const key of keys) out.push({ kind: 'row', key });
    }
    return out;
  }, [rows, prefs.groupBy]);

  return { table, items, prefs, setPrefs, selection, setSelection };
}
