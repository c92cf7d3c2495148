// Evacuate a node: options, the placement preview (guest → target with why, what cannot move and why, what stays),
// then the evacuation plan through the confirm-diff dialog.
import { Button, Title } from '@mantine/core';
import { useState } from 'react';
import type { EvacuateOptions, EvacuationView } from '../../../src-shared/ipc/channels/maintenance.js';
import { planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { CheckField, SelectField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { request } from '../../request.js';
import { ActionButton } from '../permissions/ActionButton.js';

const GIB = 1024 ** 3;
const label = (g: { type: string; vmid: number; name: string }): string =>
  `${g.type === 'qemu' ? 'VM' : 'CT'} ${g.vmid} (${g.name})`;

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
  const flow = usePlanFlow(profileId, onDone, planWith);
  const preview = async (): Promise<void> =>
    setView(
      await request('maintenance.evacuatePreview', { profileId, options }, 'Cannot plan the evacuation'),
    );
  return (
    <section data-testid="evacuate-panel">
      <Title order={3}>Evacuate a node</Title>
      <OpsForm onSubmit={() => void preview()}>
        <SelectField
          label="Node"
          value={options.node}
          onChange={(e) => setO({ ...o, node: e.target.value })}
          data-testid="evacuate-node"
        >
          {nodes.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </SelectField>
        <CheckField
          label="Move stopped guests and templates too"
          checked={o.includeStopped}
          onChange={(e) => setO({ ...o, includeStopped: e.target.checked })}
        />
        <SelectField
          label="If a migration fails"
          value={o.onFailure}
          onChange={(e) => setO({ ...o, onFailure: e.target.value === 'continue' ? 'continue' : 'stop' })}
          data-testid="evacuate-on-failure"
        >
          <option value="stop">stop (one at a time)</option>
          <option value="continue">carry on with the rest</option>
        </SelectField>
        <SelectField
          label="At a time"
          value={String(o.concurrency)}
          onChange={(e) => setO({ ...o, concurrency: Number(e.target.value) })}
          disabled={o.onFailure === 'stop'}
        >
          {[1, 2, 3, 4].map((n) => (
            <option key={n}>{n}</option>
          ))}
        </SelectField>
        <Button type="submit" variant="default" data-testid="evacuate-preview">
          Preview placement
        </Button>
      </OpsForm>
      {view && (
        <>
          <table className="config-table" data-testid="evacuate-moves">
            <thead>
              <tr>
                <th>Guest</th>
                <th>Goes to</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {view.moves.map((m) => (
                <tr key={m.vmid} data-testid="evacuate-move" data-vmid={m.vmid} data-target={m.target}>
                  <td>{label(m)}</td>
                  <td>{m.target}</td>
                  <td>{m.reason}</td>
                </tr>
              ))}
              {view.cannotMove.map((m) => (
                <tr key={m.vmid} className="ops-refusal" data-testid="evacuate-cannot" data-vmid={m.vmid}>
                  <td>{label(m)}</td>
                  <td>cannot move</td>
                  <td>{m.reason}</td>
                </tr>
              ))}
              {view.staying.map((m) => (
                <tr key={m.vmid} className="muted" data-testid="evacuate-stays" data-vmid={m.vmid}>
                  <td>{label(m)}</td>
                  <td>stays</td>
                  <td>{m.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted" data-testid="evacuate-targets">
            {view.targets
              .map(
                (t) => `${t.node}: +${t.guests} guests, ${(t.freeAfter / GIB).toFixed(0)} GiB RAM free after`,
              )
              .join(' · ')}
          </p>
          <ActionButton
            action="guest.migrate"
            vars={{ profileId }}
            disabled={flow.building || view.moves.length === 0}
            onClick={() =>
              void flow.start(() =>
                request('maintenance.evacuatePlan', { profileId, options }, 'Cannot plan the evacuation'),
              )
            }
            testId="evacuate-plan"
          >
            Plan evacuation
          </ActionButton>
        </>
      )}
      {flow.dialog}
    </section>
  );
}
