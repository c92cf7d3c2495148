// Channels for provisioning: clone and create actions (built as plans) and what their forms need.
import { z } from 'zod';
import { request } from '../define.js';
import { PveNode, PvePoolId, PveStorageId, PveVmid } from '../../model/pve-formats.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;
const StorageId = PveStorageId;
const Vmid = PveVmid;
/** <storage>:backup/<file> or a PBS backup path */
const Volid = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]*:[^\s]{1,400}$/);
const PoolId = PvePoolId;
const Hostname = z
  .string()
  .regex(/^[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$/, 'letters, digits, - and .');

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

/** the provision feature's operations.build actions (joined in ./operations.ts) */
export const provisionActions = [
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
] as const;

export const ProvisionInfo = z.object({
  nextId: z.number(),
  nodes: z.array(z.object({ node: z.string(), online: z.boolean(), memFree: z.number().optional() })),
  /** for a clone source: template flag and its cloud-init drive */
  template: z.boolean().optional(),
  hasCloudInit: z.boolean().optional(),
  cloudInit: CloudInit.optional(),
});
export type ProvisionInfo = z.infer<typeof ProvisionInfo>;

const Profile = { profileId: ProfileId };

export const provisionRequests = {
  /** next free vmid, nodes with free memory, and (with guest) the clone source's template / cloud-init state */
  'operations.provisionInfo': request(
    z.object({ ...Profile, guest: GuestRef.optional() }).strict(),
    ProvisionInfo,
  ),
} as const;
