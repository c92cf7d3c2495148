// Runs a plan from the dialog: one plans.run request, live step progress and task log from plans.progressed, the end state.
import { useCallback, useState } from 'react';
import type { RunResult } from '../../../src-shared/ipc/channels/plans.js';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import type { TaskLogLine } from '../../../src-shared/model/task.js';
import { getBridge } from '../../bridge.js';
import { useContractEvent } from '../../useContractEvent.js';

export interface StepView {
  state: 'running' | 'done' | 'failed' | 'skipped';
  log: TaskLogLine[];
  error?: string;
}

export type RunPhase =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'finished'; result: RunResult }
  | { phase: 'refused'; error: AppError };

export function usePlanRun(planId: string) {
  const [run, setRun] = useState<RunPhase>({ phase: 'idle' });
  const [steps, setSteps] = useState<StepView[]>([]);

  useContractEvent('plans.progressed', (p) => {
    if (p.planId !== planId) return;
    setSteps((old) => {
      const next = [...old];
      const cur = next[p.index] ?? { state: 'running', log: [] };
      next[p.index] = { ...cur, state: p.state, log: [...cur.log, ...p.newLines] };
      return next;
    });
  });

  const start = useCallback(
    async (confirmText: string) => {
      setRun((r) => (r.phase === 'idle' ? { phase: 'running' } : r));
      const reply = await getBridge().invoke('plans.run', {
        planId,
        ...(confirmText ? { confirmText } : {}),
      });
      if (!reply.ok) {
        setRun({ phase: 'refused', error: reply.error });
        return;
      }
      setSteps(
        reply.value.steps.map((s) => ({
          state: s.state,
          log: s.log,
          ...(s.error ? { error: s.error } : {}),
        })),
      );
      setRun({ phase: 'finished', result: reply.value });
    },
    [planId],
  );

  return { run, steps, start };
}
