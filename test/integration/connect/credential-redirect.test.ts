// Acceptance for issue #14: a second HTTPS server (its own self-signed certificate) records every request; the app
// is redirected to it every way the contract allows (profile edit, trust, test, connect, wizard verify, console) and
// it must never receive a credential. Also: secrets bound to host/port/account, pins only from main's own probe,
// probe rules, audit entries, unknown ids in connect.open, the confirmed read-only clear.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeFingerprint } from '../../../src-shared/model/profile.js';
import { DEFAULT_ROOT_PASSWORD, DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { startPlanFixture, type PlanFixture } from '../plans/plan-fixture.js';

interface Seen {
  method: string;
  url: string;
  authorization?: string;
  cookie?: string;
  body: string;
}

let fx: PlanFixture;
let evil: Server;
let evilPort: number;
let evilFingerprint: string;
const seen: Seen[] = [];
let handshakes = 0;

beforeAll(async () => {
  fx = await startPlanFixture();
  const pem = await generate([{ name: 'commonName', value: 'evil' }], { keySize: 2048 });
  const der = Buffer.from(pem.cert.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  evilFingerprint = normalizeFingerprint(createHash('sha256').update(der).digest('hex'))!;
  evil = createServer({ key: pem.private, cert: pem.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(401).end();
    });
  });
  evil.on('secureConnection', () => handshakes++);
  evil.on('upgrade', (req, socket) => {
    seen.push({
      method: 'UPGRADE',
      url: req.url ?? '',
      body: '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
    });
    socket.destroy();
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilPort = (evil.address() as AddressInfo).port;
});

afterAll(async () => {
  await fx?.close();
  await new Promise<void>((resolve) => (evil ? evil.close(() => resolve()) : resolve()));
});

async function passwordProfile(): Promise<string> {
  await fx.ok('connect.probe', { host: '127.0.0.1', port: fx.sim.port, userTyped: true });
  const view = await fx.ok('profiles.save', {
    profile: {
      name: 'root',
      host: `127.0.0.1:${fx.sim.port}`,
      auth: { kind: 'password', username: 'root', realm: 'pam' },
      pinnedFingerprint: fx.sim.fingerprint,
    },
    secret: DEFAULT_ROOT_PASSWORD,
  });
  await fx.ok('connect.open', { profileId: view.id });
  return view.id;
}

/** the saved profile as profiles.save takes it (without the hasSecret flag the list adds) */
async function draftOf(id: string) {
  const found = (await fx.ok('profiles.list', {})).profiles.find((p) => p.id === id);
  if (!found) throw new Error(`no profile ${id}`);
  const { hasSecret: _unused, ...draft } = found;
  return draft;
}

const hasSecret = async (id: string) =>
  (await fx.ok('profiles.list', {})).profiles.find((p) => p.id === id)?.hasSecret;

function expectNoCredentialSent(): void {
  for (const r of seen) {
    expect(r.authorization, `${r.method} ${r.url}`).toBeUndefined();
    expect(r.cookie, `${r.method} ${r.url}`).toBeUndefined();
    expect(r.body).not.toContain(DEFAULT_ROOT_PASSWORD);
    for (const secret of Object.values(DEMO_TOKENS)) expect(r.body).not.toContain(secret);
  }
}

describe("a stored secret never leaves for a host of the caller's choosing", () => {
  it('a pin the caller made up is refused, with or without a host change', async () => {
    const id = await fx.profile('ops@pve!ops');
    const current = await draftOf(id);
    const reply = await fx.call('profiles.save', {
      profile: { ...current, host: '127.0.0.1', port: evilPort, pinnedFingerprint: evilFingerprint },
    });
    expect(reply.ok ? 'saved' : reply.error.code).toBe('tls_untrusted');
    const trust = await fx.call('connect.trust', { profileId: id, fingerprint: evilFingerprint });
    expect(trust.ok ? 'trusted' : trust.error.code).toBe('tls_untrusted');
    expect(await hasSecret(id)).toBe(true);
  });

  it('moving a token profile drops its secret; probe + trust + test + open + console send nothing', async () => {
    const id = await fx.profile('ops@pve!ops');
    const current = await draftOf(id);
    const moved = await fx.ok('profiles.save', {
      profile: { ...current, host: '127.0.0.1', port: evilPort },
    });
    expect(moved.hasSecret).toBe(false);
    expect(moved.pinnedFingerprint).toBeUndefined();
    // main itself sees the evil certificate: now the pin may be set, but no secret is left to send
    const probed = await fx.ok('connect.probe', { host: '127.0.0.1', port: evilPort });
    expect(probed.fingerprint).toBe(evilFingerprint);
    await fx.ok('connect.trust', { profileId: id, fingerprint: evilFingerprint });
    for (const name of ['connect.test', 'connect.open'] as const) {
      const r = await fx.call(name, { profileId: id });
      expect(r.ok ? 'ok' : r.error.code).toBe('auth_failed');
    }
    const consoleReply = await fx.call('console.open', { profileId: id, node: 'pve1', type: 'node' });
    expect(consoleReply.ok).toBe(false);
    // the wizard's check of a token, pointed at the moved profile, has no secret to send either
    const verify = await fx.call('wizard.verify', {
      source: { kind: 'profile', profileId: id },
      preset: 'audit',
      scope: { kind: 'cluster' },
    });
    expect(verify.ok && verify.value.passed).toBe(false);
    expect(handshakes).toBeGreaterThan(0);
    expectNoCredentialSent();
  });

  it('a password profile: changing the port, the user or the realm drops the stored password', async () => {
    const id = await passwordProfile();
    const base = await draftOf(id);
    for (const change of [
      { auth: { kind: 'password' as const, username: 'ops', realm: 'pve' } },
      { port: evilPort },
    ]) {
      await fx.ok('profiles.save', { profile: base, secret: DEFAULT_ROOT_PASSWORD });
      expect(await hasSecret(id)).toBe(true);
      const edited = await fx.ok('profiles.save', { profile: { ...base, ...change } });
      expect(edited.hasSecret).toBe(false);
    }
    await fx.ok('connect.probe', { host: '127.0.0.1', port: evilPort, userTyped: true });
    await fx.ok('connect.trust', { profileId: id, fingerprint: evilFingerprint });
    const r = await fx.call('connect.test', { profileId: id });
    expect(r.ok ? 'ok' : r.error.code).toBe('auth_failed');
    expectNoCredentialSent();
  });

  it('a token the wizard created is verified where it was created, even after the profile moved', async () => {
    const id = await passwordProfile();
    const input = {
      preset: 'audit' as const,
      scope: { kind: 'cluster' as const },
      userid: 'redir@pve',
      tokenid: 'app',
    };
    const plan = await fx.ok('wizard.plan', { profileId: id, ...input });
    const run = await fx.ok('plans.run', {
      planId: plan.id,
      ...(plan.confirmWord ? { confirmText: plan.confirmWord } : {}),
    });
    expect(run.state).toBe('succeeded');
    // the profile the plan ran on now points at the evil server, trusted through main's own probe
    await fx.ok('profiles.save', { profile: { ...(await draftOf(id)), port: evilPort } });
    await fx.ok('connect.probe', { host: '127.0.0.1', port: evilPort, userTyped: true });
    await fx.ok('connect.trust', { profileId: id, fingerprint: evilFingerprint });
    const before = seen.length;
    const simCalls = fx.requests('GET', '/access/permissions');
    const v = await fx.ok('wizard.verify', {
      source: { kind: 'plan', planId: plan.id },
      preset: input.preset,
      scope: input.scope,
    });
    expect(v.passed).toBe(true);
    // the check ran against the simulator the token was made on; the evil server heard nothing new
    expect(fx.requests('GET', '/access/permissions')).toBeGreaterThan(simCalls);
    expect(seen.length).toBe(before);
    expectNoCredentialSent();
  });

  it('renaming or recolouring keeps the secret; the edit and the dropped secret are in the audit log', async () => {
    const id = await fx.profile('auditor@pve!ro');
    const base = await draftOf(id);
    const renamed = await fx.ok('profiles.save', {
      profile: { ...base, name: 'auditor 2', color: '#112233' },
    });
    expect(renamed.hasSecret).toBe(true);
    await fx.ok('profiles.save', { profile: { ...base, name: 'auditor 2', port: evilPort } });
    const entries = (await fx.ok('audit.list', {})).entries.filter((e) => e.cluster.profileId === id);
    const secretChange = entries.flatMap((e) => e.changes ?? []).find((c) => c.field === 'secret');
    expect(secretChange).toEqual({ field: 'secret', before: 'stored', after: 'dropped' });
    const hostChange = entries.flatMap((e) => e.changes ?? []).find((c) => c.field === 'host');
    expect(hostChange).toEqual({
      field: 'host',
      before: `127.0.0.1:${fx.sim.port}`,
      after: `127.0.0.1:${evilPort}`,
    });
    expect(JSON.stringify(entries)).not.toContain(DEMO_TOKENS['auditor@pve!ro']!);
  });
});

describe('probe rules', () => {
  it('refuses addresses that are neither saved nor typed, and link-local ones unless typed', async () => {
    const untyped = await fx.call('connect.probe', { host: '127.0.0.1', port: 1 });
    expect(untyped.ok ? 'probed' : untyped.error.code).toBe('bad_request');
    const metadata = await fx.call('connect.probe', { host: '169.254.169.254', port: 443 });
    expect(metadata.ok ? 'probed' : metadata.error.message).toMatch(/not a saved cluster|link-local/);
  });
});

describe('connect.open with an unknown profile id', () => {
  it('answers not_found and creates no connection state', async () => {
    const before = (await fx.ok('connect.states', {})).connections.length;
    let events = 0;
    const off = fx.services.events.subscribe(() => events++);
    for (let i = 0; i < 20; i++) {
      const r = await fx.call('connect.open', { profileId: `nope-${i}` });
      expect(r.ok ? 'ok' : r.error.code).toBe('not_found');
    }
    off();
    expect((await fx.ok('connect.states', {})).connections.length).toBe(before);
    expect(events).toBe(0);
  });
});

describe('read-only consoles', () => {
  it('a read-only profile gets no node shell', async () => {
    const id = await fx.profile('ops@pve!ops', { readOnly: true });
    const node = fx.guests({ status: 'running' })[0]!.node;
    const shell = await fx.call('console.open', { profileId: id, node, type: 'node' });
    expect(shell.ok ? 'opened' : shell.error.code).toBe('read_only');
  });
});

describe('read-only is switched off only by its own confirmed step', () => {
  it('profiles.save cannot clear it; the confirmed step can, is audited, and drops plans built before', async () => {
    const id = await fx.profile('ops@pve!ops', { readOnly: true });
    const base = await draftOf(id);
    const silent = await fx.call('profiles.save', { profile: { ...base, readOnly: false } });
    expect(silent.ok ? 'saved' : silent.error.code).toBe('read_only');

    const vm = fx.guests({ type: 'qemu', status: 'running' })[0]!;
    const plan = await fx.ok('plans.build', {
      profileId: id,
      action: { kind: 'power', action: 'reboot', guests: [vm] },
    });
    const step = await fx.ok('profiles.planWritable', { profileId: id });
    const wrong = await fx.call('profiles.makeWritable', { planId: step.planId, confirmText: 'yes' });
    expect(wrong.ok ? 'cleared' : wrong.error.code).toBe('bad_parameter');
    const cleared = await fx.ok('profiles.makeWritable', {
      planId: step.planId,
      confirmText: step.confirmWord,
    });
    expect(cleared.readOnly).toBe(false);
    const again = await fx.call('profiles.makeWritable', {
      planId: step.planId,
      confirmText: step.confirmWord,
    });
    expect(again.ok).toBe(false);

    const run = await fx.call('plans.run', { planId: plan.id, confirmText: plan.confirmWord ?? '' });
    expect(run.ok ? 'ran' : run.error.code).toBe('not_found');
    expect(fx.requests('POST', `/nodes/${vm.node}/qemu/${vm.vmid}/status/reboot`)).toBe(0);
    const audit = (await fx.ok('audit.list', {})).entries.find((e) => e.kind === 'readOnly');
    expect(audit?.changes).toEqual([{ field: 'readOnly', before: 'true', after: 'false' }]);
  });
});
