// Build → confirm → run from any feature: start(action) asks main for a plan and renders the dialog until it is closed.
import { useCallback, useState, type ReactNode } from 'react';
import type { PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { request } from '../../request.js';
import { ConfirmDiffDialog } from './ConfirmDiffDialog.js';

export function usePlanFlow(profileId: string | undefined, onFinished?: () => void): { start(action: PlanAction): Promise<void>; building: boolean; dialog: ReactNode } {
  const [current, setCurrent] = useState<{ action: PlanAction; plan: Plan }>();
  const [building, setBuilding] = useState(false);
  const start = useCallback(
    async (action: PlanAction) => {
      if (!profileId) return;
      setBuilding(true);
      const plan = await request('plans.build', { profileId, action }, 'Cannot plan this change');
      setBuilding(false);
      setCurrent(plan ? { action, plan } : undefined);
    },
    [profileId],
  );
  const dialog = current ? (
    <ConfirmDiffDialog
      key={current.plan.id}
      plan={current.plan}
      onClose={() => setCurrent(undefined)}
      onReplan={() => void start(current.action)}
      {...(onFinished ? { onFinished } : {})}
    />
  ) : null;
  return { start, building, dialog };
}
