// Connect flow against the simulator: profile + keychain, probe, trust-on-first-use, test summary,
// the privsep-token warning, CA-signed certificates without a pin, and corrupt profile files.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import {
  createConnectService,
  type ConnectService,
} from '../../../src-main/features/connect/connect-service.js';
import { createKeychain } from '../../../src-main/secrets/keychain.js';
import {
  openProfileStore,
  secretAccount,
  type ProfileStore,
} from '../../../src-main/features/profiles/profile-store.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';

let sim: RunningSim;
let dir: string;
let store: ProfileStore;
let connect: ConnectService;
const keychain = createKeychain('proxdeck-test');

async function tokenProfile(tokenId: string): Promise<string> {
  const view = await store.save(
    { name: tokenId, host: `127.0.0.1:${sim.port}`, auth: { kind: 'token', tokenId } },
    DEMO_TOKENS[tokenId],
  );
  return view.id;
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 10, seed: 3, controlPort: false });
  dir = await mkdtemp(join(tmpdir(), 'proxdeck-connect-'));
  store = await openProfileStore({ configDir: dir, secrets: keychain });
  connect = createConnectService({ profiles: store, timeoutMs: 5_000 });
});
afterAll(async () => {
  for (const p of await store.list()) await store.delete(p.id);
  await connect.closeAll();
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('connect service', () => {
  it('trust on first use: untrusted with the fingerprint, then pinned and connected', async () => {
    const id = await tokenProfile('ops@pve!ops');
    expect((await store.list()).find((p) => p.id === id)?.hasSecret).toBe(true);
    const probed = await connect.probe(`127.0.0.1:${sim.port}`);
    expect(probed.fingerprint).toBe(sim.fingerprint);
    expect(probed.trustedByCa).toBe(false);
    const first = await connect.test(id).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(AppFailure);
    expect((first as AppFailure).code).toBe('tls_untrusted');
    expect((first as AppFailure).details?.fingerprint).toBe(sim.fingerprint);
    await connect.trust(id, probed.fingerprint);
    const summary = await connect.open(id);
    expect(summary, JSON.stringify({ ...summary, permissions: summary.permissions.pathCount })).toMatchObject(
      { identity: 'ops@pve!ops', nodeCount: 3, fingerprint: sim.fingerprint },
    );
    expect(summary.emptyClusterWarning).toBeUndefined();
    expect(summary.release).toMatch(/^9\./);
    expect(summary.guestCount).toBeGreaterThan(0);
    expect(connect.states()).toEqual([{ profileId: id, state: 'connected' }]);
    expect(await connect.close(id)).toBe(true);
  });

  it('warns when a privilege-separated token sees an empty cluster', async () => {
    const id = await tokenProfile('empty@pve!noacl');
    await connect.trust(id, sim.fingerprint);
    const summary = await connect.test(id);
    expect(summary.guestCount).toBe(0);
    expect(summary.emptyClusterWarning).toMatch(/Privilege Separation/);
  });

  it('accepts a CA-signed certificate without a pin', async () => {
    const ca = await generate([{ name: 'commonName', value: 'Proxdeck Test CA' }], {
      keySize: 2048,
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true },
      ],
    });
    const leaf = await generate([{ name: 'commonName', value: 'pve1' }], {
      keySize: 2048,
      ca: { key: ca.private, cert: ca.cert },
      extensions: [
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
        { name: 'extKeyUsage', serverAuth: true },
      ],
    });
    const original = sim.fingerprint;
    await sim.swapCertificate({ cert: leaf.cert, key: leaf.private });
    const withCa = createConnectService({ profiles: store, extraCa: [ca.cert] });
    try {
      const id = await tokenProfile('auditor@pve!ro');
      expect((await withCa.probe('127.0.0.1', sim.port)).trustedByCa).toBe(true);
      expect((await withCa.test(id)).fingerprint).toBe(sim.fingerprint);
      const without = await connect.test(id).catch((e: unknown) => e);
      expect((without as AppFailure).code).toBe('tls_untrusted');
    } finally {
      expect(sim.fingerprint).not.toBe(original);
    }
  });

  it('deleting a profile deletes its keychain secret', async () => {
    const id = await tokenProfile('support@pve!console');
    expect(await keychain.has(secretAccount(id))).toBe(true);
    expect(await store.delete(id)).toBe(true);
    expect(await keychain.has(secretAccount(id))).toBe(false);
  });

  it('moves a corrupt profiles.json aside and reports it', async () => {
    const d = await mkdtemp(join(tmpdir(), 'proxdeck-corrupt-'));
    await writeFile(join(d, 'profiles.json'), '{"version":1,"profiles":[{"id":');
    const s = await openProfileStore({ configDir: d, secrets: keychain });
    expect(s.loadProblem?.message).toMatch(/not valid JSON/);
    expect(await s.list()).toEqual([]);
    const files = await readdir(d);
    expect(files.some((f) => f.startsWith('profiles.json.corrupt-'))).toBe(true);
    expect(files).not.toContain('profiles.json');
    await rm(d, { recursive: true, force: true });
  });
});
