// The grid's remembered view (prefs in localStorage) and selection; pushes the row-deciding part of the prefs
// into the store, which keeps the filtered/sorted index (grid-index.ts) in step with every delta.
import { useCallback, useLayoutEffect, useState } from 'react';
import { loadGridPrefs, saveGridPrefs, type GridPrefs } from './grid-prefs.js';
import { useInventoryStore } from './inventory-store.js';

/** Record key → selected. */
export type Selection = Readonly<Record<string, boolean>>;

export interface GridView {
  prefs: GridPrefs;
  setPrefs(update: (p: GridPrefs) => GridPrefs): void;
  selection: Selection;
  setSelection(update: (s: Selection) => Selection): void;
}

export function useGridView(): GridView {
  const [prefs, setPrefsState] = useState<GridPrefs>(() => loadGridPrefs());
  const [selection, setSelection] = useState<Selection>({});

  const setPrefs = useCallback(
    (update: (p: GridPrefs) => GridPrefs): void =>
      setPrefsState((old) => {
        const next = update(old);
        saveGridPrefs(next);
        return next;
      }),
    [],
  );

  const { sorting, globalFilter, columnFilters, picks, groupBy } = prefs;
  // A layout effect: the first paint already shows the remembered order, not the default one.
  useLayoutEffect(() => {
    useInventoryStore.getState().setGridQuery({ sorting, globalFilter, columnFilters, picks, groupBy });
  }, [sorting, globalFilter, columnFilters, picks, groupBy]);

  return { prefs, setPrefs, selection, setSelection };
}
