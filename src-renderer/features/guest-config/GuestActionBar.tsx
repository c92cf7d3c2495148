// The guest view's action bar: power actions (shutdown with timeout and force-stop) and the config editor, each through a plan.
import { Badge, Checkbox, Group, NumberInput, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { POWER_ACTIONS, type GuestRef, type PowerAction } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { ConfigEditForm } from './ConfigEditForm.js';
import { lockReason } from './lock-reason.js';
import { powerActionId } from './power-permission.js';

const LABEL: Record<PowerAction, string> = {
  start: 'Start',
  shutdown: 'Shut down',
  stop: 'Stop',
  reboot: 'Reboot',
  reset: 'Reset',
  suspend: 'Suspend',
  resume: 'Resume',
};

/** Which actions make sense in a state; PVE would refuse the others. */
export function actionsFor(g: Pick<GuestRecord, 'type' | 'status'>): PowerAction[] {
  const running = g.status === 'running';
  const paused = g.status === 'paused' || g.status === 'suspended';
  return POWER_ACTIONS.filter((a) => {
    if (a === 'reset' && g.type === 'lxc') return false;
    if (a === 'start') return !running && !paused;
    if (a === 'resume') return paused;
    return running || (paused && (a === 'stop' || a === 'shutdown'));
  });
}

/** onConsole: shows the guest's console (the Console button is there so its permission shows next to the others). */
export function GuestActionBar({ guest: g, onConsole }: { guest: GuestRecord; onConsole?: () => void }) {
  const readOnly = useReadOnly(g.clusterId);
  const [editing, setEditing] = useState(false);
  const [timeout, setTimeoutSecs] = useState('');
  const [forceStop, setForceStop] = useState(false);
  const [snapshotFirst, setSnapshotFirst] = useState(false);
  const flow = usePlanFlow(g.clusterId);
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const disabled = readOnly || flow.building;
  const lock = lockReason(g.lock, 'config');
  const editBlock = readOnly ? 'the profile is read-only' : lock;
  const vars = { profileId: g.clusterId, node: g.node, type: g.type, vmid: g.vmid };
  const power = (action: PowerAction): void =>
    void flow.start({
      kind: 'power',
      action,
      guests: [ref],
      ...(action === 'shutdown' && /^\d+$/.test(timeout) ? { timeout: Number(timeout) } : {}),
      ...(action === 'shutdown' && forceStop ? { forceStop: true } : {}),
      ...(snapshotFirst ? { snapshotFirst: true } : {}),
    });
  return (
    <div data-testid="guest-actions">
      <Group gap="xs" className="plan-bar">
        {actionsFor(g).map((a) => (
          <ActionButton
            key={a}
            action={powerActionId(a)}
            vars={vars}
            disabled={readOnly ? 'the profile is read-only' : (lockReason(g.lock, a) ?? flow.building)}
            onClick={() => power(a)}
            testId={`guest-action-${a}`}
          >
            {LABEL[a]}
          </ActionButton>
        ))}
        {onConsole && (
          <ActionButton action="guest.console" vars={vars} onClick={onConsole} testId="guest-action-console">
            Console
          </ActionButton>
        )}
        {g.status === 'running' && (
          <>
            <NumberInput
              aria-label="Shutdown timeout in seconds"
              placeholder="shutdown timeout (s)"
              value={timeout}
              onChange={(v) => setTimeoutSecs(String(v))}
              allowDecimal={false}
              allowNegative={false}
              w={170}
              disabled={disabled}
            />
            <Checkbox
              label="force stop after"
              checked={forceStop}
              onChange={(e) => setForceStop(e.currentTarget.checked)}
              disabled={disabled}
            />
          </>
        )}
        <Switch
          label="Snapshot first"
          checked={snapshotFirst}
          onChange={(e) => setSnapshotFirst(e.currentTarget.checked)}
          disabled={disabled}
          data-testid="guest-snapshot-first"
        />
        <ReasonButton
          disabled={editBlock ?? false}
          onClick={() => setEditing((v) => !v)}
          testId="guest-action-edit"
        >
          {editing ? 'Close editor' : 'Edit config…'}
        </ReasonButton>
        {readOnly && (
          <Text size="sm" c="dimmed">
            read-only profile
          </Text>
        )}
        {g.lock && (
          <Badge color="orange" variant="light" className="action-reason" data-testid="guest-lock-reason">
            locked: {g.lock}
          </Badge>
        )}
      </Group>
      {editing && (
        <ConfigEditForm
          profileId={g.clusterId}
          guest={ref}
          disabled={disabled}
          snapshotFirst={snapshotFirst}
          onPlan={(changes, snap) =>
            void flow.start({ kind: 'config', guest: ref, changes, ...(snap ? { snapshotFirst: true } : {}) })
          }
        />
      )}
      {flow.dialog}
    </div>
  );
}
