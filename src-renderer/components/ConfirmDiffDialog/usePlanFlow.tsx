// Build → confirm → run from any feature: start(action) asks main for a plan and renders the dialog until it is closed.
import { useCallback, useState, type ReactNode } from 'react';
import type { AgentRun } from '../../../src-shared/ipc/channels/agent.js';
import type { FirewallAction } from '../../../src-shared/ipc/channels/firewall.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef, PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import type { ReplicationAction } from '../../../src-shared/ipc/channels/replication.js';
import type { SdnAction } from '../../../src-shared/ipc/channels/sdn.js';
import type { StorageAction } from '../../../src-shared/ipc/channels/storage.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { request } from '../../request.js';
import { clearScopeErrors } from '../../ui/notifications/notify.js';
import { ConfirmDiffDialog } from './ConfirmDiffDialog.js';

/** Notices of refused plans; closed once a plan is built (the refusal no longer applies, and it would cover the dialog). */
const PLAN_REFUSED = 'plan-refused';

/** Asks main for the plan of one action; undefined when main refused (the request helper already showed why). */
export type PlanBuilder<A> = (profileId: string, action: A) => Promise<Plan | undefined>;

export const planChange: PlanBuilder<PlanAction> = (profileId, action) =>
  request('plans.build', { profileId, action }, 'Cannot plan this change', PLAN_REFUSED);

export const planOperation: PlanBuilder<OperationAction> = (profileId, action) =>
  request('operations.build', { profileId, action }, 'Cannot plan this operation', PLAN_REFUSED);

export const planFirewall: PlanBuilder<FirewallAction> = (profileId, action) =>
  request('firewall.build', { profileId, action }, 'Cannot plan this firewall change', PLAN_REFUSED);

export const planSdn: PlanBuilder<SdnAction> = (profileId, action) =>
  request('sdn.build', { profileId, action }, 'Cannot plan this SDN change', PLAN_REFUSED);

export const planReplication: PlanBuilder<ReplicationAction> = (profileId, action) =>
  request('replication.build', { profileId, action }, 'Cannot plan this replication change', PLAN_REFUSED);

const STORAGE_VERB: Record<StorageAction['kind'], string> = {
  upload: 'upload',
  'template.download': 'download',
  'content.delete': 'delete',
};
export const planStorage: PlanBuilder<StorageAction> = (profileId, action) =>
  request(
    'storage.plan',
    { profileId, action },
    `Cannot plan the ${STORAGE_VERB[action.kind]}`,
    PLAN_REFUSED,
  );

export const planAgent: PlanBuilder<{ guest: GuestRef; run: AgentRun }> = (profileId, { guest, run }) =>
  request('agent.plan', { profileId, guest, run }, 'Cannot plan the audit', PLAN_REFUSED);

/** For a plan that needs work in the renderer first (staging an upload): the action is that work; replanning redoes it. */
export const planWith: PlanBuilder<() => Promise<Plan | undefined>> = (_profileId, build) => build();

export interface PlanFlow<A> {
  start(action: A): Promise<void>;
  /** the same for another profile than the hook's (the command palette works across clusters) */
  startFor(profileId: string, action: A): Promise<void>;
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
  const [current, setCurrent] = useState<{ profileId: string; action: A; plan: Plan }>();
  const [building, setBuilding] = useState(false);
  // the overloads tie an omitted builder to A = PlanAction
  const builder = build ?? (planChange as PlanBuilder<unknown>);
  const startFor = useCallback(
    async (forProfile: string, action: A) => {
      setBuilding(true);
      const plan = await builder(forProfile, action);
      setBuilding(false);
      if (plan) clearScopeErrors(PLAN_REFUSED);
      setCurrent(plan ? { profileId: forProfile, action, plan } : undefined);
    },
    [builder],
  );
  const start = useCallback(
    async (action: A) => {
      if (profileId) await startFor(profileId, action);
    },
    [profileId, startFor],
  );
  const dialog = current ? (
    <ConfirmDiffDialog
      key={current.plan.id}
      plan={current.plan}
      onClose={() => setCurrent(undefined)}
      onReplan={() => void startFor(current.profileId, current.action)}
      onFinished={() => onFinished?.(current.plan)}
    />
  ) : null;
  return { start, startFor, building, dialog };
}
