// Scheduled backup jobs (/cluster/backup): list with schedule and next run, create, update, delete.
import { z } from 'zod';
import { pveBool, pveGet, pveInt, pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';

/** Keys that describe the job entry rather than its vzdump options. */
const JOB_META = new Set(['id', 'type', 'next-run', 'digest']);

const JobItem = z
  .looseObject({
    id: z.string(),
    schedule: z.string().optional(),
    enabled: pveBool.optional(),
    'next-run': pveInt.optional(),
    storage: z.string().optional(),
    mode: z.string().optional(),
    compress: z.string().optional(),
    all: pveBool.optional(),
    vmid: z.union([z.string(), pveInt]).optional(),
    pool: z.string().optional(),
    node: z.string().optional(),
    exclude: z.string().optional(),
    comment: z.string().optional(),
    'notes-template': z.string().optional(),
  })
  .transform((j) => ({
    id: j.id,
    schedule: j.schedule ?? '',
    enabled: j.enabled ?? true,
    ...(j['next-run'] !== undefined ? { nextRun: j['next-run'] } : {}),
    storage: j.storage ?? '',
    mode: j.mode ?? 'snapshot',
    compress: j.compress ?? '0',
    selection: j.all
      ? `all${j.exclude ? ` except ${j.exclude}` : ''}`
      : j.pool
        ? `pool ${j.pool}`
        : `vmid ${String(j.vmid ?? '')}`,
    all: j.all ?? false,
    vmid: j.vmid === undefined ? '' : String(j.vmid),
    ...(j.pool ? { pool: j.pool } : {}),
    ...(j.node ? { node: j.node } : {}),
    ...(j.comment ? { comment: j.comment } : {}),
    ...(j['notes-template'] ? { notesTemplate: j['notes-template'] } : {}),
    /** the job's vzdump options as PVE stores them, for edit diffs */
    options: Object.fromEntries(
      Object.entries(j)
        .filter(
          ([k, v]) =>
            !JOB_META.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'),
        )
        .map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 1 : 0) : v]),
    ) as Record<string, string | number>,
  }));
export type BackupJob = z.output<typeof JobItem>;

const Null = z.null();

export function listBackupJobs(c: PveCaller): Promise<BackupJob[]> {
  return pveGet(c, '/cluster/backup', z.array(JobItem));
}

export function getBackupJob(c: PveCaller, id: string): Promise<BackupJob> {
  return pveGet(c, pvePath`/cluster/backup/${id}`, JobItem);
}

export async function createBackupJob(c: PveCaller, params: PveParams): Promise<undefined> {
  await pveSend(c, 'POST', '/cluster/backup', Null, params);
  return undefined;
}

export async function updateBackupJob(c: PveCaller, id: string, params: PveParams): Promise<undefined> {
  await pveSend(c, 'PUT', pvePath`/cluster/backup/${id}`, Null, params);
  return undefined;
}

export async function deleteBackupJob(c: PveCaller, id: string): Promise<undefined> {
  await pveSend(c, 'DELETE', pvePath`/cluster/backup/${id}`, Null);
  return undefined;
}

const NotBackedUp = z.looseObject({
  vmid: pveInt,
  type: z.enum(['qemu', 'lxc']),
  name: z.string().optional(),
});

/** Guests no backup job selects (needs Sys.Audit on /). */
export function listNotBackedUp(
  c: PveCaller,
): Promise<Array<{ vmid: number; type: 'qemu' | 'lxc'; name?: string | undefined }>> {
  return pveGet(c, '/cluster/backup-info/not-backed-up', z.array(NotBackedUp));
}
