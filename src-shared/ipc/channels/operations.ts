// Channels for operations: backups (with verified restore), backup jobs, HA, migrate, clone and create — all built as plans.
import { z } from 'zod';
import { request } from '../define.js';
import { Plan } from '../../plans/plan.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const PlanId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const NodeName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/);
const StorageId = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/);
const Vmid = z.number().int().min(100).max(999_999_999);
/** <storage>:backup/<file> or a PBS backup path */
const Volid = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]*:[^\s]{1,400}$/);
const HaSid = z.string().regex(/^(vm|ct):\d{3,9}$/);
const PoolId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const Hostname = z
  .string()
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$/, 'letters, digits, - and .');

export const BackupMode = z.enum(['snapshot', 'suspend', 'stop']);
export const Compress = z.enum(['0', 'gzip', 'lzo', 'zstd']);
export const HaState = z.enum(['started', 'stopped', 'disabled', 'ignored']);

const HaLimits = {
  maxRestart: z.number().int().min(0).max(10).optional(),
  maxRelocate: z.number().int().min(0).max(10).optional(),
};

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

export const CloudInit = z
  .object({
    ciuser: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/)
      .optional(),
    sshkeys: z.string().max(8192).optional(),
    ipconfig0: z.string().max(512).optional(),
  })
  .strict();

export const OperationAction = z.discriminatedUnion('kind', [
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
  z
    .object({
      kind: z.literal('ha.add'),
      guest: GuestRef,
      state: HaState,
      ...HaLimits,
      comment: z.string().max(512).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('ha.update'), sid: HaSid, state: HaState.optional(), ...HaLimits }).strict(),
  z.object({ kind: z.literal('ha.remove'), sid: HaSid }).strict(),
  z
    .object({ kind: z.literal('ha.move'), sid: HaSid, verb: z.enum(['migrate', 'relocate']), node: NodeName })
    .strict(),
  z
    .object({
      kind: z.literal('migrate'),
      guest: GuestRef,
      target: NodeName,
      targetStorage: StorageId.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('clone'),
      guest: GuestRef,
      newid: Vmid.optional(),
      name: Hostname.optional(),
      full: z.boolean(),
      target: NodeName.optional(),
      storage: StorageId.optional(),
      pool: PoolId.optional(),
      cloudInit: CloudInit.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('create'),
      type: z.enum(['qemu', 'lxc']),
      node: NodeName,
      vmid: Vmid.optional(),
      name: Hostname,
      cores: z.number().int().min(1).max(512),
      memoryMiB: z.number().int().min(16).max(4_194_304),
      storage: StorageId,
      diskGiB: z.number().int().min(1).max(131_072),
      bridge: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/)
        .optional(),
      /** lxc: the OS template volume (e.g. local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst) */
      ostemplate: Volid.optional(),
      /** lxc: SSH keys for root (passwords are not sent through plans: they would reach the audit log) */
      sshKeys: z.string().max(8192).optional(),
      /** qemu: an ISO volume for the CD drive */
      iso: Volid.optional(),
      pool: PoolId.optional(),
      start: z.boolean().optional(),
    })
    .strict(),
]);
export type OperationAction = z.infer<typeof OperationAction>;

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

export const HaView = z.object({
  version: z.string(),
  quorate: z.boolean(),
  quorumStatus: z.string(),
  manager: z.object({ node: z.string(), status: z.string() }).optional(),
  fencing: z.string().optional(),
  nodes: z.array(z.object({ node: z.string(), status: z.string(), since: z.number().optional() })),
  /** LRM entries PVE could not read ("unable to read lrm status") */
  problems: z.array(z.string()).optional(),
  resources: z.array(
    z.object({
      sid: z.string(),
      requested: z.string(),
      current: z.string(),
      node: z.string(),
      maxRestart: z.number(),
      maxRelocate: z.number(),
      comment: z.string().optional(),
      group: z.string().optional(),
    }),
  ),
  /** PVE 9: rules; PVE 8: groups (detected by version) */
  rules: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      resources: z.array(z.string()),
      detail: z.string(),
      enabled: z.boolean(),
    }),
  ),
  groups: z.array(
    z.object({ id: z.string(), nodes: z.string(), restricted: z.boolean(), nofailback: z.boolean() }),
  ),
});
export type HaView = z.infer<typeof HaView>;

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

export const ProvisionInfo = z.object({
  nextId: z.number(),
  nodes: z.array(z.object({ node: z.string(), online: z.boolean(), memFree: z.number().optional() })),
  /** for a clone source: template flag and its cloud-init drive */
  template: z.boolean().optional(),
  hasCloudInit: z.boolean().optional(),
  cloudInit: CloudInit.optional(),
});
export type ProvisionInfo = z.infer<typeof ProvisionInfo>;

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

export const operationsRequests = {
  /** builds a plan for an operation; changes nothing. Pre-flight refusals answer conflict with the reason. Run it with plans.run. */
  'operations.build': request(z.object({ ...Profile, action: OperationAction }).strict(), Plan),
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
  'operations.ha': request(z.object(Profile).strict(), HaView),
  'operations.migrateInfo': request(z.object({ ...Profile, guest: GuestRef }).strict(), MigrateInfoView),
  /** next free vmid, nodes with free memory, and (with guest) the clone source's template / cloud-init state */
  'operations.provisionInfo': request(
    z.object({ ...Profile, guest: GuestRef.optional() }).strict(),
    ProvisionInfo,
  ),
  'operations.verifyReport': request(z.object({ planId: PlanId }).strict(), VerifyReport),
} as const;
