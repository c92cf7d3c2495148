// Hook: may the profile's identity make calls with these privilege needs on a target? (For needs outside the shared action table.)
import { useEffect } from 'react';
import { evaluateNeeds } from '../../../src-shared/permissions/evaluate.js';
import type { Need, Vars } from '../../../src-shared/permissions/requirement.js';
import { usePermissionsStore } from '../permissions/permissions-store.js';
import type { PermissionVerdict } from '../permissions/usePermission.js';

export function useNeeds(profileId: string | undefined, needs: readonly Need[], vars: Vars): PermissionVerdict {
  const entry = usePermissionsStore((s) => (profileId ? s.byProfile[profileId] : undefined));
  const ensure = usePermissionsStore((s) => s.ensure);
  useEffect(() => {
    if (profileId) ensure(profileId);
  }, [ensure, profileId]);
  if (entry?.state !== 'ready') return { state: 'unknown' };
  const v = evaluateNeeds(needs, entry.info.answer, vars, { id: entry.info.identity });
  return v.allowed ? { state: 'allowed' } : { state: 'denied', reason: v.reason ?? 'not allowed' };
}
