// Build → confirm → run from any feature: start(action) asks main for a plan and renders the dialog until it is closed.
import { useCallback, useState, type ReactNode } from 'react';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { request } from '../../request.js';
import { ConfirmDiffDialog } from './ConfirmDiffDialog.js';

/** Asks main for the plan of one action; undefined when main refused (the request helper already showed why). */
export type PlanBuilder<A> = (profileId: string, action: A) => Promise<Plan | undefined>;

export const planChange: PlanBuilder<PlanAction> = (profileId, action) =>
  request('plans.build', { profileId, action }, 'Cannot plan this change');

export const planOperation: PlanBuilder<OperationAction> = (profileId, action) =>
  request('operations.build', { profileId, action }, 'Cannot plan this operation');

export interface PlanFlow<A> {
  start(action: A): Promise<void>;
  building: boolean;
  dialog: ReactNode;
}

/** onFinished gets the plan that ran (restore verification reads its report by plan id). */
export function usePlanFlow(
  profileId: string | undefined,
  onFinished?: (plan: Plan) => void,
): PlanFlow<PlanAction>;
export function usePlanFlow<A>(
  profileId: string | undefined,
  onFinished: ((plan: Plan) => void) | undefined,
  build: PlanBuilder<A>,
): PlanFlow<A>;
export function usePlanFlow<A>(
  profileId: string | undefined,
  onFinished?: (plan: Plan) => void,
  build?: PlanBuilder<A>,
): PlanFlow<A> {
  const [current, setCurrent] = useState<{ action: A; plan: Plan }>();
  const [building, setBuilding] = useState(false);
  // the overloads tie an omitted builder to A = PlanAction
  const builder = build ?? (planChange as PlanBuilder<unknown>);
  const start = useCallback(
    async (action: A) => {
      if (!profileId) return;
      setBuilding(true);
      const plan = await builder(profileId, action);
      setBuilding(false);
      setCurrent(plan ? { action, plan } : undefined);
    },
    [profileId, builder],
  );
  const dialog = current ? (
    <ConfirmDiffDialog
      key={current.plan.id}
      plan={current.plan}
      onClose={() => setCurrent(undefined)}
      onReplan={() => void start(current.action)}
      onFinished={() => onFinished?.(current.plan)}
    />
  ) : null;
  return { start, building, dialog };
}
