// Main-side handlers for wizard.*: generate least-privilege token setups, build them as plans, verify, save a profile.
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import type { PlanStore } from '../../plans/plan-store.js';
import type { PermissionsService } from '../permissions/permissions-service.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import { createWizardService, type WizardService } from './wizard-service.js';

export interface WizardDeps {
  profiles: Pick<ProfileStore, 'get' | 'save'>;
  clientFor(profileId: string): PveCaller & { readonly identity: string };
  /** wizard plans run through plans.run like every other plan */
  planStore: Pick<PlanStore, 'add' | 'get'>;
  permissions: PermissionsService;
  extraCa?: string[];
}

type WizardName = Extract<keyof Handlers, `wizard.${string}`>;

export function createWizard(deps: WizardDeps): {
  handlers: Pick<Handlers, WizardName>;
  wizard: WizardService;
} {
  const wizard = createWizardService({
    profiles: deps.profiles,
    permissions: deps.permissions,
    plans: deps.planStore,
    clientFor: deps.clientFor,
    ...(deps.extraCa ? { extraCa: deps.extraCa } : {}),
  });
  return {
    wizard,
    handlers: {
      'wizard.generate': ({ profileId, major, ...input }) =>
        wizard.generate({ ...input, ...(profileId ? { profileId } : {}), ...(major ? { major } : {}) }),
      'wizard.plan': (input) => wizard.plan(input),
      'wizard.verify': ({ source, preset, scope }) => wizard.verify(source, preset, scope),
      'wizard.saveProfile': ({ planId, name }) => wizard.saveProfile(planId, name),
    },
  };
}
