// Guest clone (full or linked, from a template or a guest) for qemu and lxc.
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { pveSend, type PveCaller, type PveParams } from './caller.js';
import { Upid, guestPath } from './guests.js';

export function cloneGuest(c: PveCaller, g: GuestRef, params: PveParams): Promise<string> {
  return pveSend(c, 'POST', guestPath(g, '/clone'), Upid, params);
}
