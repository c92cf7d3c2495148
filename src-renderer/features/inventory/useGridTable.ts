// The grid's column model on @tanstack/react-table: sorting, visibility, order, pinning and sizing live in the
// remembered prefs; the table holds no rows (ours come from the store's incremental index, grid-index.ts), so
// react-table never walks 10,000 rows. Also lays the visible columns out as one CSS grid template.
import {
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnPinningState,
  type ColumnSizingInfoState,
  type Header,
  type Table,
  type Updater,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { columnShown, type GridPrefs } from './grid-prefs.js';
import { COLUMN_BY_ID, GUEST_COLUMNS, type GridGuest, type GuestColumn } from './guest-columns.js';

const NO_ROWS: GridGuest[] = [];
const coreRowModel = getCoreRowModel<GridGuest>();
export const CHECK_PX = 32;
export const ACTIONS_PX = 36;

const TABLE_COLUMNS: ColumnDef<GridGuest>[] = GUEST_COLUMNS.map((c) => ({
  id: c.id,
  header: c.header,
  // react-table sorts only columns with an accessor; it never calls it (the table holds no rows).
  accessorFn: c.sortValue,
  size: c.size,
  minSize: c.minSize,
  maxSize: 800,
}));

const NO_RESIZE: ColumnSizingInfoState = {
  startOffset: null,
  startSize: null,
  deltaOffset: null,
  deltaPercentage: null,
  isResizingColumn: false,
  columnSizingStart: [],
};

export interface LaidColumn {
  col: GuestColumn;
  header: Header<GridGuest, unknown>;
  size: number;
  pin: false | 'left' | 'right';
  /** px from the pinned edge, for position: sticky */
  offset: number;
}

export interface GridLayout {
  columns: LaidColumn[];
  /** CSS grid-template-columns: checkbox, the columns, the row-menu button */
  template: string;
  minWidth: number;
  /** some column is pinned: the checkbox and menu cells stick too (sticky cells cost layout per scroll frame) */
  sticky: boolean;
}

type SetPrefs = (update: (p: GridPrefs) => GridPrefs) => void;

function layoutOf(table: Table<GridGuest>, sizing: GridPrefs['sizing']): GridLayout {
  const headers = [
    ...table.getLeftHeaderGroups()[0]!.headers,
    ...table.getCenterHeaderGroups()[0]!.headers,
    ...table.getRightHeaderGroups()[0]!.headers,
  ];
  const columns: LaidColumn[] = headers.map((header) => ({
    col: COLUMN_BY_ID.get(header.column.id)!,
    header,
    size: header.column.getSize(),
    pin: header.column.getIsPinned(),
    offset: 0,
  }));
  let left = CHECK_PX;
  for (const c of columns)
    if (c.pin === 'left') {
      c.offset = left;
      left += c.size;
    }
  let right = ACTIONS_PX;
  for (const c of [...columns].reverse())
    if (c.pin === 'right') {
      c.offset = right;
      right += c.size;
    }
  // Columns that grow take the spare width, unless the user sized or pinned them (sticky offsets need exact px).
  const tracks = columns.map(({ col, size, pin }) =>
    col.grow && !pin && sizing[col.id] === undefined ? `minmax(${size}px, ${col.grow}fr)` : `${size}px`,
  );
  const minWidth = CHECK_PX + ACTIONS_PX + columns.reduce((n, c) => n + c.size, 0);
  const template = [`${CHECK_PX}px`, ...tracks, `${ACTIONS_PX}px`].join(' ');
  return { columns, template, minWidth, sticky: columns.some((c) => c.pin) };
}

export function useGridTable(
  prefs: GridPrefs,
  setPrefs: SetPrefs,
  clusterCount: number,
): { table: Table<GridGuest>; layout: GridLayout } {
  const [sizingInfo, setSizingInfo] = useState<ColumnSizingInfoState>(NO_RESIZE);
  const columnVisibility = useMemo(
    () =>
      Object.fromEntries(GUEST_COLUMNS.map((c) => [c.id, columnShown(prefs.visibility, c.id, clusterCount)])),
    [prefs.visibility, clusterCount],
  );
  const table = useReactTable<GridGuest>({
    data: NO_ROWS,
    columns: TABLE_COLUMNS,
    getCoreRowModel: coreRowModel,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    enableMultiSort: true,
    maxMultiSortColCount: 5,
    sortDescFirst: false,
    columnResizeMode: 'onChange',
    state: {
      sorting: prefs.sorting,
      columnVisibility,
      columnOrder: prefs.order,
      columnPinning: prefs.pinning,
      columnSizing: prefs.sizing,
      columnSizingInfo: sizingInfo,
    },
    onSortingChange: (u) => setPrefs((p) => ({ ...p, sorting: functionalUpdate(u, p.sorting).slice(-5) })),
    onColumnOrderChange: (u) => setPrefs((p) => ({ ...p, order: functionalUpdate(u, p.order) })),
    onColumnSizingChange: (u) => setPrefs((p) => ({ ...p, sizing: functionalUpdate(u, p.sizing) })),
    onColumnSizingInfoChange: setSizingInfo,
    onColumnPinningChange: (u: Updater<ColumnPinningState>) =>
      setPrefs((p) => {
        const next = functionalUpdate(u, p.pinning);
        return { ...p, pinning: { left: next.left ?? [], right: next.right ?? [] } };
      }),
    onColumnVisibilityChange: (u) =>
      setPrefs((p) => {
        const next = functionalUpdate(u, columnVisibility);
        const visibility = { ...p.visibility };
        for (const [id, shown] of Object.entries(next))
          if (shown !== columnShown(p.visibility, id, clusterCount)) visibility[id] = shown;
        return { ...p, visibility };
      }),
  });
  // The table object is stable; the column state passed in above is what moves the layout. Rows compare the
  // layout by identity, so it must not change on a delta or a filter keystroke.
  const { order, pinning, sizing } = prefs;
  const layout = useMemo(
    () => layoutOf(table, sizing),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the table reads these through its state
    [table, order, pinning, sizing, columnVisibility],
  );
  return { table, layout };
}

/** The columns in chooser order: the current order, pinned-left first, then the rest. */
export function chooserOrder(table: Table<GridGuest>): string[] {
  return table.getAllLeafColumns().map((c) => c.id);
}

/** Moves `id` to sit before `target` (or one step by `delta`), starting from the full current order. */
export function movedOrder(
  table: Table<GridGuest>,
  id: string,
  to: { before: string } | { delta: number },
): string[] {
  const order = chooserOrder(table).filter((c) => c !== id);
  const from = chooserOrder(table).indexOf(id);
  const at =
    'before' in to
      ? Math.max(0, order.indexOf(to.before))
      : Math.max(0, Math.min(order.length, from + to.delta));
  order.splice(at, 0, id);
  return order;
}
