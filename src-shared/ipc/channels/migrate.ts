// Channels for migrate: what a migration of one guest may do, and the migrate action (built as a plan).
import { z } from 'zod';
import { request } from '../define.js';
import { PveNode, PveStorageId } from '../../model/pve-formats.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;
const StorageId = PveStorageId;

/** the migrate feature's operations.build action (joined in ./operations.ts) */
export const migrateActions = [
  z
    .object({
      kind: z.literal('migrate'),
      guest: GuestRef,
      target: NodeName,
      targetStorage: StorageId.optional(),
    })
    .strict(),
] as const;

export const MigrateInfoView = z.object({
  running: z.boolean(),
  haManaged: z.boolean(),
  haState: z.string().optional(),
  mode: z.enum(['online', 'offline', 'restart', 'ha']),
  nodes: z.array(z.object({ node: z.string(), allowed: z.boolean(), reason: z.string().optional() })),
  localDisks: z.array(z.string()),
  localResources: z.array(z.string()),
});
export type MigrateInfoView = z.infer<typeof MigrateInfoView>;

const Profile = { profileId: ProfileId };

export const migrateRequests = {
  'operations.migrateInfo': request(z.object({ ...Profile, guest: GuestRef }).strict(), MigrateInfoView),
} as const;
