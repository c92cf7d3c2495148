// Build → confirm → run for the firewall, SDN and replication views: start(build) asks main for a plan and shows the confirm-diff dialog.
import { useCallback, useState, type ReactNode } from 'react';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { ConfirmDiffDialog } from '../../components/ConfirmDiffDialog/ConfirmDiffDialog.js';

export interface ClusterPlanFlow {
  /** build resolves undefined when main refused (the request helper already showed why) */
  start(build: () => Promise<Plan | undefined>): Promise<void>;
  building: boolean;
  dialog: ReactNode;
}

export function useClusterPlan(onFinished: () => void): ClusterPlanFlow {
  const [current, setCurrent] = useState<{ build: () => Promise<Plan | undefined>; plan: Plan }>();
  const [building, setBuilding] = useState(false);
  const start = useCallback(async (build: () => Promise<Plan | undefined>) => {
    setBuilding(true);
    const plan = await build();
    setBuilding(false);
    setCurrent(plan ? { build, plan } : undefined);
  }, []);
  const dialog = current && (
    <ConfirmDiffDialog key={current.plan.id} plan={current.plan} onClose={() => setCurrent(undefined)} onReplan={() => void start(current.build)} onFinished={onFinished} />
  );
  return { start, building, dialog };
}
