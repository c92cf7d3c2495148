// The guest's snapshot policies (in its Snapshots tab): those covering it (by guest or tag) with their last run and
// "Run policy now", and a form to save one — saving is a plan that also takes the first snapshot. Policies run only
// while Proxdeck is open, which the panel says plainly.
import { Alert, Badge, Group, NumberInput, Paper, Select, Table, Text, Title } from '@mantine/core';
import { Clock } from 'lucide-react';
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import {
  PolicyFrequency,
  type PolicyInput,
  type SnapshotPolicy,
} from '../../../src-shared/ipc/channels/snapshot-policy.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { usePlanFlow, type PlanBuilder } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useSnapshotPolicies } from '../../data/policy-reads.js';
import { request } from '../../request.js';
import { notify } from '../../ui/notifications/notify.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { StopPolicyButton } from './StopPolicyButton.js';

const planPolicy: PlanBuilder<PolicyInput> = (profileId, policy) =>
  request('snapshotPolicy.plan', { profileId, policy }, 'Cannot plan this snapshot policy');

const covers = (p: SnapshotPolicy, g: GuestRecord): boolean =>
  p.target.kind === 'guest' ? p.target.guest.vmid === g.vmid : g.tags.includes(p.target.tag);

const describe = (p: SnapshotPolicy): string =>
  `Keep the last ${p.keep} ${p.frequency} snapshot${p.keep === 1 ? '' : 's'} of ${
    p.target.kind === 'guest' ? 'this guest' : `every guest tagged '${p.target.tag}'`
  }`;

export function PolicyPanel({ guest: g, blocked }: { guest: GuestRecord; blocked: string | boolean }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const policies = useSnapshotPolicies(g.clusterId, g.vmid);
  const flow = usePlanFlow(g.clusterId, () => void policies.refetch(), planPolicy);
  const [target, setTarget] = useState('guest');
  const [frequency, setFrequency] = useState<PolicyFrequency>('daily');
  const [keep, setKeep] = useState(7);
  const [runningId, setRunningId] = useState<string>();
  const vars = { profileId: g.clusterId, node: g.node, type: g.type, vmid: g.vmid };
  const mine = (policies.data?.policies ?? []).filter((p) => covers(p, g));

  async function runNow(p: SnapshotPolicy): Promise<void> {
    setRunningId(p.id);
    const result = await request(
      'snapshotPolicy.runNow',
      { profileId: g.clusterId, policyId: p.id },
      'The snapshot policy could not run',
    );
    setRunningId(undefined);
    await policies.refetch();
    if (result?.state === 'succeeded') notify.success('Snapshot policy ran', describe(p));
    else if (result) notify.info('Snapshot policy run failed', result.error?.message ?? describe(p));
  }

  return (
    <Paper withBorder p="sm" my="sm" data-testid="policy-panel">
      <Title order={3} size="h5" mb="xs">
        Snapshot policy
      </Title>
      <Alert icon={<Clock size={16} aria-hidden />} color="blue" mb="sm" data-testid="policy-open-only">
        Policies run only while Proxdeck is open and connected to this cluster. While it is closed, no
        snapshots are taken or deleted.
      </Alert>
      {mine.length > 0 && (
        <Table withTableBorder mb="sm" data-testid="policy-table">
          <Table.Tbody>
            {mine.map((p) => (
              <Table.Tr
                key={p.id}
                data-testid="policy-row"
                data-id={p.id}
                data-last-run={p.lastRun?.planId ?? ''}
              >
                <Table.Td>{describe(p)}</Table.Td>
                <Table.Td>
                  {p.lastRun ? (
                    <Group gap={4}>
                      <Badge
                        size="sm"
                        variant="light"
                        color={p.lastRun.state === 'succeeded' ? 'green' : 'red'}
                      >
                        {p.lastRun.state === 'succeeded' ? 'ran' : 'failed'}
                      </Badge>
                      <RelativeTime at={p.lastRun.at} />
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      first run with the save, <RelativeTime at={p.savedAt} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ActionButton
                    action="snapshot.create"
                    vars={vars}
                    size="xs"
                    disabled={blocked || (runningId ? 'a policy run is in progress' : false)}
                    onClick={() => void runNow(p)}
                    testId="policy-run-now"
                  >
                    Run policy now
                  </ActionButton>
                </Table.Td>
                <Table.Td>
                  <StopPolicyButton
                    policy={p}
                    what={describe(p)}
                    disabled={Boolean(blocked) || runningId === p.id}
                    onStopped={() => void policies.refetch()}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="sm" align="flex-end">
        <Select
          label="Applies to"
          data={[
            { value: 'guest', label: 'This guest' },
            ...g.tags.map((t) => ({ value: `tag:${t}`, label: `Every guest tagged '${t}'` })),
          ]}
          value={target}
          onChange={(v) => setTarget(v ?? 'guest')}
          allowDeselect={false}
          disabled={Boolean(blocked)}
          data-testid="policy-target"
        />
        <Select
          label="Every"
          data={[
            { value: 'hourly', label: 'Hour' },
            { value: 'daily', label: 'Day' },
          ]}
          value={frequency}
          onChange={(v) => setFrequency(PolicyFrequency.catch('daily').parse(v))}
          allowDeselect={false}
          w={110}
          disabled={Boolean(blocked)}
          data-testid="policy-frequency"
        />
        <NumberInput
          label="Keep the last"
          min={1}
          max={100}
          w={120}
          value={keep}
          onChange={(v) => setKeep(Math.max(1, typeof v === 'number' ? v : Number(v) || 1))}
          disabled={Boolean(blocked)}
          data-testid="policy-keep"
        />
        <ActionButton
          action="snapshot.create"
          vars={vars}
          disabled={blocked || flow.building}
          onClick={() =>
            void flow.start({
              target: target.startsWith('tag:')
                ? { kind: 'tag', tag: target.slice('tag:'.length) }
                : { kind: 'guest', guest: ref },
              frequency,
              keep,
            })
          }
          testId="policy-save"
        >
          Save policy…
        </ActionButton>
      </Group>
      {flow.dialog}
    </Paper>
  );
}
