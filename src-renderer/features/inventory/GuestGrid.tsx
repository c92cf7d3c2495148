// The VM/CT grid: toolbar, sortable/filterable header, multi-select and the virtualised body. The rows and their
// order come from the store's index (grid-index.ts), so 10,000 guests cost only the rows on screen.
import { memo, useCallback, useMemo } from 'react';
import { GridBody } from './GridBody.js';
import { GridHeader, GridToolbar } from './GridToolbar.js';
import { GUEST_COLUMNS } from './guest-columns.js';
import { useInventoryStore } from './inventory-store.js';
import { countRender } from './render-count.js';
import { useGridView } from './useGridView.js';
import { SelectionPowerBar } from '../guest-config/BulkPowerBar.js';

/** Memoised so scrolling and unrelated grid state do not re-render the bulk bar. */
const SelectionBar = memo(SelectionPowerBar);

export function GuestGrid({ onOpen }: { onOpen(key: string): void }) {
  const { prefs, setPrefs, selection, setSelection } = useGridView();
  const order = useInventoryStore((s) => s.gridOrder);
  const total = useInventoryStore((s) => s.guestKeys.length);
  countRender('grid');

  const columns = useMemo(() => GUEST_COLUMNS.filter((c) => !prefs.hidden.includes(c.id)), [prefs.hidden]);
  const template = useMemo(() => ['32px', ...columns.map((c) => c.width)].join(' '), [columns]);

  const toggle = useCallback(
    (key: string) => setSelection((s) => ({ ...s, [key]: !s[key] })),
    [setSelection],
  );
  const selectedCount = useMemo(() => Object.values(selection).filter(Boolean).length, [selection]);
  const allSelected = useMemo(() => order.length > 0 && order.every((k) => selection[k]), [order, selection]);
  const selectAll = useCallback(
    () => setSelection(() => (allSelected ? {} : Object.fromEntries(order.map((k) => [k, true])))),
    [allSelected, order, setSelection],
  );
  const clearSelection = useCallback(() => setSelection(() => ({})), [setSelection]);

  const header = (
    <GridHeader
      columns={columns}
      template={template}
      prefs={prefs}
      setPrefs={setPrefs}
      allSelected={allSelected}
      onSelectAll={selectAll}
    />
  );
  return (
    <div className="guest-grid" data-testid="guest-grid">
      <GridToolbar
        prefs={prefs}
        setPrefs={setPrefs}
        shown={order.length}
        total={total}
        selected={selectedCount}
        onClearSelection={clearSelection}
      />
      <SelectionBar selection={selection} />
      <GridBody
        header={header}
        columns={columns}
        template={template}
        selection={selection}
        onOpen={onOpen}
        onToggle={toggle}
      />
    </div>
  );
}
