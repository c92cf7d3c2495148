// The PVE client against the simulator over real HTTPS: auth kinds, pinning, error taxonomy, retries.
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { createServer, type AddressInfo } from 'node:net';
import { z } from 'zod';
import { getClusterResources, getClusterStatus, getNextId } from '../../../src-main/pve/api/cluster.js';
import { getVersion } from '../../../src-main/pve/api/version.js';
import { ticketAuth, tokenAuth, type AuthProvider } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import {
  DEFAULT_ROOT_PASSWORD,
  DEMO_PASSWORDS,
  DEMO_TOKENS,
  DEMO_TOTP_SECRET,
} from '../../pve-sim/rbac/index.js';

const OPS = 'ops@pve!ops';
let sim: RunningSim;
let clock = Date.now();
const clients: PveClient[] = [];

function client(
  auth: AuthProvider,
  extra: Partial<ConstructorParameters<typeof PveClient>[0]> = {},
): PveClient {
  const c = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    auth,
    trust: { pin: sim.fingerprint },
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 80 },
    ...extra,
  });
  clients.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<AppFailure> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppFailure);
  return err as AppFailure;
}

/** Runs fn with simulator faults set, and always clears them. */
async function withFaults(
  patch: Parameters<RunningSim['faults']['set']>[0],
  fn: () => Promise<void>,
): Promise<void> {
  sim.faults.set({ reset: true, ...patch });
  try {
    await fn();
  } finally {
    sim.faults.set({ reset: true });
  }
}

function countRequests(path: string): number {
  return sim.requestLog.filter((r) => r.path === path).length;
}

beforeAll(async () => {
  sim = await startSimulator({
    nodes: 3,
    guests: 12,
    seed: 4,
    now: () => clock,
    controlPort: false,
    taskDurationMs: 50,
  });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim.close();
});

describe('authentication', () => {
  it('uses an API token', async () => {
    const c = client(tokenAuth(OPS, DEMO_TOKENS[OPS]!));
    const v = await getVersion(c);
    expect(v.release).toMatch(/^9\./);
    const resources = await getClusterResources(c, 'vm');
    expect(resources.length).toBeGreaterThanOrEqual(12);
    expect(resources.every((r) => r.type === 'qemu' || r.type === 'lxc')).toBe(true);
    expect(resources.some((r) => typeof r.template === 'boolean')).toBe(true);
    expect(sim.requestLog.at(-1)!.principal).toBe(OPS);
  });

  it('rejects a wrong token secret as auth_failed', async () => {
    const f = await failure(getVersion(client(tokenAuth(OPS, 'wrong-secret-value'))));
    expect(f.code).toBe('auth_failed');
    expect(f.status).toBe(401);
    expect(f.message).not.toContain('wrong-secret-value');
  });

  it('logs in with a ticket, sends CSRF on writes, and renews before the 2 h expiry', async () => {
    const c = client(ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD, now: () => clock }));
    expect(typeof (await getNextId(c))).toBe('number');
    const logins = countRequests('/access/ticket');
    // A write through the ticket needs the CSRF header; the sim answers 401 without it.
    const post = await c.call({
      method: 'POST',
      path: '/access/ticket',
      schema: z.unknown(),
      params: { username: 'root@pam', password: DEFAULT_ROOT_PASSWORD },
    });
    expect(post.data).toBeTruthy();
    clock += 110 * 60 * 1000; // 1 h 50 min: the ticket still works for 10 min, the client renews now
    await getVersion(c);
    expect(countRequests('/access/ticket')).toBe(logins + 2);
    clock += 60 * 60 * 1000; // the first ticket is long expired; the renewed one is 1 h old
    await getVersion(c);
    expect(sim.requestLog.at(-1)!.status).toBe(200);
  });

  it('asks for a TOTP code and completes the second factor', async () => {
    const user = 'totp@pve';
    const noCode = await failure(
      getVersion(client(ticketAuth({ userid: user, password: DEMO_PASSWORDS[user]!, now: () => clock }))),
    );
    expect(noCode.code).toBe('tfa_required');
    const totp = new TOTP({ secret: DEMO_TOTP_SECRET, digits: 6, period: 30, algorithm: 'SHA1' });
    const c = client(
      ticketAuth({
        userid: user,
        password: DEMO_PASSWORDS[user]!,
        otp: () => totp.generate({ timestamp: clock }),
        now: () => clock,
      }),
    );
    expect((await getClusterResources(c, 'vm')).length).toBeGreaterThan(0);
    expect(sim.requestLog.at(-1)!.principal).toBe(user);
  });

  it('a wrong password is auth_failed', async () => {
    const f = await failure(
      getVersion(client(ticketAuth({ userid: 'root@pam', password: 'not-the-password' }))),
    );
    expect(f.code).toBe('auth_failed');
  });
});

describe('errors and retries', () => {
  const ops = (): PveClient => client(tokenAuth(OPS, DEMO_TOKENS[OPS]!));

  it('maps 403 with the path and privilege PVE names', async () => {
    const f = await failure(
      getClusterStatus(client(tokenAuth('empty@pve!noacl', DEMO_TOKENS['empty@pve!noacl']!))),
    );
    expect(f.code).toBe('permission_denied');
    expect(f.details).toEqual({ path: '/', privilege: 'Sys.Audit' });
  });

  it('maps 400 with per-field messages', async () => {
    const f = await failure(
      ops().call({ method: 'GET', path: '/cluster/nextid', params: { vmid: 'abc' }, schema: z.unknown() }),
    );
    expect(f.code).toBe('bad_parameter');
    expect(f.details?.vmid).toMatch(/type check/);
  });

  it('maps a deadline to timeout', async () => {
    await withFaults({ latencyMs: 2_000, pathPrefix: '/version' }, async () => {
      const f = await failure(getVersion(client(tokenAuth(OPS, DEMO_TOKENS[OPS]!), { timeoutMs: 250 })));
      expect(f.code).toBe('timeout');
    });
  });

  it('maps a closed port to unreachable', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const f = await failure(getVersion(client(tokenAuth(OPS, DEMO_TOKENS[OPS]!), { port })));
    expect(f.code).toBe('unreachable');
  });

  it.each([['malformedRate'], ['truncateRate']] as const)(
    'maps %s answers to bad_response',
    async (fault) => {
      await withFaults({ [fault]: 1, pathPrefix: '/version' }, async () => {
        expect((await failure(getVersion(ops()))).code).toBe('bad_response');
      });
    },
  );

  it('reads a 20 MB answer', async () => {
    await withFaults({ hugeRate: 1, pathPrefix: '/cluster/resources' }, async () => {
      expect((await getClusterResources(ops())).length).toBeGreaterThan(12);
    });
  });

  it('retries a GET on a 5xx burst with backoff, but sends a POST only once', async () => {
    await withFaults({ errorRate: 1, pathPrefix: '/cluster/nextid' }, async () => {
      const before = countRequests('/cluster/nextid');
      expect((await failure(getNextId(ops()))).code).toBe('server_error');
      expect(countRequests('/cluster/nextid') - before).toBe(3);
    });
    await withFaults({ errorRate: 1, pathPrefix: '/access/ticket' }, async () => {
      const before = countRequests('/access/ticket');
      const c = ops();
      const f = await failure(
        c.call({
          method: 'POST',
          path: '/access/ticket',
          params: { username: 'root@pam', password: 'x' },
          schema: z.unknown(),
        }),
      );
      expect(f.code).toBe('server_error');
      expect(countRequests('/access/ticket') - before).toBe(1);
    });
  });

  it('never resends a mutation whose connection dropped', async () => {
    await withFaults({ resetRate: 1, pathPrefix: '/access/ticket' }, async () => {
      const before = countRequests('/access/ticket');
      const f = await failure(
        ops().call({
          method: 'POST',
          path: '/access/ticket',
          params: { username: 'root@pam', password: 'x' },
          schema: z.unknown(),
        }),
      );
      expect(f.code).toBe('unreachable');
      expect(f.details?.requestSent).toBe('unknown');
      expect(countRequests('/access/ticket') - before).toBeLessThanOrEqual(1);
    });
  });
});

describe('certificate pinning', () => {
  it('blocks a changed certificate with tls_pin_mismatch and does not retry', async () => {
    const oldPin = sim.fingerprint;
    const fresh = await sim.swapCertificate();
    const before = sim.requestLog.length;
    const f = await failure(
      getVersion(client(tokenAuth(OPS, DEMO_TOKENS[OPS]!), { trust: { pin: oldPin } })),
    );
    expect(f.code).toBe('tls_pin_mismatch');
    expect(f.details).toEqual({ fingerprint: fresh, expected: oldPin });
    expect(sim.requestLog.length).toBe(before);
  });

  it('refuses an unpinned self-signed host with tls_untrusted carrying the fingerprint', async () => {
    const f = await failure(getVersion(client(tokenAuth(OPS, DEMO_TOKENS[OPS]!), { trust: {} })));
    expect(f.code).toBe('tls_untrusted');
    expect(f.details?.fingerprint).toBe(sim.fingerprint);
  });
});
