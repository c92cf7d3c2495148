// The grid's remembered view (sort, filters, grouping, visible columns), kept in localStorage and checked on read.
import { z } from 'zod';
import { DEFAULT_HIDDEN, GROUP_BY } from './guest-columns.js';

export const GridPrefs = z.object({
  sorting: z.array(z.object({ id: z.string(), desc: z.boolean() })).max(5),
  globalFilter: z.string().max(200),
  columnFilters: z.record(z.string(), z.string().max(200)),
  groupBy: z.enum(GROUP_BY),
  hidden: z.array(z.string()),
});
export type GridPrefs = z.infer<typeof GridPrefs>;

export const GRID_PREFS_KEY = 'proxdeck.inventory.grid.v1';

export const DEFAULT_PREFS: GridPrefs = {
  sorting: [{ id: 'vmid', desc: false }],
  globalFilter: '',
  columnFilters: {},
  groupBy: 'none',
  hidden: [...DEFAULT_HIDDEN],
};

export function loadGridPrefs(storage: Pick<Storage, 'getItem'> = localStorage): GridPrefs {
  try {
    const raw = storage.getItem(GRID_PREFS_KEY);
    if (!raw) return DEFAULT_PREFS;
    const parsed = GridPrefs.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : DEFAULT_PREFS;
  } catch {
    // Storage disabled or corrupt JSON: the defaults are a fine grid.
    return DEFAULT_PREFS;
  }
}

export function saveGridPrefs(prefs: GridPrefs, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(GRID_PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Quota or privacy mode: the view still works, it just is not remembered.
  }
}
