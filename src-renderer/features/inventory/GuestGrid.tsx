// The VM/CT grid: toolbar, header (react-table's column model), multi-select, row menu and the virtualised body.
// The rows and their order come from the store's index (grid-index.ts), so 10,000 guests cost only the rows on
// screen.
import { memo, useCallback, useMemo, useState } from 'react';
import { GridBody } from './GridBody.js';
import { GridHeader } from './GridHeader.js';
import { GridToolbar } from './GridToolbar.js';
import { useInventoryStore } from './inventory-store.js';
import { countRender } from './render-count.js';
import { RowMenu, type RowMenuTarget } from './RowMenu.js';
import { useGridTable } from './useGridTable.js';
import { useGridView } from './useGridView.js';
import { SelectionPowerBar } from '../guest-config/BulkPowerBar.js';

/** Memoised so scrolling and unrelated grid state do not re-render the bulk bar. */
const SelectionBar = memo(SelectionPowerBar);

export function GuestGrid({ onOpen }: { onOpen(key: string): void }) {
  const { prefs, setPrefs, selection, setSelection } = useGridView();
  const order = useInventoryStore((s) => s.gridOrder);
  const total = useInventoryStore((s) => s.guestKeys.length);
  const clusterCount = useInventoryStore((s) => Object.keys(s.clusters).length);
  const { table, layout } = useGridTable(prefs, setPrefs, clusterCount);
  const [menu, setMenu] = useState<RowMenuTarget>();
  countRender('grid');

  const toggle = useCallback(
    (key: string) => setSelection((s) => ({ ...s, [key]: !s[key] })),
    [setSelection],
  );
  const selectOnly = useCallback((key: string) => setSelection(() => ({ [key]: true })), [setSelection]);
  const selectedCount = useMemo(() => Object.values(selection).filter(Boolean).length, [selection]);
  const allSelected = useMemo(() => order.length > 0 && order.every((k) => selection[k]), [order, selection]);
  const selectAll = useCallback(
    () => setSelection(() => (allSelected ? {} : Object.fromEntries(order.map((k) => [k, true])))),
    [allSelected, order, setSelection],
  );
  const clearSelection = useCallback(() => setSelection(() => ({})), [setSelection]);
  const openMenu = useCallback((key: string, anchor: HTMLElement) => setMenu({ key, anchor }), []);
  const closeMenu = useCallback(() => setMenu(undefined), []);

  const header = (
    <GridHeader
      table={table}
      layout={layout}
      prefs={prefs}
      setPrefs={setPrefs}
      allSelected={allSelected}
      onSelectAll={selectAll}
    />
  );
  return (
    <div className="guest-grid" data-testid="guest-grid">
      <GridToolbar
        table={table}
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
        layout={layout}
        selection={selection}
        onOpen={onOpen}
        onToggle={toggle}
        onMenu={openMenu}
      />
      {menu && (
        <RowMenu
          target={menu}
          selected={!!selection[menu.key]}
          onOpen={onOpen}
          onToggle={toggle}
          onSelectOnly={selectOnly}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}
