// The rolling reboot of a cluster: start it (node order, move guests back), then approve one node at a time by
// confirming its plan; the state lives in main (and on disk), so a restarted app shows where it stopped.
import { Button, Title } from '@mantine/core';
import { useState } from 'react';
import type { RollingState } from '../../../src-shared/ipc/channels/maintenance.js';
import { planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { CheckField } from '../../components/Form/Field.js';
import { request } from '../../request.js';
import { ActionButton } from '../permissions/ActionButton.js';

const PHASE: Record<RollingState['nodes'][number]['phase'], string> = {
  pending: 'waiting for approval',
  evacuated: 'guests moved off',
  rebooting: 'rebooting',
  online: 'back online',
  done: 'done',
};

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
    <section data-testid="rolling-panel">
      <Title order={3} mt="lg">
        Rolling reboot
      </Title>
      {state && (
        <ol className="rolling-nodes" data-testid="rolling-nodes">
          {state.nodes.map((n) => (
            <li key={n.node} data-testid="rolling-node" data-node={n.node} data-phase={n.phase}>
              <strong>{n.node}</strong>: {PHASE[n.phase]}
              {n.log.length > 0 && <span className="muted"> ({n.log.at(-1)})</span>}
            </li>
          ))}
        </ol>
      )}
      {active && next ? (
        <>
          <ActionButton
            action="node.reboot"
            vars={{ profileId, node: next.node }}
            disabled={flow.building}
            onClick={() =>
              void flow.start(() =>
                request('maintenance.rollingNext', { profileId }, 'Cannot plan the next node'),
              )
            }
            testId="rolling-next"
          >
            {next.phase === 'pending' ? `Approve ${next.node}` : `Resume ${next.node}`}
          </ActionButton>{' '}
          <Button variant="default" color="red" onClick={() => void cancel()} data-testid="rolling-cancel">
            Stop the rolling reboot
          </Button>
        </>
      ) : (
        <p>
          {state?.finished && <span data-testid="rolling-finished">Every node was rebooted. </span>}
          <CheckField
            label="Move guests back after each reboot"
            checked={moveBack}
            onChange={(e) => setMoveBack(e.target.checked)}
          />{' '}
          <button
            type="button"
            onClick={() => void start()}
            disabled={nodes.length === 0}
            data-testid="rolling-start"
          >
            Start rolling reboot of {nodes.join(', ')}
          </button>
        </p>
      )}
      {flow.dialog}
    </section>
  );
}
