// A button for a firewall/SDN/replication action: enabled only when the identity may do it, else it says which privilege is missing.
// Same markup as permissions/ActionButton (data-testid action-<id>, data-permission, action-reason), for actions of either table.
import { useEffect, type ReactNode } from 'react';
import { type AnyActionId, evaluateAnyAction } from '../../../src-shared/permissions/cluster-ops-actions.js';
import type { Vars } from '../../../src-shared/permissions/requirement.js';
import { usePermissionsStore } from '../permissions/permissions-store.js';

export function OpsActionButton({ action, vars, onClick, disabled, children }: { action: AnyActionId; vars: Vars & { profileId: string }; onClick(): void; disabled?: boolean; children: ReactNode }) {
  const entry = usePermissionsStore((s) => s.byProfile[vars.profileId]);
  const ensure = usePermissionsStore((s) => s.ensure);
  useEffect(() => ensure(vars.profileId), [ensure, vars.profileId]);
  // unknown while loading or unreadable: the button stays usable and PVE (and the plan's own check) decides
  const verdict = entry?.state === 'ready' ? evaluateAnyAction(action, entry.info.answer, vars, { id: entry.info.identity }) : undefined;
  const denied = verdict !== undefined && !verdict.allowed;
  const reason = denied ? (verdict.reason ?? 'not allowed') : undefined;
  return (
    <span className="action-button" data-testid={`action-${action}`} data-permission={verdict === undefined ? 'unknown' : denied ? 'denied' : 'allowed'}>
      <button type="button" disabled={denied || disabled} title={reason} onClick={onClick}>{children}</button>
      {denied && <small className="action-reason" data-testid="action-reason">{reason}</small>}
    </span>
  );
}
