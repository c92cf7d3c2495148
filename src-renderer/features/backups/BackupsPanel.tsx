// The guest's Backups tab: its archives across storages, back up now, restore, verify a restore (pass/fail with timings), delete.
import { useState } from 'react';
import type { BackupEntry, VerifyReport } from '../../../src-shared/ipc/channels/backups.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { request } from '../../request.js';
import { formatBytes } from '../inventory/format.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { BackupNowForm } from './BackupNowForm.js';
import { RestoreForm } from './RestoreForm.js';
import { VerifiedCell } from './VerifiedCell.js';
import '../provision/operations.css';

const when = (t: number): string => new Date(t * 1000).toLocaleString();

export function VerifyResult({ report }: { report: VerifyReport }) {
  const timings = Object.entries(report.timings)
    .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  return (
    <p
      className={`ops-verify ops-verify-${report.state}`}
      data-testid="verify-result"
      data-state={report.state}
    >
      Restore verification of {report.volid}: <strong>{report.state}</strong>
      {timings && ` — ${timings}`}
      {report.agentChecked && ' (guest agent answered)'}
      {report.detail && ` — ${report.detail}`}
      {report.cleanedUp
        ? ` · scratch guest ${report.scratchVmid} removed`
        : ` · scratch guest ${report.scratchVmid} still exists`}
    </p>
  );
}

export function BackupsPanel({ guest: g }: { guest: GuestRecord }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const profileId = g.clusterId;
  const readOnly = useReadOnly(profileId);
  const backups = useClusterRead(
    'operations.backups',
    { profileId, vmid: g.vmid },
    `Cannot list backups of ${g.vmid}`,
  );
  const storages = useClusterRead(
    'operations.storages',
    { profileId, node: g.node, content: 'backup' },
    'Cannot list storages',
  );
  const targets = useClusterRead(
    'operations.storages',
    { profileId, node: g.node, content: g.type === 'qemu' ? 'images' : 'rootdir' },
    'Cannot list storages',
  );
  const [form, setForm] = useState<'backup' | BackupEntry>();
  const [report, setReport] = useState<VerifyReport>();
  const flow = usePlanFlow(
    profileId,
    (plan) => {
      if (plan.title.startsWith('Verify backup'))
        void request('operations.verifyReport', { planId: plan.id }, 'Cannot read the verification').then(
          (r) => r && setReport(r),
        );
    },
    planOperation,
  );
  const busy = readOnly || flow.building;
  const start = (a: Parameters<typeof flow.start>[0]): void => {
    setForm(undefined);
    void flow.start(a);
  };
  return (
    <section data-testid="backups-panel">
      <div className="plan-bar">
        <button
          type="button"
          disabled={busy}
          onClick={() => setForm(form === 'backup' ? undefined : 'backup')}
          data-testid="backup-now"
        >
          Back up now…
        </button>
        <button type="button" onClick={backups.reload} data-testid="backups-reload">
          Reload
        </button>
      </div>
      {form === 'backup' && storages.data && (
        <BackupNowForm guest={ref} storages={storages.data.storages} onSubmit={start} />
      )}
      {form !== undefined && form !== 'backup' && (
        <RestoreForm
          backup={form}
          existingVmid={g.vmid}
          storages={targets.data?.storages ?? []}
          onSubmit={start}
          onCancel={() => setForm(undefined)}
        />
      )}
      {report && <VerifyResult report={report} />}
      {!backups.data ? (
        <p className="muted">Loading…</p>
      ) : backups.data.backups.length === 0 ? (
        <p className="muted" data-testid="backups-empty">
          No backups of this guest on the storages this identity can see.
        </p>
      ) : (
        <table className="config-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>Archive</th>
              <th>Date</th>
              <th>Size</th>
              <th>Notes</th>
              <th>Protected</th>
              <th>Verified</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.data.backups.map((b) => (
              <tr key={`${b.node}/${b.volid}`} data-testid="backup-row" data-volid={b.volid}>
                <td>{b.volid}</td>
                <td>{when(b.ctime)}</td>
                <td>{formatBytes(b.size)}</td>
                <td>{b.notes ?? ''}</td>
                <td>{b.protected ? '🔒 yes' : 'no'}</td>
                <td data-testid="backup-verification">
                  <VerifiedCell backup={b} />
                  {b.encrypted ? ' 🔑' : ''}
                </td>
                <td className="ops-actions">
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => setForm(b)}
                    data-testid="backup-restore"
                  >
                    Restore…
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      start({ kind: 'backup.verify', node: b.node, type: b.type ?? g.type, volid: b.volid })
                    }
                    data-testid="backup-verify"
                  >
                    Verify restore
                  </button>
                  <button
                    type="button"
                    disabled={busy || b.protected}
                    onClick={() => start({ kind: 'backup.delete', node: b.node, volid: b.volid })}
                    data-testid="backup-delete"
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {flow.dialog}
    </section>
  );
}
