// The confirm-diff dialog: what a plan will change, how, with which privileges; typed confirmation; then progress and end state.
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
    <div className="cdd-backdrop" role="presentation">
      <div
        className="cdd"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cdd-title"
        data-testid="confirm-diff-dialog"
      >
        <h2 id="cdd-title">{plan.title}</h2>
        <p className="muted">
          {plan.targets
            .map(
              (t) =>
                `${t.kind === 'qemu' ? 'VM' : t.kind === 'lxc' ? 'CT' : t.kind} ${t.id}${t.name ? ` (${t.name})` : ''}`,
            )
            .join(', ')}
        </p>
        <h3>Changes</h3>
        <DiffView diff={plan.diff} />
        {plan.warnings.length > 0 && (
          <ul className="cdd-warnings" data-testid="plan-warnings">
            {plan.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`} data-code={w.code}>
                ⚠ {w.message}
              </li>
            ))}
          </ul>
        )}
        {plan.blocked && (
          <div className="cdd-blocked" data-testid="plan-blocked">
            <strong>This plan cannot run:</strong>
            <ul>
              {plan.blockReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        )}
        <h3>API calls</h3>
        <PlanCalls plan={plan} steps={steps} />
        {plan.destructive && plan.confirmWord !== undefined && retryable && !plan.blocked && (
          <label className="cdd-typed">
            This cannot be undone. Type <code>{plan.confirmWord}</code> to confirm:
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              data-testid="plan-confirm-text"
              autoFocus
            />
          </label>
        )}
        {run.phase === 'refused' && (
          <div
            className={`cdd-refused cdd-refused-${run.error.code}`}
            data-testid="plan-refused"
            data-code={run.error.code}
          >
            {run.error.message}
            {run.error.code === 'stale_plan' && onReplan && (
              <button type="button" onClick={onReplan} data-testid="plan-replan">
                Re-plan
              </button>
            )}
          </div>
        )}
        {run.phase === 'finished' && (
          <div
            className={`cdd-end cdd-end-${run.result.state}`}
            data-testid="plan-end"
            data-state={run.result.state}
          >
            <strong>{run.result.state === 'succeeded' ? 'Done' : 'Failed'}</strong>
            {run.result.error && <span> — {run.result.error.message}</span>}
            <ul>
              {run.result.endState.map((e) => (
                <li key={e.target}>
                  {e.target}: {e.status ?? 'status unknown'}
                  {e.pending.length > 0 && (
                    <span className="cdd-pending"> · pending until restart: {e.pending.join(', ')}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <footer className="cdd-actions">
          <button type="button" onClick={onClose} data-testid="plan-close">
            {run.phase === 'finished' ? 'Close' : 'Cancel'}
          </button>
          {run.phase !== 'finished' && (
            <button
              type="button"
              className="cdd-confirm"
              disabled={!canConfirm}
              onClick={() => void start(typed)}
              data-testid="plan-confirm"
            >
              {run.phase === 'running' ? 'Running…' : 'Confirm'}
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
