// Fleet test setup: simulators (3 nodes each) and the real app services, with a root profile per simulator and, on
// demand, a token profile made for remote migration (VM.Allocate and Sys.Incoming only, plus what reading needs).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../src-main/app-services.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import type { SecretStore } from '../../../src-main/secrets/keychain.js';
import type { RequestArgs, RequestName, RequestResult } from '../../../src-shared/ipc/contract.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/default-state.js';
import {
  MIGRATE_TOKEN,
  MIGRATE_SECRET,
  migrateTokenCfg,
  migrateUserCfg,
} from '../../pve-sim/fleet/migrate-token.js';

export { MIGRATE_SECRET, MIGRATE_TOKEN };

export interface FleetFixture {
  sims: RunningSim[];
  services: AppServices;
  secrets: SecretStore;
  configDir: string;
  /** root profile id per simulator */
  roots: string[];
  ok<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<RequestResult<N>>;
  fail<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<{ code: string; message: string }>;
  /** a token profile on simulator i */
  tokenProfile(i: number, tokenId: string, secret: string): Promise<string>;
  run(plan: Plan): Promise<RequestResult<'plans.run'>>;
  /** app services again over the same config dir (an app restart) */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startFleetFixture(
  opts: { sims?: number; guests?: number; taskDurationMs?: number } = {},
): Promise<FleetFixture> {
  const sims = await Promise.all(
    Array.from({ length: opts.sims ?? 1 }, (_v, i) =>
      startSimulator({
        nodes: 3,
        guests: opts.guests ?? 12,
        seed: 11 + i,
        controlPort: false,
        taskDurationMs: opts.taskDurationMs ?? 40,
        userCfg: migrateUserCfg(),
        tokenCfg: migrateTokenCfg(),
      }),
    ),
  );
  const configDir = await mkdtemp(join(tmpdir(), 'proxdeck-fleet-'));
  const secrets = createMemorySecretStore();
  const open = (): Promise<AppServices> =>
    createAppServices({ configDir, host: 'web', secrets, env: {}, maintenancePollMs: 50 });
  const fx: FleetFixture = {
    sims,
    services: await open(),
    secrets,
    configDir,
    roots: [],
    async ok(name, args) {
      const reply = await fx.services.dispatcher.dispatch(name, args, { host: 'web' });
      if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code} ${reply.error.message}`);
      return reply.value as RequestResult<typeof name>;
    },
    async fail(name, args) {
      const reply = await fx.services.dispatcher.dispatch(name, args, { host: 'web' });
      if (reply.ok) throw new Error(`${name} succeeded`);
      return reply.error;
    },
    async tokenProfile(i, tokenId, secret) {
      const sim = sims[i]!;
      // a pin is accepted only from main's own handshake with that host:port
      await fx.ok('connect.probe', { host: '127.0.0.1', port: sim.port, userTyped: true });
      const view = await fx.ok('profiles.save', {
        profile: {
          name: `${tokenId} on sim ${i + 1}`,
          host: `127.0.0.1:${sim.port}`,
          auth: { kind: 'token', tokenId },
          pinnedFingerprint: sim.fingerprint,
          readOnly: false,
        },
        secret,
      });
      await fx.ok('connect.open', { profileId: view.id });
      return view.id;
    },
    run: (plan) =>
      fx.ok('plans.run', { planId: plan.id, ...(plan.confirmWord ? { confirmText: plan.confirmWord } : {}) }),
    async restart() {
      await fx.services.dispose();
      fx.services = await open();
      for (const id of fx.roots) await fx.ok('connect.open', { profileId: id });
    },
    async close() {
      await fx.services.dispose();
      await Promise.all(sims.map((s) => s.close()));
      await rm(configDir, { recursive: true, force: true });
    },
  };
  for (const [i, sim] of sims.entries()) {
    await fx.ok('connect.probe', { host: '127.0.0.1', port: sim.port, userTyped: true });
    const view = await fx.ok('profiles.save', {
      profile: {
        name: `cluster ${i + 1}`,
        host: `127.0.0.1:${sim.port}`,
        auth: { kind: 'password', username: 'root', realm: 'pam' },
        pinnedFingerprint: sim.fingerprint,
        readOnly: false,
      },
      secret: DEFAULT_ROOT_PASSWORD,
    });
    await fx.ok('connect.open', { profileId: view.id });
    fx.roots.push(view.id);
  }
  return fx;
}
