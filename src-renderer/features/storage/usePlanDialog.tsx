// Build → confirm → run for the storage, agent and task areas: start(build) asks main for a plan through the given
// request and shows the confirm-diff dialog; onFinished gets the plan that ran.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { ConfirmDiffDialog } from '../../components/ConfirmDiffDialog/ConfirmDiffDialog.js';

export interface PlanDialog {
  start(build: () => Promise<Plan | undefined>): Promise<void>;
  building: boolean;
  dialog: ReactNode;
}

export function usePlanDialog(onFinished?: (plan: Plan) => void): PlanDialog {
  const [plan, setPlan] = useState<Plan>();
  const [building, setBuilding] = useState(false);
  const lastBuild = useRef<() => Promise<Plan | undefined>>(undefined);
  const start = useCallback(async (build: () => Promise<Plan | undefined>) => {
    lastBuild.current = build;
    setBuilding(true);
    const built = await build();
    setBuilding(false);
    setPlan(built);
  }, []);
  const dialog = plan && (
    <ConfirmDiffDialog
      key={plan.id}
      plan={plan}
      onClose={() => setPlan(undefined)}
      onReplan={() => lastBuild.current && void start(lastBuild.current)}
      onFinished={() => onFinished?.(plan)}
    />
  );
  return { start, building, dialog };
}
