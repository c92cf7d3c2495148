// The grid's header rows: sortable, resizable, draggable column headers (react-table's header model) and one
// filter per column: text or comparisons (`>2G`, `<50%`), plus a picker with counts where values repeat.
import { flexRender, type Table } from '@tanstack/react-table';
import { memo, useState, type DragEvent } from 'react';
import { filterFits } from './grid-filter.js';
import type { GridPrefs } from './grid-prefs.js';
import type { GridGuest, GuestColumn } from './guest-columns.js';
import { GridPicker } from './GridPicker.js';
import { pinClass, pinStyle } from './GuestRow.js';
import { fitWidth } from './fit-width.js';
import { movedOrder, type GridLayout, type LaidColumn } from './useGridTable.js';

type SetPrefs = (update: (p: GridPrefs) => GridPrefs) => void;

interface HeaderProps {
  table: Table<GridGuest>;
  layout: GridLayout;
  prefs: GridPrefs;
  setPrefs: SetPrefs;
  allSelected: boolean;
  onSelectAll(): void;
}

const DRAG_TYPE = 'application/x-proxdeck-column';

function HeaderCell({ c, table }: { c: LaidColumn; table: Table<GridGuest> }) {
  const { column } = c.header;
  const sorted = column.getIsSorted();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (id && id !== column.id) table.setColumnOrder(movedOrder(table, id, { before: column.id }));
  };
  return (
    <div
      role="columnheader"
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
      className={`grid-cell head-cell${c.col.align === 'right' ? ' num' : ''}${pinClass(c)}${over ? ' drop-target' : ''}`}
      style={pinStyle(c)}
      data-testid={`header-${column.id}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, column.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <button
        type="button"
        className="head-sort"
        title="Sort (Shift: add to the sort)"
        onClick={column.getToggleSortingHandler()}
      >
        {flexRender(column.columnDef.header, c.header.getContext())}
        {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
        {c.pin && (
          <span className="pin-mark" aria-label="pinned">
            {' '}
            📌
          </span>
        )}
      </button>
      <div
        className={`col-resizer${column.getIsResizing() ? ' resizing' : ''}`}
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${c.col.header}; double-click to fit its content`}
        data-testid={`resize-${column.id}`}
        onMouseDown={c.header.getResizeHandler()}
        onTouchStart={c.header.getResizeHandler()}
        onDoubleClick={() => table.setColumnSizing((old) => ({ ...old, [column.id]: fitWidth(c.col) }))}
        draggable={false}
        onDragStart={(e) => e.preventDefault()}
      />
    </div>
  );
}

function FilterCell({ c, prefs, setPrefs }: { c: LaidColumn; prefs: GridPrefs; setPrefs: SetPrefs }) {
  const { col } = c;
  const value = prefs.columnFilters[col.id] ?? '';
  const fits = filterFits(value, col.numeric ?? {});
  return (
    <div className={`grid-cell filter-cell${pinClass(c)}`} style={pinStyle(c)} role="gridcell">
      <input
        aria-label={`Filter ${col.header}`}
        aria-invalid={!fits}
        title={fits ? hintOf(col) : `${col.header} cannot compare that: ${hintOf(col)}`}
        placeholder={col.numeric ? hintOf(col) : undefined}
        data-testid={`filter-${col.id}`}
        value={value}
        onChange={(e) =>
          setPrefs((p) => ({ ...p, columnFilters: { ...p.columnFilters, [col.id]: e.target.value } }))
        }
      />
      {col.pick && <GridPicker col={col} prefs={prefs} setPrefs={setPrefs} />}
    </div>
  );
}

function hintOf(col: GuestColumn): string {
  const n = col.numeric;
  if (!n) return `text shown in ${col.header}`;
  if (n.bytes) return '>2G, <50%';
  if (n.seconds) return '>1d, <30m';
  if (n.percent) return '>50%';
  return '>=4, <200';
}

export const GridHeader = memo(function GridHeader({
  table,
  layout,
  prefs,
  setPrefs,
  allSelected,
  onSelectAll,
}: HeaderProps) {
  const rowStyle = { gridTemplateColumns: layout.template, minWidth: layout.minWidth };
  return (
    <div className="grid-head" role="rowgroup">
      <div className="grid-row header" role="row" style={rowStyle}>
        <div
          className={`grid-cell grid-check${pinClass({ pin: layout.sticky && 'left' })}`}
          role="columnheader"
        >
          <input type="checkbox" aria-label="select all shown" checked={allSelected} onChange={onSelectAll} />
        </div>
        {layout.columns.map((c) => (
          <HeaderCell key={c.col.id} c={c} table={table} />
        ))}
        <div
          className={`grid-cell grid-actions${pinClass({ pin: layout.sticky && 'right' })}`}
          role="columnheader"
        >
          <span className="sr-only">Row actions</span>
        </div>
      </div>
      <div className="grid-row filters" role="row" style={rowStyle}>
        <div
          className={`grid-cell grid-check${pinClass({ pin: layout.sticky && 'left' })}`}
          role="gridcell"
        />
        {layout.columns.map((c) => (
          <FilterCell key={c.col.id} c={c} prefs={prefs} setPrefs={setPrefs} />
        ))}
        <div
          className={`grid-cell grid-actions${pinClass({ pin: layout.sticky && 'right' })}`}
          role="gridcell"
        />
      </div>
    </div>
  );
});
