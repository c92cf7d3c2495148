// Channels for backups: the backup list, storages, backup jobs, restore and its verification report (built as plans).
import { z } from 'zod';
import { request } from '../define.js';
import { PveNode, PvePoolId, PveStorageId, PveVmid } from '../../model/pve-formats.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const PlanId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const NodeName = PveNode;
const StorageId = PveStorageId;
const Vmid = PveVmid;
/** <storage>:backup/<file> or a PBS backup path */
const Volid = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]*:[^\s]{1,400}$/);
const PoolId = PvePoolId;

export const BackupMode = z.enum(['snapshot', 'suspend', 'stop']);
export const Compress = z.enum(['0', 'gzip', 'lzo', 'zstd']);

const BackupJobFields = z
  .object({
    schedule: z.string().min(1).max(128),
    storage: StorageId,
    mode: BackupMode,
    compress: Compress,
    /** either all guests, a list of vmids, or a pool */
    selection: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all'), exclude: z.array(Vmid).max(1000).optional() }),
      z.object({ kind: z.literal('vmids'), vmids: z.array(Vmid).min(1).max(1000) }),
      z.object({ kind: z.literal('pool'), pool: PoolId }),
    ]),
    node: NodeName.optional(),
    enabled: z.boolean(),
    comment: z.string().max(512).optional(),
    notesTemplate: z.string().max(1024).optional(),
  })
  .strict();
export type BackupJobFields = z.infer<typeof BackupJobFields>;

/** the backups feature's operations.build actions (joined in ./operations.ts) */
export const backupActions = [
  z
    .object({
      kind: z.literal('backup.run'),
      guest: GuestRef,
      storage: StorageId,
      mode: BackupMode,
      compress: Compress,
      notes: z.string().max(1024).optional(),
      protected: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('backup.restore'),
      /** the node the restore runs on (must see the archive's storage) */
      node: NodeName,
      type: z.enum(['qemu', 'lxc']),
      volid: Volid,
      /** new: a fresh vmid (default: /cluster/nextid) with unique MACs; overwrite: replaces the existing guest */
      target: z.discriminatedUnion('mode', [
        z.object({ mode: z.literal('new'), vmid: Vmid.optional() }),
        z.object({ mode: z.literal('overwrite'), vmid: Vmid }),
      ]),
      storage: StorageId.optional(),
      start: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('backup.verify'),
      node: NodeName,
      type: z.enum(['qemu', 'lxc']),
      volid: Volid,
      storage: StorageId.optional(),
      /** how long to wait for the guest to run (and its agent to answer) */
      timeoutSec: z.number().int().min(5).max(3600).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('backup.delete'), node: NodeName, volid: Volid }).strict(),
  z
    .object({
      kind: z.literal('backupjob.create'),
      id: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_-]{2,63}$/)
        .optional(),
      job: BackupJobFields,
    })
    .strict(),
  z
    .object({ kind: z.literal('backupjob.update'), id: z.string().min(1).max(64), job: BackupJobFields })
    .strict(),
  z.object({ kind: z.literal('backupjob.delete'), id: z.string().min(1).max(64) }).strict(),
] as const;

export const BackupEntry = z.object({
  volid: z.string(),
  node: z.string(),
  storage: z.string(),
  vmid: z.number().optional(),
  type: z.enum(['qemu', 'lxc']).optional(),
  format: z.string(),
  size: z.number(),
  ctime: z.number(),
  notes: z.string().optional(),
  protected: z.boolean(),
  /** PBS verification state where PVE reports it */
  verification: z.string().optional(),
  /** PBS: the archive is encrypted */
  encrypted: z.boolean().optional(),
  /** the latest restore verification Proxdeck ran of this archive (kept across restarts) */
  verified: z.object({ state: z.enum(['pass', 'fail']), time: z.string() }).optional(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

export const StorageInfo = z.object({
  storage: z.string(),
  type: z.string(),
  content: z.array(z.string()),
  shared: z.boolean(),
  total: z.number(),
  used: z.number(),
  avail: z.number(),
});
export type StorageInfo = z.infer<typeof StorageInfo>;

export const BackupJobView = z.object({
  id: z.string(),
  schedule: z.string(),
  enabled: z.boolean(),
  nextRun: z.number().optional(),
  storage: z.string(),
  mode: z.string(),
  compress: z.string(),
  selection: z.string(),
  node: z.string().optional(),
  comment: z.string().optional(),
});
export type BackupJobView = z.infer<typeof BackupJobView>;

export const VerifyReport = z.object({
  planId: z.string(),
  state: z.enum(['pending', 'running', 'pass', 'fail']),
  scratchVmid: z.number(),
  volid: z.string(),
  /** milliseconds per phase: restore, start, running, agent */
  timings: z.record(z.string(), z.number()),
  agentChecked: z.boolean(),
  detail: z.string().optional(),
  cleanedUp: z.boolean(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

const Profile = { profileId: ProfileId };

export const backupsRequests = {
  /** backups across every storage with backup content the identity can see; vmid narrows to one guest */
  'operations.backups': request(
    z.object({ ...Profile, vmid: Vmid.optional() }).strict(),
    z.object({ backups: z.array(BackupEntry) }),
  ),
  'operations.storages': request(
    z.object({ ...Profile, node: NodeName, content: z.string().max(32).optional() }).strict(),
    z.object({ storages: z.array(StorageInfo) }),
  ),
  'operations.backupJobs': request(z.object(Profile).strict(), z.object({ jobs: z.array(BackupJobView) })),
  'operations.verifyReport': request(z.object({ planId: PlanId }).strict(), VerifyReport),
} as const;
