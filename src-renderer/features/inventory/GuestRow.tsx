// One grid row: subscribes to its own record, so a delta for another guest never re-renders it.
import { memo, type MouseEvent } from 'react';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import type { GuestColumn } from './guest-columns.js';
import { useRecord } from './inventory-store.js';
import { countRender } from './render-count.js';

export interface GuestRowProps {
  rowKey: string;
  columns: readonly GuestColumn[];
  template: string;
  top: number;
  height: number;
  selected: boolean;
  focused: boolean;
  onClick(key: string, e: MouseEvent): void;
  onToggle(key: string): void;
}

export const GuestRow = memo(function GuestRow(p: GuestRowProps) {
  const g = useRecord<GuestRecord>(p.rowKey);
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
      style={{ transform: `translateY(${p.top}px)`, height: p.height, gridTemplateColumns: p.template }}
      onClick={(e) => p.onClick(p.rowKey, e)}
    >
      <div role="gridcell" className="grid-cell grid-check">
        <input
          type="checkbox"
          aria-label={`select ${g.name}`}
          checked={p.selected}
          onClick={(e) => e.stopPropagation()}
          onChange={() => p.onToggle(p.rowKey)}
        />
      </div>
      {p.columns.map((c) => (
        <div
          key={c.id}
          role="gridcell"
          className={`grid-cell${c.align === 'right' ? ' num' : ''}`}
          data-col={c.id}
        >
          {c.cell(g)}
        </div>
      ))}
    </div>
  );
});
