// Plan builders for scheduled backup jobs (/cluster/backup): create, edit (with deletes for dropped options), delete.
import type { BackupJobFields } from '../../../src-shared/ipc/channels/backups.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { diffConfig } from '../../../src-shared/plans/diff.js';
import { actionCall } from '../../../src-shared/plans/plan.js';
import {
  createBackupJob,
  deleteBackupJob,
  getBackupJob,
  updateBackupJob,
} from '../../pve/api/backup-jobs.js';
import type { BuildContext, BuiltAction } from '../../plans/plan-types.js';

type Of<K extends OperationAction['kind']> = Extract<OperationAction, { kind: K }>;

/** The job as PVE's options; selection and optional keys that are unset are absent (an edit deletes them). */
export function jobOptions(j: BackupJobFields): Record<string, string | number> {
  const out: Record<string, string | number> = {
    schedule: j.schedule,
    storage: j.storage,
    mode: j.mode,
    compress: j.compress,
    enabled: j.enabled ? 1 : 0,
  };
  if (j.selection.kind === 'all') {
    out.all = 1;
    if (j.selection.exclude?.length) out.exclude = j.selection.exclude.join(',');
  } else if (j.selection.kind === 'vmids') out.vmid = j.selection.vmids.join(',');
  else out.pool = j.selection.pool;
  if (j.node) out.node = j.node;
  if (j.comment) out.comment = j.comment;
  if (j.notesTemplate) out['notes-template'] = j.notesTemplate;
  return out;
}

const OPTIONAL = ['all', 'exclude', 'vmid', 'pool', 'node', 'comment', 'notes-template'];

const jobCall = (
  method: 'POST' | 'PUT' | 'DELETE',
  id: string | undefined,
  params: Record<string, string | number | undefined> = {},
) =>
  actionCall(
    'backupjob.manage',
    method,
    id === undefined ? '/cluster/backup' : '/cluster/backup/{id}',
    id === undefined ? {} : { id },
    params,
  );

export function buildJobCreate(a: Of<'backupjob.create'>): Promise<BuiltAction> {
  const opts = jobOptions(a.job);
  // PVE's GUI names new jobs backup-<8hex>-<4hex>; without an id PVE would pick a bare UUID
  const id = a.id ?? `backup-${crypto.randomUUID().slice(0, 13)}`;
  const params = { id, ...opts };
  return Promise.resolve({
    input: { title: `Create backup job ${id}`, targets: [], diff: diffConfig({}, opts), warnings: [] },
    steps: [{ call: jobCall('POST', undefined, params), run: (c) => createBackupJob(c, params) }],
    preconditions: [],
    targets: [],
  });
}

export async function buildJobUpdate(a: Of<'backupjob.update'>, ctx: BuildContext): Promise<BuiltAction> {
  const before = (await getBackupJob(ctx.caller, a.id)).options;
  const after = jobOptions(a.job);
  const drop = OPTIONAL.filter((k) => before[k] !== undefined && after[k] === undefined);
  const diff = diffConfig(before, after);
  if (diff.length === 0) throw new AppFailure('bad_parameter', 'Nothing to change');
  const params = { ...after, ...(drop.length ? { delete: drop.join(',') } : {}) };
  return {
    input: { title: `Edit backup job ${a.id}`, targets: [], diff, warnings: [] },
    steps: [{ call: jobCall('PUT', a.id, params), run: (c) => updateBackupJob(c, a.id, params) }],
    preconditions: [],
    targets: [],
  };
}

export async function buildJobDelete(a: Of<'backupjob.delete'>, ctx: BuildContext): Promise<BuiltAction> {
  const before = (await getBackupJob(ctx.caller, a.id)).options;
  return {
    input: {
      title: `Delete backup job ${a.id}`,
      targets: [],
      diff: diffConfig(before, {}),
      warnings: [
        { code: 'data-loss', message: `the guests of job ${a.id} are no longer backed up on its schedule` },
      ],
      destructive: true,
      confirmWord: a.id,
    },
    steps: [{ call: jobCall('DELETE', a.id), run: (c) => deleteBackupJob(c, a.id) }],
    preconditions: [],
    targets: [],
  };
}
