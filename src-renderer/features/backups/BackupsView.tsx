// The cluster-wide backups view: scheduled jobs (schedule, selection, storage, next run; create, enable/disable, delete)
// and every backup archive the identity can see.
import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type {
  BackupEntry,
  BackupJobFields,
  BackupJobView,
} from '../../../src-shared/ipc/channels/backups.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { EmptyState, Page } from '../../ui/Page.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { blockedReason } from '../permissions/read-only-reason.js';
import { BackupTable } from './BackupTable.js';
import { RestoreForm } from './RestoreForm.js';
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

/** The new-job form's fields checked, one sentence per field; none when fine. */
function jobProblem(f: { schedule: string; storage: string; vmids: string }): string | undefined {
  if (!f.schedule.trim()) return 'Schedule: when to run, e.g. 21:00 or sat 02:00.';
  if (!/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(f.storage.trim()))
    return 'Storage: the name of a storage that accepts backups, e.g. local.';
  const ids = f.vmids.split(/[\s,]+/).filter(Boolean);
  if (ids.some((v) => !/^\d{3,9}$/.test(v) || Number(v) < 100))
    return 'Guests: guest IDs from 100 up, separated by commas, or empty for all guests.';
  return undefined;
}

function JobsTable({
  jobs,
  vars,
  blocked,
  onAction,
}: {
  jobs: BackupJobView[];
  vars: { profileId: string };
  blocked: string | undefined;
  onAction(a: Parameters<ReturnType<typeof usePlanFlow>['start']>[0]): void;
}) {
  if (jobs.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="backup-jobs">
        No scheduled backup job yet: plan one with the form below.
      </Text>
    );
  return (
    <Table striped withTableBorder data-testid="backup-jobs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Job</Table.Th>
          <Table.Th>Schedule</Table.Th>
          <Table.Th>Selection</Table.Th>
          <Table.Th>Storage</Table.Th>
          <Table.Th>Mode</Table.Th>
          <Table.Th>Next run</Table.Th>
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {jobs.map((j) => {
          const fields = fieldsOf(j);
          return (
            <Table.Tr key={j.id} data-testid="backup-job" data-id={j.id}>
              <Table.Td>
                {j.id}
                {j.comment ? ` — ${j.comment}` : ''}
              </Table.Td>
              <Table.Td>{j.schedule}</Table.Td>
              <Table.Td>{j.selection}</Table.Td>
              <Table.Td>{j.storage}</Table.Td>
              <Table.Td>{j.mode}</Table.Td>
              <Table.Td>
                {j.enabled ? j.nextRun ? <RelativeTime at={j.nextRun} /> : '–' : 'disabled'}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {fields && (
                    <ActionButton
                      action="backupjob.manage"
                      vars={vars}
                      size="xs"
                      disabled={blocked}
                      onClick={() =>
                        onAction({
                          kind: 'backupjob.update',
                          id: j.id,
                          job: { ...fields, enabled: !j.enabled },
                        })
                      }
                      testId="backup-job-toggle"
                    >
                      {j.enabled ? 'Disable' : 'Enable'}
                    </ActionButton>
                  )}
                  <ActionButton
                    action="backupjob.manage"
                    vars={vars}
                    size="xs"
                    color="red"
                    disabled={blocked}
                    onClick={() => onAction({ kind: 'backupjob.delete', id: j.id })}
                    testId="backup-job-delete"
                  >
                    Delete
                  </ActionButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
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
  const [problem, setProblem] = useState<string>();
  const [restoring, setRestoring] = useState<BackupEntry>();
  const blocked = blockedReason(readOnly, flow.building);
  const vars = { profileId: clusterId ?? '' };
  const start = (a: Parameters<typeof flow.start>[0]): void => {
    setRestoring(undefined);
    void flow.start(a);
  };
  const error = jobs.error ?? all.error;
  return (
    <section className="ops-view" data-testid="backups-view">
      <Page
        title="Backups"
        description="Scheduled backup jobs of the cluster and every backup archive this identity can see."
        actions={
          <>
            {picker}
            <Button
              variant="default"
              leftSection={<RefreshCw size={14} aria-hidden />}
              disabled={!clusterId}
              onClick={() => {
                jobs.reload();
                all.reload();
              }}
            >
              Reload
            </Button>
          </>
        }
        loading={Boolean(clusterId) && (!jobs.data || !all.data) && !error}
        {...(error ? { error: error.error, onRetry: () => (jobs.reload(), all.reload()) } : {})}
        empty={
          !clusterId && {
            title: 'No cluster connected',
            hint: 'Connect a cluster on the Clusters screen to see its backup jobs and archives.',
          }
        }
      >
        <Stack gap="md">
          <Title order={2} size="h4">
            Backup jobs
          </Title>
          <JobsTable jobs={jobs.data?.jobs ?? []} vars={vars} blocked={blocked} onAction={start} />
          <Paper withBorder p="sm">
            <form
              className="ops-form"
              data-testid="backup-job-form"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const bad = jobProblem(f);
                setProblem(bad);
                if (bad) return;
                const vmids = f.vmids
                  .split(/[\s,]+/)
                  .filter(Boolean)
                  .map(Number);
                start({
                  kind: 'backupjob.create',
                  job: {
                    schedule: f.schedule.trim(),
                    storage: f.storage.trim(),
                    mode: 'snapshot',
                    compress: 'zstd',
                    enabled: true,
                    selection: vmids.length ? { kind: 'vmids', vmids } : { kind: 'all' },
                  },
                });
              }}
            >
              <Group align="flex-end" gap="sm">
                <TextInput
                  size="xs"
                  label="Schedule"
                  value={f.schedule}
                  onChange={(e) => setF({ ...f, schedule: e.currentTarget.value })}
                  data-testid="job-schedule"
                />
                <TextInput
                  size="xs"
                  label="Storage"
                  value={f.storage}
                  onChange={(e) => setF({ ...f, storage: e.currentTarget.value })}
                  data-testid="job-storage"
                />
                <TextInput
                  size="xs"
                  label="Guests"
                  value={f.vmids}
                  placeholder="all"
                  onChange={(e) => setF({ ...f, vmids: e.currentTarget.value })}
                  data-testid="job-vmids"
                />
                <ActionButton
                  action="backupjob.manage"
                  vars={vars}
                  size="xs"
                  type="submit"
                  disabled={blocked}
                  onClick={() => undefined}
                  testId="job-submit"
                >
                  Plan new job
                </ActionButton>
              </Group>
              {problem && (
                <Text size="sm" c="red" role="alert" mt="xs" data-testid="job-form-error">
                  {problem}
                </Text>
              )}
            </form>
          </Paper>
          <Title order={2} size="h4">
            All backups
          </Title>
          {restoring && restoring.vmid !== undefined && (
            <RestoreForm
              backup={restoring}
              existingVmid={restoring.vmid}
              storages={[]}
              onSubmit={start}
              onCancel={() => setRestoring(undefined)}
            />
          )}
          {(all.data?.backups ?? []).length === 0 ? (
            <EmptyState
              title="No backups yet"
              hint="Plan a backup job above, or back up a guest from its Backups tab; archives on storages this identity may see (Datastore.Audit) appear here."
            />
          ) : (
            <BackupTable
              rows={all.data?.backups ?? []}
              profileId={clusterId ?? ''}
              blocked={blocked}
              showGuest
              onRestore={setRestoring}
              onAction={start}
              testId="all-backups"
            />
          )}
        </Stack>
      </Page>
      {flow.dialog}
    </section>
  );
}
