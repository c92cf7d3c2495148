// A column's value picker: every value the column shows, with how many guests have it; checked values filter
// the grid to exactly those rows. Counts are taken when the picker opens (one pass over the guests).
import { useMemo, useState } from 'react';
import type { GridPrefs } from './grid-prefs.js';
import type { GridGuest, GuestColumn } from './guest-columns.js';
import { useInventoryStore } from './inventory-store.js';

interface Props {
  col: GuestColumn;
  prefs: GridPrefs;
  setPrefs(update: (p: GridPrefs) => GridPrefs): void;
}

function countValues(pick: (g: GridGuest) => string): [string, number][] {
  const { guestKeys, records } = useInventoryStore.getState();
  const counts = new Map<string, number>();
  for (const key of guestKeys) {
    const g = records.get(key);
    if (g?.kind !== 'guest') continue;
    const v = pick(g);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0].localeCompare(b[0]));
}

function PickerMenu({ col, prefs, setPrefs, onClose }: Props & { onClose(): void }) {
  const pick = col.pick!;
  const values = useMemo(() => countValues(pick), [pick]);
  const chosen = prefs.picks[col.id] ?? [];
  const toggle = (v: string, on: boolean) =>
    setPrefs((p) => {
      const cur = p.picks[col.id] ?? [];
      const next = on ? [...cur, v] : cur.filter((x) => x !== v);
      return { ...p, picks: { ...p.picks, [col.id]: next } };
    });
  return (
    <div
      className="picker-menu"
      role="dialog"
      aria-label={`Show ${col.header}`}
      data-testid={`picker-menu-${col.id}`}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {values.map(([v, n]) => (
        <label key={v}>
          <input
            type="checkbox"
            data-testid={`pick-${col.id}-${v}`}
            checked={chosen.includes(v)}
            onChange={(e) => toggle(v, e.target.checked)}
          />{' '}
          {v} <span className="muted">({n})</span>
        </label>
      ))}
      {values.length === 0 && <span className="muted">No guests yet</span>}
      <div className="picker-actions">
        <button
          type="button"
          disabled={chosen.length === 0}
          onClick={() => setPrefs((p) => ({ ...p, picks: { ...p.picks, [col.id]: [] } }))}
        >
          Show all
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

export function GridPicker(props: Props) {
  const [open, setOpen] = useState(false);
  const active = (props.prefs.picks[props.col.id] ?? []).length;
  return (
    <span className="picker">
      <button
        type="button"
        className={`picker-button${active ? ' active' : ''}`}
        aria-label={`Pick ${props.col.header} values${active ? ` (${active} chosen)` : ''}`}
        aria-expanded={open}
        data-testid={`picker-${props.col.id}`}
        onClick={() => setOpen(!open)}
      >
        {active ? active : '▾'}
      </button>
      {open && <PickerMenu {...props} onClose={() => setOpen(false)} />}
    </span>
  );
}
