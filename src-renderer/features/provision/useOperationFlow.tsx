// Build → confirm → run for operations: start(action) asks main for the operation's plan and shows the confirm-diff dialog.
import { useCallback, useState, type ReactNode } from 'react';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { ConfirmDiffDialog } from '../../components/ConfirmDiffDialog/ConfirmDiffDialog.js';
import { request } from '../../request.js';

export interface OperationFlow {
  start(action: OperationAction): Promise<void>;
  building: boolean;
  dialog: ReactNode;
}

/** onFinished gets the plan that ran (restore verification reads its report by plan id). */
export function useOperationFlow(profileId: string | undefined, onFinished?: (plan: Plan) => void): OperationFlow {
  const [current, setCurrent] = useState<{ action: OperationAction; plan: Plan }>();
  const [building, setBuilding] = useState(false);
  const start = useCallback(
    async (action: OperationAction) => {
      if (!profileId) return;
      setBuilding(true);
      const plan = await request('operations.build', { profileId, action }, 'Cannot plan this operation');
      setBuilding(false);
      setCurrent(plan ? { action, plan } : undefined);
    },
    [profileId],
  );
  const dialog = current && (
    <ConfirmDiffDialog key={current.plan.id} plan={current.plan} onClose={() => setCurrent(undefined)} onReplan={() => void start(current.action)} onFinished={() => onFinished?.(current.plan)} />
  );
  return { start, building, dialog };
}
