// The cluster-wide backups view: scheduled jobs (schedule, selection, storage, next run; create, enable/disable, delete)
// and every backup archive the identity can see.
import { useState } from 'react';
import type { BackupJobFields, BackupJobView } from '../../../src-shared/ipc/channels/backups.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { Field } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { formatBytes } from '../inventory/format.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import '../provision/operations.css';

/** The job's fields back from its list view, for enable/disable edits. */
function fieldsOf(j: BackupJobView): BackupJobFields | undefined {
  const sel = j.selection.startsWith('all')
    ? { kind: 'all' as const }
    : j.selection.startsWith('vmid ')
      ? {
          kind: 'vmids' as const,
          vmids: j.selection
            .slice(5)
            .split(',')
            .map(Number)
            .filter((n) => n >= 100),
        }
      : { kind: 'pool' as const, pool: j.selection.slice(5) };
  if (sel.kind === 'vmids' && sel.vmids.length === 0) return undefined;
  const mode = j.mode === 'stop' || j.mode === 'suspend' ? j.mode : 'snapshot';
  const compress = j.compress === 'gzip' || j.compress === 'lzo' || j.compress === 'zstd' ? j.compress : '0';
  return {
    schedule: j.schedule,
    storage: j.storage,
    mode,
    compress,
    selection: sel,
    enabled: j.enabled,
    ...(j.node ? { node: j.node } : {}),
    ...(j.comment ? { comment: j.comment } : {}),
  };
}

export function BackupsView() {
  const { clusterId, picker } = useClusterChoice();
  const readOnly = useReadOnly(clusterId);
  const args = clusterId ? { profileId: clusterId } : undefined;
  const jobs = useClusterRead('operations.backupJobs', args, 'Cannot list backup jobs');
  const all = useClusterRead('operations.backups', args, 'Cannot list backups');
  const flow = usePlanFlow(
    clusterId,
    () => {
      jobs.reload();
      all.reload();
    },
    planOperation,
  );
  const [f, setF] = useState({ schedule: '21:00', storage: 'local', vmids: '' });
  const busy = readOnly || flow.building;
  return (
    <section className="ops-view" data-testid="backups-view">
      <div className="plan-bar">{picker}</div>
      <h3>Backup jobs</h3>
      <table className="config-table" data-testid="backup-jobs">
        <thead>
          <tr>
            <th>Job</th>
            <th>Schedule</th>
            <th>Selection</th>
            <th>Storage</th>
            <th>Mode</th>
            <th>Next run</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(jobs.data?.jobs ?? []).map((j) => {
            const fields = fieldsOf(j);
            return (
              <tr key={j.id} data-testid="backup-job" data-id={j.id}>
                <td>
                  {j.id}
                  {j.comment ? ` — ${j.comment}` : ''}
                </td>
                <td>{j.schedule}</td>
                <td>{j.selection}</td>
                <td>{j.storage}</td>
                <td>{j.mode}</td>
                <td>
                  {j.enabled ? (j.nextRun ? new Date(j.nextRun * 1000).toLocaleString() : '–') : 'disabled'}
                </td>
                <td className="ops-actions">
                  {fields && (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void flow.start({
                          kind: 'backupjob.update',
                          id: j.id,
                          job: { ...fields, enabled: !j.enabled },
                        })
                      }
                    >
                      {j.enabled ? 'Disable' : 'Enable'}
                    </button>
                  )}
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => void flow.start({ kind: 'backupjob.delete', id: j.id })}
                    data-testid="backup-job-delete"
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <OpsForm
        data-testid="backup-job-form"
        onSubmit={() => {
          const vmids = f.vmids
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number);
          void flow.start({
            kind: 'backupjob.create',
            job: {
              schedule: f.schedule,
              storage: f.storage,
              mode: 'snapshot',
              compress: 'zstd',
              enabled: true,
              selection: vmids.length ? { kind: 'vmids', vmids } : { kind: 'all' },
            },
          });
        }}
      >
        <Field
          label="Schedule"
          value={f.schedule}
          onChange={(e) => setF({ ...f, schedule: e.target.value })}
          data-testid="job-schedule"
        />
        <Field
          label="Storage"
          value={f.storage}
          onChange={(e) => setF({ ...f, storage: e.target.value })}
          data-testid="job-storage"
        />
        <Field
          label="vmids"
          value={f.vmids}
          placeholder="all"
          onChange={(e) => setF({ ...f, vmids: e.target.value })}
          data-testid="job-vmids"
        />
        <button type="submit" disabled={busy}>
          Plan new job
        </button>
      </OpsForm>
      <h3>All backups</h3>
      <table className="config-table" data-testid="all-backups">
        <tbody>
          {(all.data?.backups ?? []).map((b) => (
            <tr key={`${b.node}/${b.volid}`}>
              <td>{b.volid}</td>
              <td>{b.vmid ?? ''}</td>
              <td>{new Date(b.ctime * 1000).toLocaleString()}</td>
              <td>{formatBytes(b.size)}</td>
              <td>{b.notes ?? ''}</td>
              <td>{b.protected ? '🔒' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {flow.dialog}
    </section>
  );
}
