// The grid's remembered view (sort, filters, pickers, grouping, and the column chooser: visibility, order,
// pinning, widths), kept in localStorage and checked with zod on read; a bad or old entry falls back safely.
import { z } from 'zod';
import { DEFAULT_HIDDEN, GROUP_BY } from './guest-columns.js';

const Id = z.string().max(64);

export const GridPrefs = z.object({
  sorting: z.array(z.object({ id: Id, desc: z.boolean() })).max(5),
  globalFilter: z.string().max(200),
  columnFilters: z.record(Id, z.string().max(200)),
  picks: z.record(Id, z.array(z.string().max(200)).max(1000)).default({}),
  groupBy: z.enum(GROUP_BY),
  /** only the user's own choices; a column without one follows its default (see columnShown) */
  visibility: z.record(Id, z.boolean()).default({}),
  order: z.array(Id).max(64).default([]),
  pinning: z
    .object({ left: z.array(Id).max(64), right: z.array(Id).max(64) })
    .default({ left: [], right: [] }),
  sizing: z.record(Id, z.number().min(20).max(2000)).default({}),
});
export type GridPrefs = z.infer<typeof GridPrefs>;

export const GRID_PREFS_KEY = 'proxdeck.inventory.grid.v2';
/** The first version kept a `hidden` list; its other fields read as they are. */
const V1_KEY = 'proxdeck.inventory.grid.v1';
const V1 = GridPrefs.omit({ visibility: true }).extend({ hidden: z.array(Id).max(64) });

export const DEFAULT_PREFS: GridPrefs = {
  sorting: [{ id: 'vmid', desc: false }],
  globalFilter: '',
  columnFilters: {},
  picks: {},
  groupBy: 'none',
  visibility: {},
  order: [],
  pinning: { left: [], right: [] },
  sizing: {},
};

/** Whether a column shows: the user's choice, else its default (Cluster: when more than one cluster is connected). */
export function columnShown(visibility: GridPrefs['visibility'], id: string, clusterCount: number): boolean {
  const chosen = visibility[id];
  if (chosen !== undefined) return chosen;
  if (id === 'cluster') return clusterCount > 1;
  return !DEFAULT_HIDDEN.includes(id);
}

function parse(raw: string | null): GridPrefs | undefined {
  if (!raw) return undefined;
  const parsed = GridPrefs.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
}

function parseV1(raw: string | null): GridPrefs | undefined {
  if (!raw) return undefined;
  const parsed = V1.safeParse(JSON.parse(raw));
  if (!parsed.success) return undefined;
  const { hidden, ...rest } = parsed.data;
  const visibility = Object.fromEntries(
    hidden.filter((h) => !DEFAULT_HIDDEN.includes(h)).map((h) => [h, false]),
  );
  return { ...rest, visibility };
}

export function loadGridPrefs(storage: Pick<Storage, 'getItem'> = localStorage): GridPrefs {
  try {
    return parse(storage.getItem(GRID_PREFS_KEY)) ?? parseV1(storage.getItem(V1_KEY)) ?? DEFAULT_PREFS;
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
