// Evacuate a node: options, the placement preview (guest → target with why, what cannot move and why, what stays),
// then the evacuation plan through the confirm-diff dialog.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { EvacuateOptions, EvacuationView } from '../../../src-shared/ipc/channels/maintenance.js';
import { planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { request } from '../../request.js';
import { ActionButton } from '../permissions/ActionButton.js';

const GIB = 1024 ** 3;
const label = (g: { type: string; vmid: number; name: string }): string =>
  `${g.type === 'qemu' ? 'VM' : 'CT'} ${g.vmid} (${g.name})`;

function Placement({ view }: { view: EvacuationView }) {
  return (
    <Table withTableBorder data-testid="evacuate-moves">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Guest</Table.Th>
          <Table.Th>Goes to</Table.Th>
          <Table.Th>Why</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {view.moves.map((m) => (
          <Table.Tr key={m.vmid} data-testid="evacuate-move" data-vmid={m.vmid} data-target={m.target}>
            <Table.Td>{label(m)}</Table.Td>
            <Table.Td>{m.target}</Table.Td>
            <Table.Td>{m.reason}</Table.Td>
          </Table.Tr>
        ))}
        {view.cannotMove.map((m) => (
          <Table.Tr key={m.vmid} data-testid="evacuate-cannot" data-vmid={m.vmid}>
            <Table.Td>{label(m)}</Table.Td>
            <Table.Td>
              <Badge color="red" variant="dot">
                cannot move
              </Badge>
            </Table.Td>
            <Table.Td>{m.reason}</Table.Td>
          </Table.Tr>
        ))}
        {view.staying.map((m) => (
          <Table.Tr key={m.vmid} data-testid="evacuate-stays" data-vmid={m.vmid}>
            <Table.Td>{label(m)}</Table.Td>
            <Table.Td>
              <Badge color="gray" variant="dot">
                stays
              </Badge>
            </Table.Td>
            <Table.Td>{m.reason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EvacuatePanel({
  profileId,
  nodes,
  onDone,
}: {
  profileId: string;
  nodes: string[];
  onDone(): void;
}) {
  const [o, setO] = useState<EvacuateOptions>({
    node: nodes[0] ?? '',
    includeStopped: false,
    concurrency: 2,
    onFailure: 'stop',
  });
  const options = { ...o, node: o.node || nodes[0] || '' };
  const [view, setView] = useState<EvacuationView>();
  const [problem, setProblem] = useState<string>();
  const flow = usePlanFlow(profileId, onDone, planWith);
  const preview = async (): Promise<void> => {
    if (!options.node) {
      setProblem('Node: no node is online to evacuate.');
      return;
    }
    setProblem(undefined);
    setView(
      await request('maintenance.evacuatePreview', { profileId, options }, 'Cannot plan the evacuation'),
    );
  };
  return (
    <Paper withBorder p="md" data-testid="evacuate-panel">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Evacuate a node
        </Title>
        <form
          className="ops-form"
          data-testid="evacuate-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void preview();
          }}
        >
          <Group align="flex-end" gap="sm">
            <NativeSelect
              size="xs"
              label="Node"
              value={options.node}
              onChange={(e) => setO({ ...o, node: e.currentTarget.value })}
              data={nodes}
              error={problem}
              data-testid="evacuate-node"
            />
            <NativeSelect
              size="xs"
              label="If a migration fails"
              value={o.onFailure}
              onChange={(e) =>
                setO({ ...o, onFailure: e.currentTarget.value === 'continue' ? 'continue' : 'stop' })
              }
              data={[
                { value: 'stop', label: 'stop (one at a time)' },
                { value: 'continue', label: 'carry on with the rest' },
              ]}
              data-testid="evacuate-on-failure"
            />
            <NumberInput
              size="xs"
              label="Migrations at a time"
              w={150}
              min={1}
              max={4}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              value={o.concurrency}
              onChange={(x) => setO({ ...o, concurrency: Math.min(4, Math.max(1, Number(x) || 1)) })}
              disabled={o.onFailure === 'stop'}
              description={o.onFailure === 'stop' ? 'one at a time when stopping on failure' : undefined}
              data-testid="evacuate-concurrency"
            />
            <Checkbox
              label="Move stopped guests and templates too"
              checked={o.includeStopped}
              onChange={(e) => setO({ ...o, includeStopped: e.currentTarget.checked })}
              data-testid="evacuate-include-stopped"
            />
            <Button type="submit" variant="default" size="xs" data-testid="evacuate-preview">
              Preview placement
            </Button>
          </Group>
        </form>
        {view && (
          <>
            <Placement view={view} />
            <Text size="sm" c="dimmed" data-testid="evacuate-targets">
              {view.targets
                .map(
                  (t) =>
                    `${t.node}: +${t.guests} guests, ${(t.freeAfter / GIB).toFixed(0)} GiB RAM free after`,
                )
                .join(' · ')}
            </Text>
            <Group>
              <ActionButton
                action="guest.migrate"
                vars={{ profileId }}
                disabled={
                  view.moves.length === 0
                    ? 'no guest can move: see the placement above'
                    : flow.building && 'a plan is being prepared'
                }
                onClick={() =>
                  void flow.start(() =>
                    request('maintenance.evacuatePlan', { profileId, options }, 'Cannot plan the evacuation'),
                  )
                }
                testId="evacuate-plan"
              >
                Plan evacuation
              </ActionButton>
            </Group>
          </>
        )}
      </Stack>
      {flow.dialog}
    </Paper>
  );
}
