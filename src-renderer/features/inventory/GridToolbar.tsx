// The grid's toolbar and header: free-text filter, group-by, column chooser, selection count, sortable headers
// and one filter box per column.
import { memo, useState } from 'react';
import type { GridPrefs } from './grid-prefs.js';
import { GROUP_BY, GUEST_COLUMNS, type GroupBy, type GuestColumn } from './guest-columns.js';

interface ToolbarProps {
  prefs: GridPrefs;
  setPrefs(update: (p: GridPrefs) => GridPrefs): void;
  shown: number;
  total: number;
  selected: number;
  onClearSelection(): void;
}

export const GridToolbar = memo(function GridToolbar({
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
      <div className="column-chooser">
        <button
          type="button"
          data-testid="grid-columns"
          aria-expanded={chooser}
          onClick={() => setChooser(!chooser)}
        >
          Columns
        </button>
        {chooser && (
          <div className="chooser-menu" role="menu">
            {GUEST_COLUMNS.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  data-testid={`column-toggle-${c.id}`}
                  checked={!prefs.hidden.includes(c.id)}
                  onChange={(e) =>
                    setPrefs((p) => ({
                      ...p,
                      hidden: e.target.checked ? p.hidden.filter((h) => h !== c.id) : [...p.hidden, c.id],
                    }))
                  }
                />{' '}
                {c.header}
              </label>
            ))}
          </div>
        )}
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

interface HeaderProps {
  columns: readonly GuestColumn[];
  template: string;
  prefs: GridPrefs;
  setPrefs(update: (p: GridPrefs) => GridPrefs): void;
  allSelected: boolean;
  onSelectAll(): void;
}

export const GridHeader = memo(function GridHeader({
  columns,
  template,
  prefs,
  setPrefs,
  allSelected,
  onSelectAll,
}: HeaderProps) {
  const sortOf = (id: string) => prefs.sorting.find((s) => s.id === id);
  const toggleSort = (id: string, multi: boolean) =>
    setPrefs((p) => {
      const cur = p.sorting.find((s) => s.id === id);
      const next = cur ? (cur.desc ? undefined : { id, desc: true }) : { id, desc: false };
      const others = multi ? p.sorting.filter((s) => s.id !== id) : [];
      return { ...p, sorting: next ? [...others, next].slice(-5) : others };
    });
  return (
    <div className="grid-head" role="rowgroup">
      <div className="grid-row header" role="row" style={{ gridTemplateColumns: template }}>
        <div className="grid-cell grid-check" role="columnheader">
          <input type="checkbox" aria-label="select all shown" checked={allSelected} onChange={onSelectAll} />
        </div>
        {columns.map((c) => {
          const s = sortOf(c.id);
          return (
            <div
              key={c.id}
              role="columnheader"
              aria-sort={s ? (s.desc ? 'descending' : 'ascending') : 'none'}
              className={`grid-cell sortable${c.align === 'right' ? ' num' : ''}`}
              data-testid={`header-${c.id}`}
              onClick={(e) => toggleSort(c.id, e.shiftKey)}
            >
              {c.header}
              {s ? (s.desc ? ' ▼' : ' ▲') : ''}
            </div>
          );
        })}
      </div>
      <div className="grid-row filters" role="row" style={{ gridTemplateColumns: template }}>
        <div className="grid-cell grid-check" role="gridcell" />
        {columns.map((c) => (
          <div key={c.id} className="grid-cell" role="gridcell">
            <input
              aria-label={`filter ${c.header}`}
              data-testid={`filter-${c.id}`}
              value={prefs.columnFilters[c.id] ?? ''}
              onChange={(e) =>
                setPrefs((p) => ({ ...p, columnFilters: { ...p.columnFilters, [c.id]: e.target.value } }))
              }
            />
          </div>
        ))}
      </div>
    </div>
  );
});
