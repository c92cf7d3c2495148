// Main-side handlers for the profiles.* and connect.* channels. Secrets go in, never come out.
import type { z } from 'zod';
import type { CallContext } from '../../ipc/dispatch.js';
import { connectRequests } from '../../../src-shared/ipc/channels/connect.js';
import { profilesRequests } from '../../../src-shared/ipc/channels/profiles.js';
import { importEnvProfile } from '../profiles/env-import.js';
import type { ProfileStore } from '../profiles/profile-store.js';
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
    'profiles.save': async ({ profile, secret }) => {
      const saved = await profiles.save(profile, secret);
      // Host, auth or pin may have changed: an open client would use stale settings.
      await connect.close(saved.id);
      return saved;
    },
    'profiles.delete': async ({ id }) => {
      await connect.close(id);
      return { deleted: await profiles.delete(id) };
    },
    'profiles.importEnv': () => importEnvProfile(profiles, deps.env ?? process.env),
    'connect.probe': ({ host, port }) => connect.probe(host, port),
    'connect.trust': ({ profileId, fingerprint }) => connect.trust(profileId, fingerprint),
    'connect.test': ({ profileId, otp }) => connect.test(profileId, otp),
    'connect.open': ({ profileId, otp }) => connect.open(profileId, otp),
    'connect.close': async ({ profileId }) => ({ closed: await connect.close(profileId) }),
    'connect.states': async () => ({ connections: connect.states() }),
  };
}
