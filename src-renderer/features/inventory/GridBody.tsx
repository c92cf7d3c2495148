// The grid's scrolling body: virtualised rows and group headers over the store's row index, fixed row height,
// rows positioned by transform, plus keyboard navigation. Scrolling re-renders this component only.
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { GuestRow } from './GuestRow.js';
import { useInventoryStore } from './inventory-store.js';
import type { GridLayout } from './useGridTable.js';
import type { Selection } from './useGridView.js';

export const ROW_HEIGHT = 28;

interface GridBodyProps {
  header: ReactNode;
  layout: GridLayout;
  selection: Selection;
  onOpen(key: string): void;
  onToggle(key: string): void;
  onMenu(key: string, anchor: HTMLElement): void;
}

const OVERSCAN = 6;

/**
 * Rows are keyed by screen slot (index modulo the most rows the window can hold), not by guest: the row that
 * scrolls out hands its DOM to the row scrolling in, so a scroll frame updates text instead of building rows.
 */
function slotCount(viewportPx: number): number {
  return Math.ceil(viewportPx / ROW_HEIGHT) + 2 + 2 * OVERSCAN;
}

export const GridBody = memo(function GridBody({
  header,
  layout,
  selection,
  onOpen,
  onToggle,
  onMenu,
}: GridBodyProps) {
  const items = useInventoryStore((s) => s.gridItems);
  const rowCount = useInventoryStore((s) => s.gridOrder.length);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState(0);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });

  const onRowClick = useCallback(
    (key: string, e: MouseEvent) => {
      if (e.ctrlKey || e.metaKey) onToggle(key);
      else onOpen(key);
    },
    [onOpen, onToggle],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const item = items[focus];
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 280) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: -items.length,
      End: items.length,
    };
    if (e.key in moves) {
      const next = Math.max(0, Math.min(items.length - 1, focus + moves[e.key]!));
      setFocus(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (e.key === 'ContextMenu' && typeof item === 'string') {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(item)}"]`);
      if (row) onMenu(item, row);
    } else if (e.key === 'Enter' && typeof item === 'string') onOpen(item);
    else if (e.key === ' ' && typeof item === 'string') onToggle(item);
    else return;
    e.preventDefault();
  };

  const virtualItems = virtualizer.getVirtualItems();
  const slots = Math.max(virtualItems.length, slotCount(virtualizer.scrollRect?.height ?? 0));
  return (
    <div
      className="grid-scroll"
      ref={scrollRef}
      role="grid"
      aria-rowcount={rowCount}
      tabIndex={0}
      data-testid="grid-scroll"
      onKeyDown={onKeyDown}
    >
      {header}
      <div className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth: layout.minWidth }}>
        {virtualItems.map((v) => {
          const item = items[v.index]!;
          if (typeof item !== 'string')
            return (
              <div
                key={v.index % slots}
                className={`grid-group${v.index === focus ? ' focused' : ''}`}
                data-testid="grid-group-row"
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
              >
                {item.label} <span className="muted">({item.count})</span>
              </div>
            );
          return (
            <GuestRow
              key={v.index % slots}
              rowKey={item}
              layout={layout}
              top={v.start}
              height={ROW_HEIGHT}
              selected={!!selection[item]}
              focused={v.index === focus}
              onClick={onRowClick}
              onToggle={onToggle}
              onMenu={onMenu}
            />
          );
        })}
      </div>
    </div>
  );
});
