// Channels for backup coverage: per guest across clusters (job coverage, newest archive, last failed backup, restore
// verification), and the "verify latest backups" queue built as one plan with a live per-archive report.
import { z } from 'zod';
import { PveNode, PveStorageId, PveVmid } from '../../model/pve-formats.js';
import { Plan } from '../../plans/plan.js';
import { request } from '../define.js';
import { VerifyReport } from './backups.js';

const ProfileId = z.string().min(1).max(64);
const PlanId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const Volid = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]*:[^\s]{1,400}$/);
const GuestType = z.enum(['qemu', 'lxc']);

export const NewestArchive = z.object({
  volid: z.string(),
  node: z.string(),
  storage: z.string(),
  /** epoch seconds */
  ctime: z.number(),
  protected: z.boolean(),
  /** the latest restore verification Proxdeck ran of this archive */
  verified: z.object({ state: z.enum(['pass', 'fail']), time: z.string() }).optional(),
});
export type NewestArchive = z.infer<typeof NewestArchive>;

export const BackupFailure = z.object({
  /** epoch seconds the failed vzdump task started */
  time: z.number(),
  node: z.string(),
  upid: z.string(),
  /** the task's exit status ("job errors", or the error itself) */
  status: z.string(),
});
export type BackupFailure = z.infer<typeof BackupFailure>;

export const CoverageRow = z.object({
  profileId: z.string(),
  vmid: z.number(),
  type: GuestType,
  node: z.string(),
  name: z.string().optional(),
  template: z.boolean(),
  /** false: no backup job selects it; undefined: not known (the identity may not read /cluster/backup-info) */
  covered: z.boolean().optional(),
  newest: NewestArchive.optional(),
  backupCount: z.number().int(),
  protectedCount: z.number().int(),
  /** set when the newest vzdump attempt for the guest failed (newer than its newest archive) */
  lastFailure: BackupFailure.optional(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const ClusterCoverage = z.object({
  profileId: z.string(),
  rows: z.array(CoverageRow),
  /** online nodes: where a verification queue can run */
  nodes: z.array(z.string()),
  /** what could not be read and what that leaves unknown, in words for people */
  notes: z.array(z.string()),
  /** the whole cluster could not be read */
  error: z.string().optional(),
});
export type ClusterCoverage = z.infer<typeof ClusterCoverage>;

export const QueueItem = z.object({ vmid: PveVmid, type: GuestType, volid: Volid }).strict();
export type QueueItem = z.infer<typeof QueueItem>;

export const QueueReport = z.object({
  planId: z.string(),
  /** one per queued archive, in run order; state pending until its turn */
  items: z.array(VerifyReport.extend({ vmid: z.number() })),
});
export type QueueReport = z.infer<typeof QueueReport>;

export const coverageRequests = {
  /** coverage of every guest of each listed cluster; a cluster that cannot be read answers its error */
  'coverage.list': request(
    z.object({ profileIds: z.array(ProfileId).min(1).max(32) }).strict(),
    z.object({ clusters: z.array(ClusterCoverage) }),
  ),
  /** one plan that restore-verifies the archives one after the other on one node (and storage) */
  'coverage.verifyPlan': request(
    z
      .object({
        profileId: ProfileId,
        node: PveNode,
        storage: PveStorageId.optional(),
        items: z.array(QueueItem).min(1).max(50),
        timeoutSec: z.number().int().min(5).max(3600).optional(),
      })
      .strict(),
    Plan,
  ),
  'coverage.queueReport': request(z.object({ planId: PlanId }).strict(), QueueReport),
} as const;
