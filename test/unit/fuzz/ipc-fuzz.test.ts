// IPC fuzzing: thousands of random and boundary requests per contract method through the real
// dispatcher and real handlers → only typed errors, dispatch never throws, no pollution, no corruption.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src-main/app-services.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import { requests, type RequestName } from '../../../src-shared/ipc/contract.js';
import { ReplySchema } from '../../../src-shared/ipc/errors.js';
import { Profile } from '../../../src-shared/model/profile.js';
import { hostileValue, shapedValue, type KeyPools } from './hostile-values.js';

/** Runs per contract method; FUZZ_RUNS raises it for a longer local soak. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const FIXED_ID = 'fuzz-profile';
const VALID_FP = Array.from({ length: 32 }, (_, i) =>
  (i * 7).toString(16).padStart(2, '0').toUpperCase(),
).join(':');

let dir: string;
let services: AppServices;
let profilesFile: string;
let closedPort: number;
const internalErrors: unknown[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);
let prototypeKeys: string[];

async function freePortThatIsClosed(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function digest(): string {
  return createHash('sha256').update(readFileSync(profilesFile)).digest('hex');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'proxdeck-ipc-fuzz-'));
  profilesFile = path.join(dir, 'profiles.json');
  closedPort = await freePortThatIsClosed();
  services = await createAppServices({
    configDir: dir,
    host: 'web',
    secrets: createMemorySecretStore(),
    env: {},
  });
  // A profile without a secret: calls naming it reach the handlers and fail fast (no network).
  const saved = await services.dispatcher.dispatch(
    'profiles.save',
    {
      profile: {
        id: FIXED_ID,
        name: 'fuzz',
        host: `127.0.0.1:${closedPort}`,
        auth: { kind: 'token', tokenId: 'fuzz@pve!tok' },
      },
    },
    { host: 'web' },
  );
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  console.error = (...args: unknown[]) => internalErrors.push(args);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await services.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** A key's pool: mostly values that pass validation (so handlers run), some that just fail it. */
function pick(good: unknown[], bad: unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom(...bad) },
  );
}

function pools(): KeyPools {
  const fingerprints = pick([VALID_FP, VALID_FP.toLowerCase().replaceAll(':', '')], ['AB:CD']);
  const ids = pick([FIXED_ID, 'no-such-profile', 'a'.repeat(64)], ['a'.repeat(65)]);
  return {
    profileId: ids,
    clusterId: ids,
    // ids a call may create or delete: never the fixed profile, so the run keeps a known target
    id: pick(['fuzz-other', 'x'], ['../profiles', 'a'.repeat(65)]),
    // every host the fuzz may reach is a closed loopback port: refused at once, never the network
    host: pick([`127.0.0.1:${closedPort}`, '127.0.0.1'], ['bad host name', 'h'.repeat(301)]),
    port: pick([closedPort], [0, -1, 65536, 1.5]),
    vmid: pick([100, 101, 999_999_999], [-1, 0, 1, 99, 1_000_000_000, Number.NaN]),
    planId: pick(['plan-does-not-exist'], ['short', '../../../etc/passwd']),
    name: pick(['fuzz name', '<img src=x onerror=alert(1)>'], [' ']),
    node: pick(['pve1', 'pve-9'], ['../nodes', '-x']),
    nodes: pick([['pve1'], ['pve1', 'pve-9']], [[], ['../nodes']]),
    tokenId: pick(['fuzz@pve!tok', 'root@pam!t0'], ['no-realm']),
    username: pick(['fuzz', 'root'], ['a@b']),
    realm: pick(['pve', 'pam'], ['1bad']),
    fingerprint: fingerprints,
    pinnedFingerprint: fingerprints,
    snapname: pick(['snap1', 'auto-1'], ['1bad', 'a'.repeat(41)]),
    color: pick(['#123456'], ['red']),
    userid: pick(['fuzz@pve', 'root@pam'], ['nouser']),
    tokenid: pick(['tok1'], ['1x']),
    pool: pick(['pool1'], ['bad pool']),
    vmids: pick([[100], [100, 101]], [[], [-1]]),
    storages: pick([['local']], [[]]),
    zones: pick([['zone1']], [[]]),
    timeoutSec: pick([30], [0, 1e9]),
    volid: pick(['local:backup/vzdump-qemu-100-2026_01_01-00_00_00.vma.zst'], ['no-colon', 'a:']),
  };
}

/** Checks every invariant after one call; returns the reply's error code (or "ok"). */
function label(name: unknown): string {
  return typeof name === 'string' ? name.slice(0, 40) : typeof name;
}

async function checkedDispatch(name: unknown, args: unknown): Promise<string> {
  const before = digest();
  const reply = await services.dispatcher.dispatch(name, args, { host: 'web' });
  expect(ReplySchema.safeParse(reply).success).toBe(true);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (reply.ok) return 'ok';
  // 'internal' means a handler threw something untyped: that is a bug, not a typed refusal.
  expect(reply.error.code, `${label(name)} → ${reply.error.message}`).not.toBe('internal');
  expect(digest(), `${label(name)} was refused but changed profiles.json`).toBe(before);
  return reply.error.code;
}

const names = Object.keys(requests) as RequestName[];
const outcomes = new Map<string, Map<string, number>>();

describe('IPC fuzz: every contract method', () => {
  it.each(names)(
    '%s survives random and boundary requests',
    async (name) => {
      const args = fc.oneof(
        { weight: 5, arbitrary: shapedValue(requests[name].args as z.ZodType, pools()) },
        { weight: 1, arbitrary: hostileValue },
      );
      const counts = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(args, async (a) => {
          const code = await checkedDispatch(name, a);
          counts.set(code, (counts.get(code) ?? 0) + 1);
        }),
        { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1410) },
      );
      outcomes.set(name, counts);
      // The generator must reach past argument validation at least sometimes, or the fuzz tests nothing deep.
      const deeper = [...counts.entries()]
        .filter(([code]) => code !== 'bad_request')
        .reduce((n, [, c]) => n + c, 0);
      expect(deeper, `${name}: ${JSON.stringify([...counts])}`).toBeGreaterThan(0);
      expect(unhandled).toEqual([]);
    },
    120_000,
  );

  it('refuses unknown, inherited and hostile request names', async () => {
    const inherited = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ''];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...inherited), hostileValue),
        hostileValue,
        async (name, a) => {
          if (typeof name === 'string' && Object.hasOwn(requests, name)) return;
          expect(await checkedDispatch(name, a)).toBe('bad_request');
        },
      ),
      { numRuns: RUNS, seed: 1411 },
    );
  });

  it('leaves a valid profiles.json with the fixed profile intact, and logged no internal error', () => {
    const file = z
      .object({ version: z.literal(1), profiles: z.array(Profile) })
      .parse(JSON.parse(readFileSync(profilesFile, 'utf8')));
    expect(file.profiles.find((p) => p.id === FIXED_ID)?.host).toBe('127.0.0.1');
    expect(internalErrors).toEqual([]);
    const total = [...outcomes.values()].flatMap((m) => [...m.values()]).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(names.length * RUNS);
    if (process.env.FUZZ_REPORT) {
      const rows = [...outcomes].map(([n, m]) => ({ name: n, ...Object.fromEntries(m) }));
      console.log(JSON.stringify({ ipcFuzz: { runsPerMethod: RUNS, methods: names.length, total, rows } }));
    }
  });
});
