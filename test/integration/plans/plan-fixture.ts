// Shared setup for the plan integration tests: a simulator, the real app services over the dispatcher, token profiles.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../src-main/app-services.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import type { RequestArgs, RequestName, RequestResult } from '../../../src-shared/ipc/contract.js';
import type { Reply } from '../../../src-shared/ipc/errors.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { startSimulator, type RunningSim, type SimOptions } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';

export interface PlanFixture {
  sim: RunningSim;
  services: AppServices;
  configDir: string;
  /** one dispatcher call; resolves with the reply */
  call<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<Reply<RequestResult<N>>>;
  /** one dispatcher call that must succeed */
  ok<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<RequestResult<N>>;
  /** a connected token profile */
  profile(tokenId: string, opts?: { readOnly?: boolean }): Promise<string>;
  /** guests of the simulated cluster in a given power state */
  guests(filter: { type?: GuestRef['type']; status: 'running' | 'stopped' }): GuestRef[];
  /** the simulator's requests with this method whose path starts with the prefix */
  requests(method: string, pathPrefix: string): number;
  close(): Promise<void>;
}

/** simOpts: e.g. { version: '8.4', quirks: true } for the version matrix */
export async function startPlanFixture(simOpts: SimOptions = {}): Promise<PlanFixture> {
  const sim = await startSimulator({
    nodes: 2,
    guests: 24,
    seed: 7,
    controlPort: false,
    taskDurationMs: 50,
    ...simOpts,
  });
  const configDir = await mkdtemp(join(tmpdir(), 'proxdeck-plans-'));
  const services = await createAppServices({
    configDir,
    host: 'web',
    secrets: createMemorySecretStore(),
    env: {},
  });
  async function call<N extends RequestName>(
    name: N,
    args: RequestArgs<N>,
  ): Promise<Reply<RequestResult<N>>> {
    return (await services.dispatcher.dispatch(name, args, { host: 'web' })) as Reply<RequestResult<N>>;
  }
  const ok: PlanFixture['ok'] = async (name, args) => {
    const reply = await call(name, args);
    if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.value;
  };
  return {
    sim,
    services,
    configDir,
    call,
    ok,
    async profile(tokenId, opts = {}) {
      // A pin is accepted only from main's own handshake with that host:port.
      await ok('connect.probe', { host: '127.0.0.1', port: sim.port, userTyped: true });
      const view = await ok('profiles.save', {
        profile: {
          name: tokenId,
          host: `127.0.0.1:${sim.port}`,
          auth: { kind: 'token', tokenId },
          pinnedFingerprint: sim.fingerprint,
          readOnly: opts.readOnly ?? false,
        },
        secret: DEMO_TOKENS[tokenId]!,
      });
      await ok('connect.open', { profileId: view.id });
      return view.id;
    },
    guests({ type, status }) {
      const out: GuestRef[] = [];
      for (let vmid = 100; vmid < 100 + 24; vmid++) {
        const g = sim.cluster.guestStatus?.(vmid);
        if (g && g.status === status && (!type || g.type === type))
          out.push({ node: g.node, type: g.type, vmid });
      }
      return out;
    },
    requests: (method, prefix) =>
      sim.requestLog.filter((r) => r.method === method && r.path.startsWith(prefix)).length,
    async close() {
      await services.dispose();
      await sim.close();
      await rm(configDir, { recursive: true, force: true });
    },
  };
}

export const guestApiPath = (g: GuestRef): string => `/nodes/${g.node}/${g.type}/${g.vmid}`;
