// Channels of the storage view: per-node storages, their content, the appliance index, staged uploads, and storage
// changes (ISO/template upload, template download, content delete) built as plans and run with plans.run.
import { z } from 'zod';
import { event, request } from '../define.js';
import { PveNode, PveStorageId } from '../../model/pve-formats.js';
import { Plan } from '../../plans/plan.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;
const StorageId = PveStorageId;
const Volid = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]*:[^\s]{1,400}$/);
/** main hands these out (32 hex digits) and refuses ids it did not hand out with not_found; the schema only bounds them */
const StageId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** PVE normalises upload names; we only accept names it would keep */
export const UploadName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,250}$/, 'letters, digits, . _ + -');
/** base64 of a chunk plus its envelope must fit the web host's 1 MiB WebSocket message limit */
export const MAX_CHUNK_BYTES = 512 * 1024;

export const StorageSummary = z.object({
  storage: z.string(),
  type: z.string(),
  content: z.array(z.string()),
  shared: z.boolean(),
  active: z.boolean(),
  total: z.number(),
  used: z.number(),
  avail: z.number(),
});
export type StorageSummary = z.infer<typeof StorageSummary>;

export const ContentEntry = z.object({
  volid: z.string(),
  content: z.string(),
  format: z.string(),
  size: z.number(),
  ctime: z.number(),
  vmid: z.number().optional(),
  notes: z.string().optional(),
  protected: z.boolean(),
});
export type ContentEntry = z.infer<typeof ContentEntry>;

export const ApplianceEntry = z.object({
  template: z.string(),
  package: z.string(),
  version: z.string(),
  os: z.string(),
  section: z.string(),
  headline: z.string(),
  type: z.string(),
});
export type ApplianceEntry = z.infer<typeof ApplianceEntry>;

export const StorageAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('upload'),
      node: NodeName,
      storage: StorageId,
      content: z.enum(['iso', 'vztmpl']),
      stageId: StageId,
      filename: UploadName,
    })
    .strict(),
  z
    .object({
      kind: z.literal('template.download'),
      node: NodeName,
      storage: StorageId,
      template: UploadName,
    })
    .strict(),
  z.object({ kind: z.literal('content.delete'), node: NodeName, volid: Volid }).strict(),
]);
export type StorageAction = z.infer<typeof StorageAction>;

const OnNode = { profileId: ProfileId, node: NodeName };

export const storageRequests = {
  'storage.list': request(z.object(OnNode).strict(), z.object({ storages: z.array(StorageSummary) })),
  'storage.content': request(
    z
      .object({
        ...OnNode,
        storage: StorageId,
        content: z.enum(['iso', 'vztmpl', 'backup', 'images', 'rootdir', 'import']).optional(),
      })
      .strict(),
    z.object({ items: z.array(ContentEntry) }),
  ),
  'storage.appliances': request(z.object(OnNode).strict(), z.object({ appliances: z.array(ApplianceEntry) })),
  /** opens a staging file in main for an upload of `size` bytes; nothing reaches PVE until the plan runs */
  'storage.stage': request(
    z
      .object({
        filename: UploadName,
        size: z
          .number()
          .int()
          .min(1)
          .max(64 * 2 ** 30),
      })
      .strict(),
    z.object({ stageId: z.string() }),
  ),
  /** appends one base64 chunk at `offset` (chunks arrive in order) */
  'storage.stageChunk': request(
    z
      .object({
        stageId: StageId,
        offset: z.number().int().min(0),
        data: z.base64().max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4),
      })
      .strict(),
    z.object({ received: z.number() }),
  ),
  'storage.plan': request(z.object({ profileId: ProfileId, action: StorageAction }).strict(), Plan),
} as const;

export const storageEvents = {
  /** bytes of a staged file sent to PVE while its upload plan runs */
  'storage.uploadProgressed': event(z.object({ planId: z.string(), sent: z.number(), total: z.number() })),
} as const;
