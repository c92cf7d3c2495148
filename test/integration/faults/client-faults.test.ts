// Fault injection against the simulator's knobs, through the real client and connect service:
// each fault ends in a typed, clear error, and the same connection recovers once the fault clears.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createConnectService,
  type ConnectService,
} from '../../../src-main/features/connect/connect-service.js';
import { openProfileStore, type ProfileStore } from '../../../src-main/features/profiles/profile-store.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import { getClusterResources } from '../../../src-main/pve/api/cluster.js';
import { getNodeStatus } from '../../../src-main/pve/api/nodes.js';
import { powerAction } from '../../../src-main/pve/api/guests.js';
import { trackTask } from '../../../src-main/pollers/task-tracker.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD, DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { recordOutcome } from './outcomes.js';

/** How long "the cluster is unreachable" lasts; the 5 minutes scaled down for CI (FAULT_OUTAGE_MS). */
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 1500);

let sim: RunningSim;
let dir: string;
let store: ProfileStore;
let connect: ConnectService;
let profileId: string;
/** one clock for the simulator and the client, so ticket expiry can be reached without waiting 2 hours */
let clockOffset = 0;
const now = () => Date.now() + clockOffset;

beforeAll(async () => {
  sim = await startSimulator({
    nodes: 3,
    guests: 12,
    seed: 10,
    controlPort: false,
    taskDurationMs: 100,
    now,
  });
  dir = await mkdtemp(path.join(tmpdir(), 'proxdeck-faults-'));
  store = await openProfileStore({ configDir: dir, secrets: createMemorySecretStore() });
  connect = createConnectService({
    profiles: store,
    timeoutMs: 800,
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
    taskIntervalMs: 50,
    now,
  });
  // root@pam with a password: ticket auth (for the expiry case) and every node readable
  const view = await store.save(
    {
      name: 'faults',
      host: `127.0.0.1:${sim.port}`,
      auth: { kind: 'password', username: 'root', realm: 'pam' },
      pinnedFingerprint: sim.fingerprint,
    },
    DEFAULT_ROOT_PASSWORD,
    { trustedPin: true },
  );
  profileId = view.id;
  await connect.open(profileId);
});

afterEach(() => {
  sim.faults.set({ reset: true });
});

afterAll(async () => {
  await connect?.closeAll();
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

const client = () => connect.client(profileId);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as AppFailure,
  );
const count = (method: string, prefix: string) =>
  sim.requestLog.filter((r) => r.method === method && r.path.includes(prefix)).length;

async function expectRecovers(fault: string, code: string): Promise<void> {
  const err = await failure(getClusterResources(client()));
  expect(err, fault).toBeInstanceOf(AppFailure);
  expect(err?.code, `${fault}: ${err?.message}`).toBe(code);
  sim.faults.set({ reset: true });
  const rows = await getClusterResources(client());
  expect(rows.length).toBeGreaterThan(0);
  recordOutcome(fault, `${code} → recovered on the same connection`);
}

describe('read faults', () => {
  it('a 5xx burst: retried a bounded number of times, then server_error; recovers', async () => {
    const before = count('GET', '/cluster/resources');
    sim.faults.set({ errorRate: 1, pathPrefix: '/cluster/resources' });
    await expectRecovers('5xx burst', 'server_error');
    // 3 tries during the fault + 1 after: bounded, no retry storm
    expect(count('GET', '/cluster/resources') - before).toBe(4);
  });

  it('slow answers past the deadline end in timeout; recovers', async () => {
    sim.faults.set({ latencyMs: 1500, pathPrefix: '/cluster/resources' });
    await expectRecovers('slow responses past the timeout', 'timeout');
  });

  it('connection resets end in unreachable; recovers', async () => {
    sim.faults.set({ resetRate: 1, pathPrefix: '/cluster/resources' });
    await expectRecovers('connection resets', 'unreachable');
  });

  it('malformed JSON ends in bad_response; recovers', async () => {
    sim.faults.set({ malformedRate: 1, pathPrefix: '/cluster/resources' });
    await expectRecovers('malformed JSON', 'bad_response');
  });

  it('truncated JSON ends in bad_response; recovers', async () => {
    sim.faults.set({ truncateRate: 1, pathPrefix: '/cluster/resources' });
    await expectRecovers('truncated JSON', 'bad_response');
  });

  it('a 20 MB answer is read within the size limit and the client stays usable', async () => {
    sim.faults.set({ hugeRate: 1, pathPrefix: '/cluster/resources' });
    const outcome = await getClusterResources(client()).then(
      (rows) => `parsed ${rows.length} rows`,
      (e: unknown) => (e as AppFailure).code,
    );
    // This suite's client has an 800 ms deadline (for the slow-answer case): on a busy machine 20 MB over TLS can
    // run out of it, which is a clean, typed outcome too. What must never happen is a crash or a stuck client.
    expect(['bad_response', 'timeout'].includes(outcome) || outcome.startsWith('parsed'), outcome).toBe(true);
    sim.faults.set({ reset: true });
    expect((await getClusterResources(client())).length).toBeGreaterThan(0);
    recordOutcome('20 MB response', `${outcome} → recovered`);
  });

  it('a node going offline fails reads of that node only, and back online they work', async () => {
    const [down, up] = sim.cluster.control.summary().nodes;
    sim.faults.set({ nodeOffline: down! });
    const err = await failure(getNodeStatus(client(), down!));
    expect(err).toBeInstanceOf(AppFailure);
    expect(['unreachable', 'server_error', 'timeout']).toContain(err?.code);
    await expect(getNodeStatus(client(), up!)).resolves.toBeDefined();
    sim.faults.set({ nodeOnline: down! });
    await expect(getNodeStatus(client(), down!)).resolves.toBeDefined();
    recordOutcome('node offline and back', `${err?.code} for that node only → recovered`);
  });

  it(`the cluster unreachable for ${OUTAGE_MS} ms, then back: calls fail fast while down, succeed after`, async () => {
    sim.faults.set({ resetRate: 1 });
    const until = Date.now() + OUTAGE_MS;
    let failedCalls = 0;
    while (Date.now() < until) {
      const err = await failure(getClusterResources(client()));
      expect(err?.code).toBe('unreachable');
      failedCalls++;
    }
    sim.faults.set({ reset: true });
    expect((await getClusterResources(client())).length).toBeGreaterThan(0);
    expect(failedCalls).toBeGreaterThan(0);
    recordOutcome(
      'cluster unreachable, then back',
      `${failedCalls} failed polls in ${OUTAGE_MS} ms → recovered`,
    );
  });
});

describe('trust and auth faults', () => {
  it('a swapped certificate is blocked by the pin on the next connection, not retried, nothing sent', async () => {
    const before = sim.requestLog.length;
    await sim.swapCertificate();
    const err = await failure(connect.open(profileId));
    expect(err?.code).toBe('tls_pin_mismatch');
    expect(sim.requestLog.length - before).toBe(0);
    expect(connect.states()).toContainEqual(expect.objectContaining({ profileId, state: 'failed' }));
    // the user re-trusts (after checking the new fingerprint) and the same profile reconnects
    await connect.trust(profileId, sim.fingerprint);
    await connect.open(profileId);
    expect((await getClusterResources(client())).length).toBeGreaterThan(0);
    recordOutcome(
      'TLS certificate swapped',
      'tls_pin_mismatch on reconnect, 0 requests reached the server; re-trust → recovered',
    );
  });

  it('an expired ticket is renewed with one fresh login, transparently', async () => {
    const logins = () => count('POST', '/access/ticket');
    const before = logins();
    clockOffset += 3 * 60 * 60 * 1000;
    expect((await getClusterResources(client())).length).toBeGreaterThan(0);
    expect(logins() - before).toBe(1);
    recordOutcome('ticket expiry', 'renewed with 1 fresh login, the call succeeded');
  });

  it('a revoked token gives auth_failed (the reconnect prompt), not a retry loop', async () => {
    const id = await store.save(
      {
        name: 'revoke',
        host: `127.0.0.1:${sim.port}`,
        auth: { kind: 'token', tokenId: 'auditor@pve!ro' },
        pinnedFingerprint: sim.fingerprint,
      },
      DEMO_TOKENS['auditor@pve!ro'],
      { trustedPin: true },
    );
    await connect.open(id.id);
    sim.faults.set({ revokeToken: 'auditor@pve!ro' });
    const before = count('GET', '/cluster/resources');
    const err = await failure(getClusterResources(connect.client(id.id)));
    expect(err?.code).toBe('auth_failed');
    expect(err?.status).toBe(401);
    expect(count('GET', '/cluster/resources') - before).toBe(1);
    recordOutcome('token revoked mid-session', 'auth_failed (401) after 1 request, no retry');
  });
});

describe('mutation faults', () => {
  it('a connection drop after a POST was sent: not resent, reported as "maybe sent", then state is looked up', async () => {
    const guest = (await getClusterResources(client(), 'vm')).find(
      (g) => g.type === 'qemu' && g.status === 'stopped',
    )!;
    const ref = { node: guest.node!, type: 'qemu' as const, vmid: guest.vmid! };
    const before = count('POST', `/${ref.vmid}/status/start`);
    sim.faults.set({ resetRate: 1, pathPrefix: `/nodes/${ref.node}/qemu/${ref.vmid}/status/start` });
    const err = await failure(powerAction(client(), ref, 'start'));
    expect(['unreachable', 'timeout']).toContain(err?.code);
    expect(err?.details?.requestSent).toBe('unknown');
    expect(count('POST', `/${ref.vmid}/status/start`) - before).toBe(1);
    sim.faults.set({ reset: true });
    // What actually happened is read back, not guessed: the guest's state is still queryable.
    const after = (await getClusterResources(client(), 'vm')).find((g) => g.vmid === ref.vmid);
    expect(after?.status).toBeDefined();
    recordOutcome(
      'connection drop after a mutation was sent',
      `${err?.code} (requestSent=unknown), 1 POST, state read back: ${after?.status}`,
    );
  });

  it('a task failing mid-way reports failure with the PVE log lines', async () => {
    const guest = (await getClusterResources(client(), 'vm')).find(
      (g) => g.type === 'qemu' && g.status === 'stopped',
    )!;
    const ref = { node: guest.node!, type: 'qemu' as const, vmid: guest.vmid! };
    sim.cluster.control.failNextTask('qmstart', 'start failed: simulated disk error');
    const upid = await powerAction(client(), ref, 'start');
    const outcome = await trackTask(client(), upid, { intervalMs: 50 });
    expect(outcome.ok).toBe(false);
    expect(outcome.exitstatus).toMatch(/simulated disk error/);
    expect(outcome.log.map((l) => l.t).join('\n')).toMatch(/simulated disk error/);
    recordOutcome('task failing mid-way', `failed with ${outcome.log.length} log lines shown`);
  });
});
