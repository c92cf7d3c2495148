// The VM/CT grid: virtualised rows (10,000 stay smooth), sort, filters, grouping, column chooser,
// multi-select and keyboard navigation (arrows move, Space selects, Enter opens).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { GridHeader, GridToolbar } from './GridToolbar.js';
import { GuestRow } from './GuestRow.js';
import { GUEST_COLUMNS } from './guest-columns.js';
import { useInventoryStore } from './inventory-store.js';
import { countRender } from './render-count.js';
import { useGuestTable } from './useGuestTable.js';
import { SelectionPowerBar } from '../guest-actions/BulkPowerBar.js';

export const ROW_HEIGHT = 28;

export function GuestGrid({ onOpen }: { onOpen(key: string): void }) {
  const { table, items, prefs, setPrefs, selection, setSelection } = useGuestTable();
  const total = useInventoryStore((s) => s.guestKeys.length);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(0);
  countRender('grid');

  const columns = useMemo(() => GUEST_COLUMNS.filter((c) => !prefs.hidden.includes(c.id)), [prefs.hidden]);
  const template = useMemo(() => ['32px', ...columns.map((c) => c.width)].join(' '), [columns]);
  const rowKeys = useMemo(() => items.flatMap((i) => (i.kind === 'row' ? [i.key] : [])), [items]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const toggle = useCallback(
    (key: string) => setSelection({ ...table.getState().rowSelection, [key]: !table.getState().rowSelection[key] }),
    [setSelection, table],
  );
  const onRowClick = useCallback(
    (key: string, e: MouseEvent) => {
      if (e.ctrlKey || e.metaKey) toggle(key);
      else onOpen(key);
    },
    [onOpen, toggle],
  );

  const move = (delta: number) => {
    const next = Math.max(0, Math.min(items.length - 1, focus + delta));
    setFocus(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const item = items[focus];
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 280) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -items.length, End: items.length };
    if (e.key in moves) move(moves[e.key]!);
    else if (e.key === 'Enter' && item?.kind === 'row') onOpen(item.key);
    else if (e.key === ' ' && item?.kind === 'row') toggle(item.key);
    else return;
    e.preventDefault();
  };

  const selectedCount = Object.values(selection).filter(Boolean).length;
  const allSelected = rowKeys.length > 0 && rowKeys.every((k) => selection[k]);
  const selectAll = useCallback(
    () => setSelection(allSelected ? {} : Object.fromEntries(rowKeys.map((k) => [k, true]))),
    [allSelected, rowKeys, setSelection],
  );
  const clearSelection = useCallback(() => setSelection({}), [setSelection]);

  return (
    <div className="guest-grid" data-testid="guest-grid">
      <GridToolbar
        prefs={prefs}
        setPrefs={setPrefs}
        shown={rowKeys.length}
        total={total}
        selected={selectedCount}
        onClearSelection={clearSelection}
      />
      <SelectionPowerBar selection={selection} />
      <div
        className="grid-scroll"
        ref={scrollRef}
        role="grid"
        aria-rowcount={rowKeys.length}
        tabIndex={0}
        data-testid="grid-scroll"
        onKeyDown={onKeyDown}
      >
        <GridHeader columns={columns} template={template} prefs={prefs} setPrefs={setPrefs} allSelected={allSelected} onSelectAll={selectAll} />
        <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index]!;
            if (item.kind === 'group')
              return (
                <div key={`g:${item.label}`} className={`grid-group${v.index === focus ? ' focused' : ''}`} data-testid="grid-group-row" style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
                  {item.label} <span className="muted">({item.count})</span>
                </div>
              );
            return (
              <GuestRow
                key={`${v.index}:${item.key}`}
                rowKey={item.key}
                columns={columns}
                template={template}
                top={v.start}
                height={ROW_HEIGHT}
                selected={!!selection[item.key]}
                focused={v.index === focus}
                onClick={onRowClick}
                onToggle={toggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
