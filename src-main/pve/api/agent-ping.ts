// QEMU guest agent ping: answers once the agent inside a running VM responds (used by restore verification).
import { z } from 'zod';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { pveSend, type PveCaller } from './caller.js';
import { guestPath } from './guests.js';

export async function pingAgent(c: PveCaller, g: GuestRef): Promise<void> {
  await pveSend(c, 'POST', guestPath(g, '/agent/ping'), z.unknown());
}
