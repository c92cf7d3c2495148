// A column's value picker: every value the column shows, with how many guests have it; checked values filter
// the grid to exactly those rows. Counts are taken when the picker opens (one pass over the guests).
import { Button, Checkbox, Group, Paper, Text, UnstyledButton } from '@mantine/core';
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
    <Paper
      shadow="md"
      withBorder
      className="picker-menu"
      role="dialog"
      aria-label={`Show ${col.header}`}
      data-testid={`picker-menu-${col.id}`}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {values.map(([v, n]) => (
        <Checkbox
          key={v}
          size="xs"
          data-testid={`pick-${col.id}-${v}`}
          checked={chosen.includes(v)}
          onChange={(e) => toggle(v, e.currentTarget.checked)}
          label={
            <>
              {v}{' '}
              <Text span size="xs" c="dimmed">
                ({n})
              </Text>
            </>
          }
        />
      ))}
      {values.length === 0 && (
        <Text size="xs" c="dimmed">
          No guests yet
        </Text>
      )}
      <Group gap={6} mt={6} className="picker-actions">
        <Button
          size="compact-xs"
          variant="default"
          disabled={chosen.length === 0}
          onClick={() => setPrefs((p) => ({ ...p, picks: { ...p.picks, [col.id]: [] } }))}
        >
          Show all
        </Button>
        <Button size="compact-xs" variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Paper>
  );
}

export function GridPicker(props: Props) {
  const [open, setOpen] = useState(false);
  const active = (props.prefs.picks[props.col.id] ?? []).length;
  return (
    <span className="picker">
      <UnstyledButton
        className={`picker-button${active ? ' active' : ''}`}
        aria-label={`Pick ${props.col.header} values${active ? ` (${active} chosen)` : ''}`}
        aria-expanded={open}
        data-testid={`picker-${props.col.id}`}
        onClick={() => setOpen(!open)}
      >
        {active ? active : '▾'}
      </UnstyledButton>
      {open && <PickerMenu {...props} onClose={() => setOpen(false)} />}
    </span>
  );
}
