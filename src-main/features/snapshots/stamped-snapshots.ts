// Proxdeck's own time-stamped snapshots (safety snapshots, policy snapshots): unique names, newest-first order, and
// the delete steps that keep only the newest N of one kind.
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { SnapshotEntry } from '../../../src-shared/ipc/channels/snapshots.js';
import type { SnapshotItem } from '../../../src-shared/plans/diff.js';
import { callFor } from '../../../src-shared/plans/plan.js';
import { deleteSnapshot, type SnapshotList } from '../../pve/api/snapshots.js';
import { autoSnapName, guestVars, type PlanStep } from '../../plans/plan-types.js';

/** "<prefix>YYYYMMDD-HHMMSS"; a name already taken moves on by a second so two runs in one second never collide. */
export function stampedName(prefix: string, now: Date, list: SnapshotList): string {
  const taken = new Set(list.snapshots.map((s) => s.name));
  for (let t = now.getTime(); ; t += 1000) {
    const name = `${prefix}${autoSnapName(new Date(t)).slice('auto-'.length)}`;
    if (!taken.has(name)) return name;
  }
}

/** The snapshots whose name starts with the prefix, newest first (by time taken, then by name). */
export function newestFirst(list: SnapshotList, prefix: string): SnapshotEntry[] {
  return list.snapshots
    .filter((s) => s.name !== 'current' && s.name.startsWith(prefix))
    .sort((a, b) => (b.snaptime ?? 0) - (a.snaptime ?? 0) || b.name.localeCompare(a.name));
}

export const treeItems = (list: SnapshotList): SnapshotItem[] =>
  list.snapshots.map((s) => ({ name: s.name, ...(s.parent ? { parent: s.parent } : {}) }));

/** The tree after deleting some snapshots: PVE re-parents each child (and NOW) to the deleted one's parent. */
export function withoutSnapshots(items: readonly SnapshotItem[], names: readonly string[]): SnapshotItem[] {
  const gone = new Map(items.filter((s) => names.includes(s.name)).map((s) => [s.name, s.parent]));
  const parentOf = (p: string | undefined): string | undefined => {
    let q = p;
    while (q !== undefined && gone.has(q)) q = gone.get(q);
    return q;
  };
  return items
    .filter((s) => !gone.has(s.name))
    .map((s) => {
      if (s.parent === undefined || !gone.has(s.parent)) return s;
      const parent = parentOf(s.parent);
      return { name: s.name, ...(parent ? { parent } : { parent: '' }) };
    });
}

export function deleteStep(g: GuestRef, snapname: string): PlanStep {
  return {
    call: callFor('snapshot.delete', { ...guestVars(g), snapname }, {}, g.type),
    run: (c) => deleteSnapshot(c, g, snapname),
  };
}

/** Which of the prefix's snapshots go so that `keep` remain, counting `adding` new ones about to be taken. */
export function prunable(list: SnapshotList, prefix: string, keep: number, adding = 0): string[] {
  return newestFirst(list, prefix)
    .slice(Math.max(0, keep - adding))
    .map((s) => s.name)
    .reverse();
}
