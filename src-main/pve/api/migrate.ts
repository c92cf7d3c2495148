// Guest migration: qemu's precondition read (local disks, allowed nodes) and the migrate call for both guest types.
import { z } from 'zod';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { pveBool, pveGet, pveSend, type PveCaller, type PveParams } from './caller.js';
import { Upid, guestPath } from './guests.js';

const LocalDisk = z.looseObject({
  volid: z.string(),
  drivename: z.string().optional(),
  cdrom: pveBool.optional(),
  is_unused: pveBool.optional(),
});

const MigrateInfo = z
  .looseObject({
    running: pveBool.optional(),
    allowed_nodes: z.array(z.string()).optional(),
    not_allowed_nodes: z.record(z.string(), z.unknown()).optional(),
    local_disks: z.array(LocalDisk).optional(),
    local_resources: z.array(z.string()).optional(),
  })
  .transform((m) => ({
    running: m.running ?? false,
    allowedNodes: m.allowed_nodes ?? [],
    notAllowed: Object.entries(m.not_allowed_nodes ?? {}).map(([node, why]) => ({
      node,
      reason:
        typeof why === 'object' && why !== null && 'reason' in why
          ? String((why as { reason: unknown }).reason)
          : 'not allowed',
    })),
    localDisks: (m.local_disks ?? []).filter((d) => !d.cdrom).map((d) => `${d.drivename ?? '?'}: ${d.volid}`),
    localResources: m.local_resources ?? [],
  }));
export type MigrateInfo = z.output<typeof MigrateInfo>;

/** qemu only: PVE has no such read for containers. */
export function getMigrateInfo(c: PveCaller, g: GuestRef, target?: string): Promise<MigrateInfo> {
  return pveGet(c, guestPath(g, '/migrate'), MigrateInfo, target ? { target } : undefined);
}

export function migrateGuest(c: PveCaller, g: GuestRef, params: PveParams): Promise<string> {
  return pveSend(c, 'POST', guestPath(g, '/migrate'), Upid, params);
}

/** PVE 9: migrate the listed guests to one target, at most max-workers at a time, in one task. */
export function bulkMigrate(c: PveCaller, params: PveParams): Promise<string> {
  return pveSend(c, 'POST', '/cluster/bulk-action/guest/migrate', Upid, params);
}

/** migrate to another cluster: the source cluster calls the target endpoint (its API token included) itself */
export function remoteMigrateGuest(c: PveCaller, g: GuestRef, params: PveParams): Promise<string> {
  return pveSend(c, 'POST', guestPath(g, '/remote_migrate'), Upid, params);
}
