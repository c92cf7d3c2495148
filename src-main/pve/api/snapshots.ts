// Guest snapshots: list (with "current" = NOW), create, rollback, delete, and a snapshot's frozen config.
import { z } from 'zod';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { SnapshotEntry } from '../../../src-shared/ipc/channels/snapshots.js';
import { pveBool, pveGet, pveInt, pvePath, pveSend, type PveCaller } from './caller.js';
import { Upid, guestPath } from './guests.js';

const SnapshotItem = z.object({
  name: z.string(),
  parent: z.string().optional(),
  snaptime: pveInt.optional(),
  description: z.string().optional(),
  vmstate: pveBool.optional(),
  running: pveBool.optional(),
  digest: z.string().optional(),
});

export interface SnapshotList {
  /** every snapshot plus the "current" entry PVE lists last */
  snapshots: SnapshotEntry[];
  /** the current state's parent: the latest snapshot taken or rolled back to */
  latest?: string;
  running: boolean;
}

export async function listSnapshots(c: PveCaller, g: GuestRef): Promise<SnapshotList> {
  const items = await pveGet(c, guestPath(g, '/snapshot'), z.array(SnapshotItem));
  const current = items.find((s) => s.name === 'current');
  const snapshots = items.map((s): SnapshotEntry => ({
    name: s.name,
    ...(s.parent ? { parent: s.parent } : {}),
    ...(s.snaptime !== undefined ? { snaptime: s.snaptime } : {}),
    description: s.description ?? '',
    vmstate: s.vmstate ?? false,
  }));
  return {
    snapshots,
    ...(current?.parent ? { latest: current.parent } : {}),
    running: current?.running ?? false,
  };
}

export function createSnapshot(
  c: PveCaller,
  g: GuestRef,
  opts: { snapname: string; description?: string; vmstate?: boolean },
): Promise<string> {
  return pveSend(c, 'POST', guestPath(g, '/snapshot'), Upid, {
    snapname: opts.snapname,
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.vmstate && g.type === 'qemu' ? { vmstate: true } : {}),
  });
}

export function rollbackSnapshot(
  c: PveCaller,
  g: GuestRef,
  snapname: string,
  opts: { start?: boolean } = {},
): Promise<string> {
  return pveSend(
    c,
    'POST',
    guestPath(g, pvePath`/snapshot/${snapname}/rollback`),
    Upid,
    opts.start ? { start: true } : undefined,
  );
}

export function deleteSnapshot(c: PveCaller, g: GuestRef, snapname: string): Promise<string> {
  return pveSend(c, 'DELETE', guestPath(g, pvePath`/snapshot/${snapname}`), Upid);
}

/** The config frozen in a snapshot (what a rollback restores). */
export function getSnapshotConfig(
  c: PveCaller,
  g: GuestRef,
  snapname: string,
): Promise<Record<string, string>> {
  const Conf = z.record(z.string(), z.union([z.string(), z.number()])).transform((r) =>
    Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => !['digest', 'snaptime', 'parent', 'vmstate', 'description'].includes(k))
        .map(([k, v]) => [k, String(v)]),
    ),
  );
  return pveGet(c, guestPath(g, pvePath`/snapshot/${snapname}/config`), Conf);
}
