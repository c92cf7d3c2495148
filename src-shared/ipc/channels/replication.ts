// Channels for the replication view: jobs with their state per source node; create a job and "run now" built as plans.
import { z } from 'zod';
import { request } from '../define.js';
import { PveNode } from '../../model/pve-formats.js';
import { Plan } from '../../plans/plan.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;
const JobId = z.string().regex(/^[1-9][0-9]{2,8}-\d{1,9}$/);

export const ReplicationJobView = z.object({
  id: z.string(),
  guest: z.number(),
  source: z.string(),
  target: z.string(),
  schedule: z.string(),
  enabled: z.boolean(),
  comment: z.string().optional(),
  rate: z.number().optional(),
  removing: z.string().optional(),
  lastSync: z.number(),
  lastTry: z.number(),
  nextSync: z.number().optional(),
  duration: z.number(),
  failCount: z.number(),
  error: z.string().optional(),
  running: z.boolean(),
});
export type ReplicationJobView = z.infer<typeof ReplicationJobView>;

export const ReplicationAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('replication.create'),
      guest: z.number().int().min(100).max(999_999_999),
      target: NodeName,
      schedule: z
        .string()
        .min(1)
        .max(128)
        .regex(/^[\w*/:,. -]+$/)
        .optional(),
      rate: z.number().min(1).max(100_000).optional(),
      comment: z.string().max(256).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('replication.runNow'), id: JobId }).strict(),
]);
export type ReplicationAction = z.infer<typeof ReplicationAction>;

export const replicationRequests = {
  'replication.view': request(
    z.object({ profileId: ProfileId }).strict(),
    z.object({ jobs: z.array(ReplicationJobView), nodes: z.array(z.string()) }),
  ),
  'replication.build': request(z.object({ profileId: ProfileId, action: ReplicationAction }).strict(), Plan),
} as const;
