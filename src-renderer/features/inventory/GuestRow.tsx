// One grid row: subscribes to its own record, so a delta for another guest never re-renders it.
import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { GridGuest } from './guest-columns.js';
import { useRecord } from './inventory-store.js';
import { countRender } from './render-count.js';
import type { GridLayout, LaidColumn } from './useGridTable.js';

export interface GuestRowProps {
  rowKey: string;
  layout: GridLayout;
  top: number;
  height: number;
  selected: boolean;
  focused: boolean;
  onClick(key: string, e: MouseEvent): void;
  onToggle(key: string): void;
  onMenu(key: string, anchor: HTMLElement): void;
}

/** Sticky placement of a pinned cell (header, filter and body rows share it). */
export function pinStyle(c: Pick<LaidColumn, 'pin' | 'offset'>): CSSProperties | undefined {
  if (c.pin === 'left') return { left: c.offset };
  if (c.pin === 'right') return { right: c.offset };
  return undefined;
}

export const pinClass = (c: Pick<LaidColumn, 'pin'>): string => (c.pin ? ` pin-${c.pin}` : '');

export const GuestRow = memo(function GuestRow(p: GuestRowProps) {
  const g = useRecord<GridGuest>(p.rowKey);
  countRender('row');
  if (!g) return null;
  return (
    <div
      role="row"
      className={`grid-row${p.selected ? ' selected' : ''}${p.focused ? ' focused' : ''}`}
      aria-selected={p.selected}
      data-testid="guest-row"
      data-key={p.rowKey}
      data-vmid={g.vmid}
      style={{
        transform: `translateY(${p.top}px)`,
        height: p.height,
        gridTemplateColumns: p.layout.template,
        minWidth: p.layout.minWidth,
      }}
      onClick={(e) => p.onClick(p.rowKey, e)}
    >
      <div role="gridcell" className={`grid-cell grid-check${pinClass({ pin: p.layout.sticky && 'left' })}`}>
        <input
          type="checkbox"
          aria-label={`select ${g.name}`}
          checked={p.selected}
          onClick={(e) => e.stopPropagation()}
          onChange={() => p.onToggle(p.rowKey)}
        />
      </div>
      {p.layout.columns.map((c) => (
        <div
          key={c.col.id}
          role="gridcell"
          className={`grid-cell${c.col.align === 'right' ? ' num' : ''}${pinClass(c)}`}
          style={pinStyle(c)}
          data-col={c.col.id}
        >
          {c.col.cell(g)}
        </div>
      ))}
      <div
        role="gridcell"
        className={`grid-cell grid-actions${pinClass({ pin: p.layout.sticky && 'right' })}`}
      >
        <button
          type="button"
          className="row-menu-button"
          aria-label={`Actions for ${g.name}`}
          aria-haspopup="menu"
          data-testid="row-menu-button"
          onClick={(e) => {
            e.stopPropagation();
            p.onMenu(p.rowKey, e.currentTarget);
          }}
        >
          ⋯
        </button>
      </div>
    </div>
  );
});
