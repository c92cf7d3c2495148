// Guest lifecycle: create a new VM or container, destroy one (with its volumes).
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';
import { Upid, guestPath } from './guests.js';

export function createGuest(
  c: PveCaller,
  node: string,
  type: GuestRef['type'],
  params: PveParams,
): Promise<string> {
  return pveSend(c, 'POST', pvePath`/nodes/${node}/${type}`, Upid, params);
}

/** purge removes the guest from jobs, HA and replication as well. */
export function destroyGuest(
  c: PveCaller,
  g: GuestRef,
  params: PveParams = { purge: true },
): Promise<string> {
  return pveSend(c, 'DELETE', guestPath(g, ''), Upid, params);
}
