// The rolling reboot of a cluster: start it (node order, move guests back), then approve one node at a time by
// confirming its plan; the state lives in main (and on disk), so a restarted app shows where it stopped.
import { Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RollingState } from '../../../src-shared/ipc/channels/maintenance.js';
import { planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { request } from '../../request.js';
import { ActionButton } from '../permissions/ActionButton.js';

type Phase = RollingState['nodes'][number]['phase'];
const PHASE: Record<Phase, [string, string]> = {
  pending: ['waiting for approval', 'gray'],
  evacuated: ['guests moved off', 'blue'],
  rebooting: ['rebooting', 'orange'],
  online: ['back online', 'teal'],
  done: ['done', 'green'],
};

function Nodes({ state }: { state: RollingState }) {
  return (
    <Table withTableBorder data-testid="rolling-nodes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Node</Table.Th>
          <Table.Th>Phase</Table.Th>
          <Table.Th>Last step</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {state.nodes.map((n, i) => (
          <Table.Tr key={n.node} data-testid="rolling-node" data-node={n.node} data-phase={n.phase}>
            <Table.Td>{i + 1}</Table.Td>
            <Table.Td>{n.node}</Table.Td>
            <Table.Td>
              <Badge color={PHASE[n.phase][1]} variant="dot">
                {PHASE[n.phase][0]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed">
                {n.log.at(-1) ?? ''}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function RollingPanel({
  profileId,
  nodes,
  state,
  onChange,
}: {
  profileId: string;
  nodes: string[];
  state: RollingState | null | undefined;
  onChange(): void;
}) {
  const [moveBack, setMoveBack] = useState(true);
  const flow = usePlanFlow(profileId, onChange, planWith);
  const active = state && !state.finished;
  const next = state?.nodes.find((n) => n.phase !== 'done');
  const start = async (): Promise<void> => {
    const s = await request(
      'maintenance.rollingStart',
      { profileId, nodes, moveBack, concurrency: 1 },
      'Cannot start the rolling reboot',
    );
    if (s) onChange();
  };
  const cancel = async (): Promise<void> => {
    await request('maintenance.rollingCancel', { profileId }, 'Cannot cancel the rolling reboot');
    onChange();
  };
  return (
    <Paper withBorder p="md" data-testid="rolling-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Rolling reboot
        </Title>
        {state && <Nodes state={state} />}
        {active && next ? (
          <Group gap="xs">
            <ActionButton
              action="node.reboot"
              vars={{ profileId, node: next.node }}
              disabled={flow.building && 'a plan is being prepared'}
              onClick={() =>
                void flow.start(() =>
                  request('maintenance.rollingNext', { profileId }, 'Cannot plan the next node'),
                )
              }
              testId="rolling-next"
            >
              {next.phase === 'pending' ? `Approve ${next.node}` : `Resume ${next.node}`}
            </ActionButton>
            <Button variant="default" color="red" onClick={() => void cancel()} data-testid="rolling-cancel">
              Stop the rolling reboot
            </Button>
          </Group>
        ) : (
          <Stack gap="xs">
            {state?.finished && (
              <Text size="sm" c="green" data-testid="rolling-finished">
                Every node was rebooted.
              </Text>
            )}
            <Checkbox
              label="Move guests back after each reboot"
              checked={moveBack}
              onChange={(e) => setMoveBack(e.currentTarget.checked)}
              data-testid="rolling-move-back"
            />
            <Group>
              <ReasonButton
                onClick={() => void start()}
                disabled={nodes.length === 0 && 'no node to reboot'}
                testId="rolling-start"
              >
                Start rolling reboot of {nodes.join(', ')}
              </ReasonButton>
            </Group>
          </Stack>
        )}
      </Stack>
      {flow.dialog}
    </Paper>
  );
}
