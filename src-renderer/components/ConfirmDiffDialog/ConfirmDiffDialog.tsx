// The confirm-diff dialog: what a plan will change, how, with which privileges; typed confirmation; then progress and end state.
import { Alert, Button, Group, List, Modal, Text, TextInput, Title } from '@mantine/core';
import { TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { isConfirmed, type Plan } from '../../../src-shared/plans/plan.js';
import { DiffView } from './DiffView.js';
import { PlanCalls } from './PlanCalls.js';
import { usePlanRun } from './usePlanRun.js';
import './confirm-diff.css';

export interface ConfirmDiffDialogProps {
  plan: Plan;
  onClose(): void;
  /** builds the plan again (shown when the run was refused as stale) */
  onReplan?(): void;
  /** called once after a run finished (succeeded or failed) */
  onFinished?(): void;
}

export function ConfirmDiffDialog({ plan, onClose, onReplan, onFinished }: ConfirmDiffDialogProps) {
  const { run, steps, start } = usePlanRun(plan.id);
  const [typed, setTyped] = useState('');
  const [notified, setNotified] = useState(false);
  if (run.phase === 'finished' && !notified) {
    setNotified(true);
    onFinished?.();
  }
  const retryable = run.phase === 'idle' || (run.phase === 'refused' && run.error.code === 'bad_parameter');
  const canConfirm = retryable && !plan.blocked && isConfirmed(plan, typed);
  return (
    <Modal.Root opened onClose={onClose} size="xl" closeOnClickOutside={false} lockScroll={false}>
      <Modal.Overlay />
      <Modal.Content className="cdd" data-testid="confirm-diff-dialog">
        <Modal.Header>
          <div>
            <Modal.Title>
              <Title order={2} size="h3" component="span">
                {plan.title}
              </Title>
            </Modal.Title>
            <Text size="sm" c="dimmed">
              {plan.targets
                .map(
                  (t) =>
                    `${t.kind === 'qemu' ? 'VM' : t.kind === 'lxc' ? 'CT' : t.kind} ${t.id}${t.name ? ` (${t.name})` : ''}`,
                )
                .join(', ')}
            </Text>
          </div>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>
          <h3>Changes</h3>
          <DiffView diff={plan.diff} />
          {plan.warnings.length > 0 && (
            <List className="cdd-warnings" data-testid="plan-warnings" spacing={4} mt="sm">
              {plan.warnings.map((w, i) => (
                <List.Item
                  key={`${w.code}-${i}`}
                  data-code={w.code}
                  icon={<TriangleAlert size={14} aria-hidden />}
                >
                  {w.message}
                </List.Item>
              ))}
            </List>
          )}
          {plan.blocked && (
            <Alert color="red" title="This plan cannot run" mt="sm" data-testid="plan-blocked">
              <List size="sm">
                {plan.blockReasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <h3>API calls</h3>
          <PlanCalls plan={plan} steps={steps} />
          {plan.destructive && plan.confirmWord !== undefined && retryable && !plan.blocked && (
            <TextInput
              className="cdd-typed"
              mt="md"
              size="sm"
              label={
                <>
                  This cannot be undone. Type <code>{plan.confirmWord}</code> to confirm:
                </>
              }
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              data-testid="plan-confirm-text"
              data-autofocus
            />
          )}
          {run.phase === 'refused' && (
            <Alert
              color="red"
              mt="sm"
              className={`cdd-refused cdd-refused-${run.error.code}`}
              data-testid="plan-refused"
              data-code={run.error.code}
            >
              <Group justify="space-between">
                <span>{run.error.message}</span>
                {run.error.code === 'stale_plan' && onReplan && (
                  <Button variant="default" onClick={onReplan} data-testid="plan-replan">
                    Re-plan
                  </Button>
                )}
              </Group>
            </Alert>
          )}
          {run.phase === 'finished' && (
            <Alert
              mt="sm"
              color={run.result.state === 'succeeded' ? 'green' : 'red'}
              className={`cdd-end cdd-end-${run.result.state}`}
              data-testid="plan-end"
              data-state={run.result.state}
              title={run.result.state === 'succeeded' ? 'Done' : 'Failed'}
            >
              {run.result.error && <Text size="sm">{run.result.error.message}</Text>}
              <List size="sm">
                {run.result.endState.map((e) => (
                  <List.Item key={e.target}>
                    {e.target}: {e.status ?? 'status unknown'}
                    {e.pending.length > 0 && (
                      <span className="cdd-pending"> · pending until restart: {e.pending.join(', ')}</span>
                    )}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs" mt="md" className="cdd-actions">
            <Button variant="default" onClick={onClose} data-testid="plan-close">
              {run.phase === 'finished' ? 'Close' : 'Cancel'}
            </Button>
            {run.phase !== 'finished' && (
              <Button
                disabled={!canConfirm}
                loading={run.phase === 'running'}
                onClick={() => void start(typed)}
                data-testid="plan-confirm"
              >
                {run.phase === 'running' ? 'Running…' : 'Confirm'}
              </Button>
            )}
          </Group>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
