// The replication view: jobs with last/next sync, duration and failures; create a job and "run now" through plans.
import {
  Badge,
  Group,
  NativeSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ReplicationAction, ReplicationJobView } from '../../../src-shared/ipc/channels/replication.js';
import { planReplication, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { EmptyState } from '../../ui/Page.js';
import { SortTh, useSorted, type SortValue } from '../../ui/SortableTable.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { guestLabel, useClusterGuests } from '../firewall/useClusterGuests.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import '../provision/operations.css';

type Col = 'id' | 'guest' | 'target' | 'schedule' | 'lastSync' | 'nextSync' | 'duration' | 'failCount';
const valueOf = (j: ReplicationJobView, k: Col): SortValue => j[k];
const when = (s: number | undefined) => (s ? <RelativeTime at={s * 1000} /> : '–');

/** The new-job form checked, one sentence per field; none when fine. */
function formProblem(f: { guest: string; target: string; schedule: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (!f.guest) out.guest = 'Guest: choose the guest whose disks are replicated.';
  if (!f.target) out.target = 'Target node: choose the node that receives the copy.';
  if (f.schedule.trim() && !/^[\w*/:,. -]{1,128}$/.test(f.schedule.trim()))
    out.schedule = 'Schedule: a calendar event such as */15 (every 15 minutes) or mon..fri 22:00.';
  return out;
}

function JobsTable({
  jobs,
  profileId,
  building,
  onPlan,
}: {
  jobs: ReplicationJobView[];
  profileId: string;
  building: boolean;
  onPlan(a: ReplicationAction): void;
}) {
  const { sorted, sort, toggle } = useSorted(jobs, valueOf);
  const th = (c: Col, label: string) => (
    <SortTh column={c} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <Table striped highlightOnHover withTableBorder data-testid="replication-jobs">
      <Table.Thead>
        <Table.Tr>
          {th('id', 'Job')}
          {th('guest', 'Guest')}
          {th('target', 'Source → target')}
          {th('schedule', 'Schedule')}
          {th('lastSync', 'Last sync')}
          {th('nextSync', 'Next sync')}
          {th('duration', 'Duration')}
          {th('failCount', 'Failures')}
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((j) => (
          <Table.Tr key={j.id} data-testid="replication-job" data-id={j.id}>
            <Table.Td>
              {j.id}
              {!j.enabled && (
                <Badge color="gray" variant="dot" ml={4}>
                  disabled
                </Badge>
              )}
              {j.removing && (
                <Badge color="orange" variant="dot" ml={4}>
                  removing
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{j.guest}</Table.Td>
            <Table.Td>
              {j.source || '?'} → {j.target}
            </Table.Td>
            <Table.Td>{j.schedule}</Table.Td>
            <Table.Td data-testid="replication-last-sync" data-epoch={j.lastSync}>
              {j.running ? 'running…' : when(j.lastSync)}
            </Table.Td>
            <Table.Td>{when(j.nextSync)}</Table.Td>
            <Table.Td>{j.duration.toFixed(1)} s</Table.Td>
            <Table.Td>
              <Text size="sm" c={j.failCount ? 'red' : undefined}>
                {j.failCount}
                {j.error ? `: ${j.error}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <ActionButton
                action="replication.run"
                vars={{ profileId, vmid: j.guest, node: j.source, id: j.id }}
                size="xs"
                disabled={
                  building
                    ? 'a plan is being prepared'
                    : !j.source
                      ? 'the job has no source node yet'
                      : undefined
                }
                onClick={() => onPlan({ kind: 'replication.runNow', id: j.id })}
              >
                Run now
              </ActionButton>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NewJobForm({
  profileId,
  nodes,
  building,
  onPlan,
}: {
  profileId: string;
  nodes: string[];
  building: boolean;
  onPlan(a: ReplicationAction): void;
}) {
  const { guests } = useClusterGuests(profileId);
  const [form, setForm] = useState({ guest: '', target: '', schedule: '*/15' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const source = guests.find((g) => String(g.vmid) === form.guest)?.node;
  const targets = nodes.filter((n) => n !== source);
  const target = targets.includes(form.target) ? form.target : (targets[0] ?? '');
  const submit = (): void => {
    const bad = formProblem({ ...form, target });
    setProblems(bad);
    if (Object.keys(bad).length > 0) return;
    onPlan({
      kind: 'replication.create',
      guest: Number(form.guest),
      target,
      ...(form.schedule.trim() ? { schedule: form.schedule.trim() } : {}),
    });
  };
  return (
    <Paper withBorder p="sm">
      <form
        className="ops-form"
        data-testid="replication-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h4">
            New replication job
          </Title>
          <Group align="flex-start" gap="sm">
            <Select
              size="xs"
              label="Guest"
              placeholder="Choose a guest"
              searchable
              data={guests.map((g) => ({ value: String(g.vmid), label: guestLabel(g) }))}
              value={form.guest || null}
              onChange={(v) => setForm({ ...form, guest: v ?? '' })}
              error={problems.guest}
              data-testid="replication-guest"
            />
            <NativeSelect
              size="xs"
              label="Target node"
              value={target}
              onChange={(e) => setForm({ ...form, target: e.currentTarget.value })}
              data={targets}
              error={problems.target}
              data-testid="replication-target"
            />
            <TextInput
              size="xs"
              label="Schedule"
              description="e.g. */15 = every 15 minutes"
              value={form.schedule}
              onChange={(e) => setForm({ ...form, schedule: e.currentTarget.value })}
              error={problems.schedule}
              data-testid="replication-schedule"
            />
          </Group>
          <Group>
            <ActionButton
              action="replication.manage"
              vars={{ profileId, vmid: form.guest ? Number(form.guest) : undefined }}
              size="xs"
              type="submit"
              disabled={building && 'a plan is being prepared'}
              onClick={() => undefined}
              testId="replication-submit"
            >
              Plan new job
            </ActionButton>
          </Group>
          {Object.keys(problems).length > 0 && (
            <Text size="sm" c="red" role="alert" data-testid="replication-form-error">
              {Object.values(problems).join(' ')}
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

export function ReplicationView() {
  const { clusterId, picker } = useClusterChoice();
  const rep = useClusterRead(
    'replication.view',
    clusterId ? { profileId: clusterId } : undefined,
    'Cannot read replication jobs',
  );
  const flow = usePlanFlow(clusterId, rep.reload, planReplication);
  const plan = (action: ReplicationAction): void => {
    void flow.start(action);
  };
  return (
    <ClusterViewFrame
      testId="replication-view"
      title="Replication"
      description="Storage replication jobs (ZFS) of the cluster: when each guest was last copied to its target node, and whether it failed."
      clusterId={clusterId}
      picker={picker}
      data={rep.data}
      error={rep.error?.error}
      onReload={rep.reload}
      after={flow.dialog}
    >
      {(v) => (
        <Stack gap="md">
          {v.jobs.length === 0 ? (
            <EmptyState
              title="No replication jobs"
              hint="Plan one below: pick a guest on ZFS storage and the node that should hold its copy."
            />
          ) : (
            <JobsTable jobs={v.jobs} profileId={clusterId ?? ''} building={flow.building} onPlan={plan} />
          )}
          <NewJobForm profileId={clusterId ?? ''} nodes={v.nodes} building={flow.building} onPlan={plan} />
        </Stack>
      )}
    </ClusterViewFrame>
  );
}
