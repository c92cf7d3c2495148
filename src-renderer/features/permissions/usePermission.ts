// Hook: may the connected identity of a profile do an action on a target? Answers allowed / denied-with-reason / unknown.
import { useEffect } from 'react';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { evaluateAction } from '../../../src-shared/permissions/evaluate.js';
import type { Vars } from '../../../src-shared/permissions/requirement.js';
import { usePermissionsStore } from './permissions-store.js';

/** The target of an action plus the profile (cluster) it lives in; GuestRecord's clusterId is the profile id. */
export type PermissionVars = Vars & { profileId: string };

export interface PermissionVerdict {
  /** unknown while loading or when the permissions could not be read: the button stays usable and PVE decides */
  state: 'allowed' | 'denied' | 'unknown';
  /** e.g. "needs VM.PowerMgmt on /vms/101" */
  reason?: string;
}

export function usePermission(action: ActionId, vars: PermissionVars): PermissionVerdict {
  const { profileId } = vars;
  const entry = usePermissionsStore((s) => s.byProfile[profileId]);
  const ensure = usePermissionsStore((s) => s.ensure);
  useEffect(() => ensure(profileId), [ensure, profileId]);
  if (entry?.state !== 'ready') return { state: 'unknown', ...(entry?.state === 'failed' ? { reason: `permissions unknown: ${entry.message}` } : {}) };
  const { info } = entry;
  const verdict = evaluateAction(action, info.answer, vars, { identity: { id: info.identity } });
  return verdict.allowed ? { state: 'allowed' } : { state: 'denied', reason: verdict.reason ?? 'not allowed' };
}
