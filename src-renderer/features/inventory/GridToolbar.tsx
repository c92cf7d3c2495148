// The grid's toolbar: free-text filter, group-by, the column chooser (show, order, pin, fit; remembered with the
// rest of the grid prefs), the shown/total count and the selection count.
import type { Table } from '@tanstack/react-table';
import { memo, useState } from 'react';
import type { GridPrefs } from './grid-prefs.js';
import { fitWidth } from './fit-width.js';
import { COLUMN_BY_ID, GROUP_BY, type GridGuest, type GroupBy } from './guest-columns.js';
import { chooserOrder, movedOrder } from './useGridTable.js';

interface ToolbarProps {
  table: Table<GridGuest>;
  prefs: GridPrefs;
  setPrefs(update: (p: GridPrefs) => GridPrefs): void;
  shown: number;
  total: number;
  selected: number;
  onClearSelection(): void;
}

function ColumnChooser({ table, setPrefs }: Pick<ToolbarProps, 'table' | 'setPrefs'>) {
  const ids = chooserOrder(table);
  const fitAll = () =>
    setPrefs((p) => ({
      ...p,
      sizing: Object.fromEntries(
        table.getVisibleLeafColumns().map((c) => [c.id, fitWidth(COLUMN_BY_ID.get(c.id)!)]),
      ),
    }));
  const reset = () =>
    setPrefs((p) => ({ ...p, visibility: {}, order: [], pinning: { left: [], right: [] }, sizing: {} }));
  return (
    <div className="chooser-menu" role="dialog" aria-label="Columns" data-testid="column-chooser">
      {ids.map((id, i) => {
        const column = table.getColumn(id)!;
        const header = COLUMN_BY_ID.get(id)!.header;
        const pinned = column.getIsPinned();
        return (
          <div className="chooser-row" key={id} data-testid={`chooser-row-${id}`}>
            <label>
              <input
                type="checkbox"
                data-testid={`column-toggle-${id}`}
                checked={column.getIsVisible()}
                onChange={(e) => column.toggleVisibility(e.target.checked)}
              />{' '}
              {header}
            </label>
            <button
              type="button"
              aria-label={`Move ${header} up`}
              data-testid={`column-up-${id}`}
              disabled={i === 0}
              onClick={() => table.setColumnOrder(movedOrder(table, id, { delta: -1 }))}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${header} down`}
              data-testid={`column-down-${id}`}
              disabled={i === ids.length - 1}
              onClick={() => table.setColumnOrder(movedOrder(table, id, { delta: 1 }))}
            >
              ↓
            </button>
            <button
              type="button"
              aria-pressed={pinned === 'left'}
              aria-label={`Pin ${header} to the left`}
              data-testid={`column-pin-${id}`}
              onClick={() => column.pin(pinned ? false : 'left')}
            >
              {pinned ? 'Unpin' : 'Pin'}
            </button>
          </div>
        );
      })}
      <div className="chooser-actions">
        <button type="button" data-testid="columns-fit" onClick={fitAll}>
          Fit widths to content
        </button>
        <button type="button" data-testid="columns-reset" onClick={reset}>
          Reset columns
        </button>
      </div>
    </div>
  );
}

export const GridToolbar = memo(function GridToolbar({
  table,
  prefs,
  setPrefs,
  shown,
  total,
  selected,
  onClearSelection,
}: ToolbarProps) {
  const [chooser, setChooser] = useState(false);
  return (
    <div className="grid-toolbar">
      <input
        type="search"
        placeholder="Filter guests…"
        aria-label="Filter guests"
        data-testid="grid-filter"
        value={prefs.globalFilter}
        onChange={(e) => setPrefs((p) => ({ ...p, globalFilter: e.target.value }))}
      />
      <label>
        Group by{' '}
        <select
          data-testid="grid-group"
          value={prefs.groupBy}
          onChange={(e) => setPrefs((p) => ({ ...p, groupBy: e.target.value as GroupBy }))}
        >
          {GROUP_BY.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <div className="column-chooser" onKeyDown={(e) => e.key === 'Escape' && setChooser(false)}>
        <button
          type="button"
          data-testid="grid-columns"
          aria-expanded={chooser}
          onClick={() => setChooser(!chooser)}
        >
          Columns
        </button>
        {chooser && <ColumnChooser table={table} setPrefs={setPrefs} />}
      </div>
      <span className="muted" data-testid="grid-count">
        {shown} of {total} guests
      </span>
      {selected > 0 && (
        <span className="selection-bar" data-testid="grid-selection">
          {selected} selected{' '}
          <button type="button" onClick={onClearSelection}>
            Clear
          </button>
        </span>
      )}
    </div>
  );
});
