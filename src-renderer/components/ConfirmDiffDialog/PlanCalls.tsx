// The calls a plan makes, in order: method and path, the privileges each needs (missing ones named), and the pvesh line to copy.
import { Button } from '@mantine/core';
import type { Plan } from '../../../src-shared/plans/plan.js';
import type { StepView } from './usePlanRun.js';

function copy(text: string): void {
  void navigator.clipboard?.writeText(text).catch(() => undefined);
}

export function PlanCalls({ plan, steps }: { plan: Plan; steps: readonly StepView[] }) {
  return (
    <ol className="cdd-calls" data-testid="plan-calls">
      {plan.calls.map((c, i) => {
        const step = steps[i];
        return (
          <li
            key={`${c.method} ${c.path} ${i}`}
            data-testid="plan-call"
            data-state={step?.state ?? 'planned'}
          >
            <div className="cdd-call-head">
              <code>
                {c.method} {c.path}
              </code>
              {step && <span className={`cdd-step cdd-step-${step.state}`}>{step.state}</span>}
            </div>
            <div className="cdd-pvesh">
              <code data-testid="plan-pvesh">{c.pvesh}</code>
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => copy(c.pvesh)}
                aria-label="Copy the command"
              >
                Copy
              </Button>
            </div>
            <div className="cdd-privs">
              needs {c.privileges.join('; ') || 'no privilege'}
              {c.check.allowed ? (
                <span className="cdd-ok"> ✓</span>
              ) : (
                <span className="cdd-missing" data-testid="plan-missing">
                  {' '}
                  — missing: {c.check.missing.join('; ')}
                </span>
              )}
            </div>
            {step && step.log.length > 0 && (
              <pre className="cdd-log" data-testid="plan-task-log">
                {step.log.map((l) => l.t).join('\n')}
              </pre>
            )}
            {step?.error && <p className="cdd-error">{step.error}</p>}
          </li>
        );
      })}
    </ol>
  );
}
