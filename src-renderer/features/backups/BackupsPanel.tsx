// The guest's Backups tab: its archives across storages, back up now, restore, verify a restore (pass/fail with timings), delete.
import { Alert, Button, Stack } from '@mantine/core';
import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type { BackupEntry, VerifyReport } from '../../../src-shared/ipc/channels/backups.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { request } from '../../request.js';
import { EmptyState, Page } from '../../ui/Page.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { blockedReason } from '../permissions/read-only-reason.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { BackupNowForm } from './BackupNowForm.js';
import { BackupTable } from './BackupTable.js';
import { RestoreForm } from './RestoreForm.js';
import '../provision/operations.css';

export function VerifyResult({ report }: { report: VerifyReport }) {
  const timings = Object.entries(report.timings)
    .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  return (
    <Alert
      color={report.state === 'pass' ? 'green' : 'red'}
      variant="light"
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
    </Alert>
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
  const blocked = blockedReason(readOnly, flow.building);
  const start = (a: Parameters<typeof flow.start>[0]): void => {
    setForm(undefined);
    void flow.start(a);
  };
  const rows = backups.data?.backups ?? [];
  const storage0 = storages.data?.storages[0]?.storage;
  const vars = { profileId, node: g.node, vmid: g.vmid, type: g.type };
  return (
    <section data-testid="backups-panel">
      <Page
        title={`Backups of ${g.name ?? g.vmid}`}
        description="Archives of this guest on every storage this identity can see; restore, verify by a scratch restore, or delete."
        loading={!backups.data && !backups.error}
        {...(backups.error ? { error: backups.error.error, onRetry: backups.reload } : {})}
        actions={
          <>
            <ActionButton
              action="backup.run"
              vars={{ ...vars, ...(storage0 ? { storage: storage0 } : {}) }}
              disabled={
                blocked ??
                (storages.data && storages.data.storages.length === 0
                  ? 'no storage on this node accepts backups'
                  : undefined)
              }
              onClick={() => setForm(form === 'backup' ? undefined : 'backup')}
              testId="backup-now"
            >
              Back up now…
            </ActionButton>
            <Button
              variant="default"
              leftSection={<RefreshCw size={14} aria-hidden />}
              onClick={backups.reload}
              data-testid="backups-reload"
            >
              Reload
            </Button>
          </>
        }
      >
        <Stack gap="sm">
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
          {rows.length === 0 ? (
            <div data-testid="backups-empty">
              <EmptyState
                title="No backups of this guest yet"
                hint='Use "Back up now" to create one, or check that this identity may see the backup storages (Datastore.Audit).'
              />
            </div>
          ) : (
            <BackupTable
              rows={rows}
              profileId={profileId}
              blocked={blocked}
              onRestore={setForm}
              onAction={start}
              guestType={g.type}
            />
          )}
        </Stack>
      </Page>
      {flow.dialog}
    </section>
  );
}
