// Making a read-only profile writable: its own plan → confirm step (type the profile's name), at most once, in the
// audit log; every plan built while the profile was read-only is dropped so none runs without being re-planned.
import { randomBytes } from 'node:crypto';
import type { WritablePlan } from '../../../src-shared/ipc/channels/profiles.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { ProfileView } from '../../../src-shared/model/profile.js';
import type { RecordChange } from '../../plans/audit-changes.js';
import type { ProfileStore } from './profile-store.js';

export const WRITABLE_PLAN_TTL_MS = 5 * 60 * 1000;

export interface WritableFlow {
  plan(profileId: string): WritablePlan;
  confirm(planId: string, confirmText: string, via: string): Promise<ProfileView>;
}

export function createWritableFlow(deps: {
  profiles: Pick<ProfileStore, 'get' | 'setWritable'>;
  /** drops the profile's unstarted plans (PlanStore.dropUnstarted) */
  dropPlans(profileId: string): void;
  recordChange?: RecordChange;
  now?: () => number;
}): WritableFlow {
  const now = deps.now ?? Date.now;
  const pending = new Map<string, { profileId: string; expires: number }>();

  return {
    plan(profileId) {
      const profile = deps.profiles.get(profileId);
      if (!profile.readOnly) throw new AppFailure('conflict', `"${profile.name}" is already writable`);
      const planId = `writable-${randomBytes(12).toString('base64url')}`;
      pending.set(planId, { profileId, expires: now() + WRITABLE_PLAN_TTL_MS });
      return {
        planId,
        profileId,
        summary: `Allow changes through "${profile.name}" (${profile.host}:${profile.port}): power, configuration, snapshots, consoles with keyboard and node shells.`,
        confirmWord: profile.name,
        expiresInMs: WRITABLE_PLAN_TTL_MS,
      };
    },
    async confirm(planId, confirmText, via) {
      const entry = pending.get(planId);
      if (!entry || entry.expires < now())
        throw new AppFailure('not_found', 'This confirmation expired or was used: start again');
      const profile = deps.profiles.get(entry.profileId);
      if (confirmText.trim() !== profile.name)
        throw new AppFailure('bad_parameter', `Type ${profile.name} to confirm`, {
          confirmText: 'does not match',
        });
      pending.delete(planId);
      if (!profile.readOnly) throw new AppFailure('conflict', `"${profile.name}" is already writable`);
      const view = await deps.profiles.setWritable(profile.id);
      deps.dropPlans(profile.id);
      await deps.recordChange?.({
        kind: 'readOnly',
        via,
        profile,
        title: 'Read-only switched off',
        changes: [{ field: 'readOnly', before: 'true', after: 'false' }],
      });
      return view;
    },
  };
}
