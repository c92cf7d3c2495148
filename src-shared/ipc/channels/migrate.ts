// Channels for migrate: what a migration of one guest may do, and the migrate action (built as a plan).
import { z } from 'zod';
import { request } from '../define.js';
import { PveNode, PveStorageId } from '../../model/pve-formats.js';
import { GuestRef } from './plans.js';
import { Plan } from '../../plans/plan.js';

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
const BridgeId = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{0,20}$/);

/** a guest to another connected cluster (PVE's remote_migrate); the target token's secret is read in main only */
export const RemoteMigrateInput = z
  .object({
    ...Profile,
    guest: GuestRef,
    targetProfileId: ProfileId,
    /** source storage -> target storage, for every storage the guest's disks use */
    storageMap: z.record(StorageId, StorageId),
    /** source bridge -> target bridge, for every bridge the guest's NICs use */
    bridgeMap: z.record(BridgeId, BridgeId),
    targetVmid: z.number().int().min(100).max(999_999_999).optional(),
    deleteSource: z.boolean().default(false),
  })
  .strict();
export type RemoteMigrateInput = z.output<typeof RemoteMigrateInput>;

export const RemoteMigrateInfo = z.object({
  running: z.boolean(),
  name: z.string(),
  sourceStorages: z.array(z.string()),
  sourceBridges: z.array(z.string()),
  targetNode: z.string(),
  targetStorages: z.array(z.string()),
  targetBridges: z.array(z.string()),
  /** the vmid is already taken on the target cluster */
  vmidTaken: z.boolean(),
  /** the target profile signs in with an API token (remote migration needs one) */
  targetHasToken: z.boolean(),
});
export type RemoteMigrateInfo = z.infer<typeof RemoteMigrateInfo>;

export const migrateRequests = {
  'operations.migrateInfo': request(z.object({ ...Profile, guest: GuestRef }).strict(), MigrateInfoView),
  'migrate.remoteInfo': request(
    z.object({ ...Profile, guest: GuestRef, targetProfileId: ProfileId }).strict(),
    RemoteMigrateInfo,
  ),
  'migrate.remotePlan': request(RemoteMigrateInput, Plan),
} as const;
