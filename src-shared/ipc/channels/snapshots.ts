// Channels of snapshots: the list; creating, rolling back and deleting are plans.build actions (./plans.ts).
import { z } from 'zod';
import { request } from '../define.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const GuestArgs = z.object({ profileId: ProfileId, guest: GuestRef }).strict();

export const SnapshotEntry = z.object({
  name: z.string(),
  parent: z.string().optional(),
  snaptime: z.number().optional(),
  description: z.string(),
  vmstate: z.boolean(),
});
export type SnapshotEntry = z.infer<typeof SnapshotEntry>;

export const snapshotsRequests = {
  /** the snapshot list with "current" (NOW) and its digest */
  'snapshots.list': request(GuestArgs, z.object({ snapshots: z.array(SnapshotEntry), running: z.boolean() })),
} as const;

/** Safety snapshots Proxdeck takes before a rollback ("proxdeck-before-rollback-YYYYMMDD-HHMMSS"). */
export const SAFETY_PREFIX = 'proxdeck-before-rollback-';
export const isSafetySnapshot = (name: string): boolean => name.startsWith(SAFETY_PREFIX);
/** Said in a safety snapshot's description when the guest ran but no RAM was saved: undo starts it again. */
export const WAS_RUNNING_NOTE = '(guest was running)';
