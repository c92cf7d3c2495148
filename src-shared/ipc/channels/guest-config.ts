// Channels of a guest's configuration: pending changes; power and config edits are plans.build actions (./plans.ts).
import { z } from 'zod';
import { request } from '../define.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const GuestArgs = z.object({ profileId: ProfileId, guest: GuestRef }).strict();

export const PendingEntry = z.object({
  key: z.string(),
  value: z.string().optional(),
  pending: z.string().optional(),
  delete: z.boolean(),
});
export type PendingEntry = z.infer<typeof PendingEntry>;

export const guestConfigRequests = {
  /** config keys with current and pending values (PVE's /pending) */
  'guests.pending': request(GuestArgs, z.object({ entries: z.array(PendingEntry) })),
} as const;
