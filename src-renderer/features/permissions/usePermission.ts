// Hook: may the connected identity of a profile do an action on a target? Answers allowed / denied-with-reason / unknown.
import { useEffect } from 'react';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { evaluateAction } from '../../../src-shared/permissions/evaluate.js';
import type { Vars } from '../../../src-shared/permissions/requirement.js';
import { usePermissionsStore, type PermissionsEntry } from './permissions-store.js';

/** The target of an action plus the profile (cluster) it lives in; GuestRecord's clusterId is the profile id. */
export type PermissionVars = Vars & { profileId: string };

export interface PermissionVerdict {
  /** unknown while loading or when the permissions could not be read: the button stays usable and PVE decides */
  state: 'allowed' | 'denied' | 'unknown';
  /** e.g. "needs VM.PowerMgmt on /vms/101" */
  reason?: string;
}

/** The verdict for an action from a profile's cached permissions (outside React: the command palette). */
export function verdictOf(
  entry: PermissionsEntry | undefined,
  action: ActionId,
  vars: Vars,
): PermissionVerdict {
  if (entry?.state !== 'ready')
    return {
      state: 'unknown',
      ...(entry?.state === 'failed' ? { reason: `permissions unknown: ${entry.message}` } : {}),
    };
  const { info } = entry;
  const verdict = evaluateAction(action, info.answer, vars, { identity: { id: info.identity } });
  return verdict.allowed
    ? { state: 'allowed' }
    : { state: 'denied', reason: verdict.reason ?? 'not allowed' };
}

function useEntry(profileId: string | undefined): PermissionsEntry | undefined {
  const entry = usePermissionsStore((s) => (profileId ? s.byProfile[profileId] : undefined));
  const ensure = usePermissionsStore((s) => s.ensure);
  useEffect(() => {
    if (profileId) ensure(profileId);
  }, [ensure, profileId]);
  return entry;
}

export function usePermission(action: ActionId, vars: PermissionVars): PermissionVerdict {
  return verdictOf(useEntry(vars.profileId), action, vars);
}

/** One verdict for an action on several targets of a profile (a grid selection): the first denial, else allowed. */
export function usePermissionAll(
  action: ActionId,
  profileId: string | undefined,
  targets: readonly Vars[],
): PermissionVerdict {
  const entry = useEntry(profileId);
  let unknown: PermissionVerdict | undefined;
  for (const vars of targets) {
    const verdict = verdictOf(entry, action, vars);
    if (verdict.state === 'denied') return verdict;
    if (verdict.state === 'unknown') unknown ??= verdict;
  }
  return unknown ?? { state: 'allowed' };
}
