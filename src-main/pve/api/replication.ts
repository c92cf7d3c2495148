// Storage replication: the cluster's jobs, a node's job states (last/next sync, failures), create a job, schedule a run now.
import { z } from 'zod';
import {
  pveBool,
  pveGet,
  pveInt,
  pveNum,
  pvePath,
  pveSend,
  type PveCaller,
  type PveParams,
} from './caller.js';

const JobFields = {
  id: z.string(),
  guest: pveInt,
  target: z.string(),
  schedule: z.string().optional(),
  comment: z.string().optional(),
  disable: pveBool.optional(),
  rate: pveNum.optional(),
  remove_job: z.string().optional(),
  source: z.string().optional(),
};
const common = (j: {
  id: string;
  guest: number;
  target: string;
  schedule?: string | undefined;
  comment?: string | undefined;
  disable?: boolean | undefined;
  rate?: number | undefined;
  remove_job?: string | undefined;
}) => ({
  id: j.id,
  guest: j.guest,
  target: j.target,
  schedule: j.schedule ?? '*/15',
  enabled: !(j.disable ?? false),
  ...(j.comment ? { comment: j.comment } : {}),
  ...(j.rate !== undefined ? { rate: j.rate } : {}),
  ...(j.remove_job ? { removing: j.remove_job } : {}),
});

const JobItem = z.looseObject(JobFields).transform(common);
export type ReplicationJob = z.output<typeof JobItem>;

const StatusItem = z
  .looseObject({
    ...JobFields,
    last_sync: pveInt.optional(),
    last_try: pveInt.optional(),
    next_sync: pveInt.optional(),
    duration: pveNum.optional(),
    fail_count: pveInt.optional(),
    error: z.string().optional(),
    pid: pveInt.optional(),
  })
  .transform((s) => ({
    ...common(s),
    source: s.source ?? '',
    lastSync: s.last_sync ?? 0,
    lastTry: s.last_try ?? 0,
    ...(s.next_sync !== undefined ? { nextSync: s.next_sync } : {}),
    duration: s.duration ?? 0,
    failCount: s.fail_count ?? 0,
    ...(s.error ? { error: s.error } : {}),
    running: s.pid !== undefined,
  }));
export type ReplicationState = z.output<typeof StatusItem>;

export function listReplicationJobs(c: PveCaller): Promise<ReplicationJob[]> {
  return pveGet(c, '/cluster/replication', z.array(JobItem));
}

/** the state of every job whose guest lives on this node */
export function listNodeReplication(c: PveCaller, node: string): Promise<ReplicationState[]> {
  return pveGet(c, pvePath`/nodes/${node}/replication`, z.array(StatusItem));
}

export function getReplicationStatus(c: PveCaller, node: string, id: string): Promise<ReplicationState> {
  return pveGet(c, pvePath`/nodes/${node}/replication/${id}/status`, StatusItem);
}

export async function createReplicationJob(c: PveCaller, params: PveParams): Promise<undefined> {
  await pveSend(c, 'POST', '/cluster/replication', z.null(), params);
  return undefined;
}

/** the replication runner picks the job up within a minute; PVE answers no UPID */
export async function scheduleReplicationNow(c: PveCaller, node: string, id: string): Promise<undefined> {
  await pveSend(c, 'POST', pvePath`/nodes/${node}/replication/${id}/schedule_now`, z.unknown());
  return undefined;
}
