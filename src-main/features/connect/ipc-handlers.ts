// Main-side handlers for the profiles.* and connect.* channels. Secrets go in, never come out.
import type { z } from 'zod';
import type { CallContext } from '../../ipc/dispatch.js';
import { connectRequests } from '../../../src-shared/ipc/channels/connect.js';
import { profilesRequests } from '../../../src-shared/ipc/channels/profiles.js';
import { importEnvProfile } from '../profiles/env-import.js';
import type { ProfileStore } from '../profiles/profile-store.js';
import type { WritableFlow } from '../profiles/writable-plans.js';
import { describeProfile, diffFields, type RecordChange } from '../../plans/audit-changes.js';
import type { ConnectService } from './connect-service.js';

type Defs = typeof profilesRequests & typeof connectRequests;
export type ConnectHandlers = {
  [N in keyof Defs]: (
    args: z.output<Defs[N]['args']>,
    ctx: CallContext,
  ) => Promise<z.input<Defs[N]['result']>>;
};

export interface ConnectHandlerDeps {
  profiles: ProfileStore;
  connect: ConnectService;
  /** audit entries for profile edits */
  recordChange?: RecordChange;
  /** the confirmed read-only → writable step */
  writable: WritableFlow;
  /** where profiles.importEnv reads PVE_HOST etc.; process.env in the app */
  env?: Record<string, string | undefined>;
}

export function createConnectHandlers(deps: ConnectHandlerDeps): ConnectHandlers {
  const { profiles, connect } = deps;
  return {
    'profiles.list': async () => ({
      profiles: await profiles.list(),
      ...(profiles.loadProblem ? { loadProblem: profiles.loadProblem.message } : {}),
    }),
    'profiles.save': async ({ profile, secret }, ctx) => {
      const { view, before, secretDropped } = await profiles.saveChecked(profile, secret);
      // Host, auth or pin may have changed: an open client would use stale settings.
      await connect.close(view.id);
      const changes = diffFields(describeProfile(before), describeProfile(view));
      if (secret !== undefined) changes.push({ field: 'secret', before: null, after: 'changed' });
      else if (secretDropped) changes.push({ field: 'secret', before: 'stored', after: 'dropped' });
      if (changes.length > 0)
        await deps.recordChange?.({
          kind: before?.readOnly === view.readOnly ? 'profile' : 'readOnly',
          via: ctx.host,
          profile: view,
          title: before ? 'Profile edited' : 'Profile added',
          changes,
        });
      return view;
    },
    'profiles.delete': async ({ id }, ctx) => {
      await connect.close(id);
      const before = (await profiles.list()).find((p) => p.id === id);
      const deleted = await profiles.delete(id);
      if (before && deleted)
        await deps.recordChange?.({
          kind: 'profile',
          via: ctx.host,
          profile: before,
          title: 'Profile deleted',
          changes: diffFields(describeProfile(before), {}),
        });
      return { deleted };
    },
    'profiles.planWritable': async ({ profileId }) => deps.writable.plan(profileId),
    'profiles.makeWritable': ({ planId, confirmText }, ctx) =>
      deps.writable.confirm(planId, confirmText, ctx.host),
    'profiles.importEnv': () => importEnvProfile(profiles, deps.env ?? process.env),
    'connect.probe': ({ host, port, userTyped }) =>
      connect.probe(host, port, userTyped !== undefined ? { userTyped } : {}),
    'connect.trust': ({ profileId, fingerprint }, ctx) => connect.trust(profileId, fingerprint, ctx.host),
    'connect.test': ({ profileId, otp }) => connect.test(profileId, otp),
    'connect.open': ({ profileId, otp }) => connect.open(profileId, otp),
    'connect.close': async ({ profileId }) => ({ closed: await connect.close(profileId) }),
    'connect.states': async () => ({ connections: connect.states() }),
  };
}
