// The simulator core over real HTTPS: routing (501), validation (400), auth (401), permissions (403), envelope, gzip, TLS.
import { connect } from 'node:tls';
import { TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS, DEMO_TOTP_SECRET } from '../../pve-sim/rbac/index.js';
import { call, login, tokenHeader, type Login } from './core-client.js';

let sim: RunningSim;
let clock = Date.now();
let root: Login;
const auditor = tokenHeader('auditor@pve!ro', DEMO_TOKENS['auditor@pve!ro'] ?? '');

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 5, controlPort: false, now: () => clock });
  // test handlers on endpoints whose permissions suit the checks below
  sim.registry.add('POST', '/nodes/{node}/qemu/{vmid}/status/start', (req) => ({ echo: req.params }));
  sim.registry.add('GET', '/cluster/acme/tos', (req) => ({ who: req.principal, big: 'x'.repeat(5000) }));
  root = await login(sim);
});
afterAll(async () => {
  await sim.close();
});

describe('routing and envelope', () => {
  it('answers 501 for an unknown path with PVE text and reason phrase', async () => {
    const r = await call(sim, 'GET', '/nodes/pve1/nonsense', { headers: root.cookie });
    expect(r.status).toBe(501);
    expect(r.reason).toBe("Method 'GET /nodes/pve1/nonsense' not implemented");
    expect(r.json()).toEqual({ data: null, message: "Method 'GET /nodes/pve1/nonsense' not implemented" });
    expect((await call(sim, 'DELETE', '/nodes', { headers: root.write })).reason).toBe(
      "Method 'DELETE /nodes' not implemented",
    );
  });
  it('answers 501 "not implemented in simulator" for valid endpoints without a handler', async () => {
    const r = await call(sim, 'GET', '/nodes/pve1/disks/smart?disk=/dev/sda', { headers: root.cookie });
    expect(r.status).toBe(501);
    expect(r.json().message).toBe("Method 'GET /nodes/pve1/disks/smart' not implemented in simulator");
  });
  it('fails the proxy stage for an unknown node before validating parameters, as PVE', async () => {
    const r = await call(sim, 'POST', '/nodes/pve9/qemu/100/status/start', {
      headers: root.write,
      form: { bogus: '1' },
    });
    expect(r.status).toBe(500);
    expect(r.json().message).toBe(
      "hostname lookup 'pve9' failed - failed to get address info for: pve9: Name or service not known\n",
    );
  });
  it('answers 501 "no such uri" outside /api2/<format>/ and for formats it does not serve', async () => {
    const r = await call(sim, 'GET', '/../../nope');
    expect([r.status, r.reason]).toEqual([501, 'no such uri']);
  });
  it('sets PVE headers and gzips bodies over 1024 bytes when accepted', async () => {
    const plain = await call(sim, 'GET', '/cluster/acme/tos', { headers: auditor });
    expect(plain.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(plain.headers.server).toBe('pve-api-daemon/3.0');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await call(sim, 'GET', '/cluster/acme/tos', {
      headers: { ...auditor, 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawLength).toBeLessThan(plain.rawLength);
    expect(gz.text).toBe(plain.text);
  });
  it('merges query over body, drops _dc and converts types', async () => {
    const r = await call(sim, 'POST', '/nodes/pve1/qemu/100/status/start?timeout=20&_dc=123', {
      headers: root.write,
      form: { timeout: '10', skiplock: '1' },
    });
    expect(r.status).toBe(200);
    expect(r.json().data).toEqual({ echo: { node: 'pve1', vmid: 100, timeout: 20, skiplock: 1 } });
  });
  it('accepts JSON bodies with real booleans', async () => {
    const r = await call(sim, 'POST', '/nodes/pve1/qemu/100/status/start', {
      headers: root.write,
      json: { skiplock: true },
    });
    expect(r.json().data).toEqual({ echo: { node: 'pve1', vmid: 100, skiplock: 1 } });
  });
  it('refuses a GET with a body and a body repeating a URI variable differently', async () => {
    const g = await call(sim, 'GET', '/cluster/acme/tos', {
      headers: { ...auditor, 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: 'a=1',
    });
    expect([g.status, g.reason]).toEqual([501, "Unexpected content for method 'GET'"]);
    const d = await call(sim, 'POST', '/nodes/pve1/qemu/100/status/start', {
      headers: root.write,
      form: { vmid: '101' },
    });
    expect(d.status).toBe(400);
    expect(d.json().errors).toEqual({
      vmid: 'duplicate parameter (already defined in URI) with conflicting values!',
    });
  });
});

describe('parameter verification over HTTP', () => {
  const post = (form: Record<string, string>, path = '/nodes/pve1/qemu/100/status/start') =>
    call(sim, 'POST', path, { headers: root.write, form });
  it.each([
    [
      { bogus: '1' },
      { bogus: 'property is not defined in schema and the schema does not allow additional properties' },
    ],
    [{ skiplock: 'true' }, { skiplock: "type check ('boolean') failed - got 'true'" }],
    [{ timeout: 'abc' }, { timeout: "type check ('integer') failed - got 'abc'" }],
    [{ timeout: '-5' }, { timeout: 'value must have a minimum value of 0' }],
    [
      { migration_type: 'fast' },
      { migration_type: "value 'fast' does not have a value in the enumeration 'secure, insecure'" },
    ],
    [{ 'nets-host-mtu': 'eth0' }, { 'nets-host-mtu': 'value does not match the regex pattern' }],
    [{ stateuri: 'y'.repeat(200) }, { stateuri: 'value may only be 128 characters long' }],
    [
      { migratedfrom: 'bad_name' },
      { migratedfrom: 'invalid format - value does not look like a valid node name\n' },
    ],
  ])('rejects %j', async (form, errors) => {
    const r = await post(form);
    expect(r.status).toBe(400);
    expect(r.reason).toBe('Parameter verification failed.');
    expect(r.json()).toEqual({ data: null, message: 'Parameter verification failed.\n', errors });
  });
  it('validates path variables too', async () => {
    const r = await call(sim, 'POST', '/nodes/pve1/qemu/99/status/start', { headers: root.write });
    expect(r.json().errors).toEqual({ vmid: 'invalid format - value does not look like a valid VM ID\n' });
  });
});

describe('authentication', () => {
  it('401 without body: no credentials, bad token, bad ticket', async () => {
    const none = await call(sim, 'GET', '/cluster/acme/tos');
    expect([none.status, none.reason, none.text]).toEqual([401, 'No ticket', '']);
    const bad = await call(sim, 'GET', '/cluster/acme/tos', {
      headers: tokenHeader('auditor@pve!ro', 'wrong'),
    });
    expect([bad.status, bad.reason, bad.text]).toEqual([401, 'Authentication failed!', '']);
    const forged = await call(sim, 'GET', '/cluster/acme/tos', {
      headers: { cookie: `PVEAuthCookie=${root.ticket.replace(/::.{4}/, '::AAAA')}` },
    });
    expect([forged.status, forged.reason]).toEqual([401, 'Authentication failed!']);
  });
  it('accepts a token, also with a space for the first = and URL-escaping', async () => {
    const r = await call(sim, 'GET', '/cluster/acme/tos', { headers: auditor });
    expect(r.json().data).toMatchObject({ who: { kind: 'token', full: 'auditor@pve!ro' } });
    const spaced = await call(sim, 'GET', '/cluster/acme/tos', {
      headers: { authorization: `PVEAPIToken auditor%40pve!ro=${DEMO_TOKENS['auditor@pve!ro'] ?? ''}` },
    });
    expect(spaced.status).toBe(200);
  });
  it('accepts the ticket as cookie or Authorization header; write needs CSRF', async () => {
    expect(
      (
        await call(sim, 'GET', '/cluster/acme/tos', {
          headers: { authorization: `PVEAuthCookie=${root.ticket}` },
        })
      ).status,
    ).toBe(200);
    const noCsrf = await call(sim, 'POST', '/nodes/pve1/qemu/100/status/start', { headers: root.cookie });
    expect([noCsrf.status, noCsrf.reason, noCsrf.text]).toEqual([
      401,
      'Permission denied - invalid csrf token',
      '',
    ]);
    expect(root.ticket).toMatch(/^PVE:root@pam:[0-9A-F]{8}::[A-Za-z0-9+/]+=*$/);
    expect(root.csrf).toMatch(/^[0-9A-F]{8}:[A-Za-z0-9+/]{43}$/);
  });
  it('expires tickets after 2 h and renews a valid one', async () => {
    const l = await login(sim);
    clock += 7000_000;
    const renewed = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'root@pam', password: l.ticket },
    });
    expect(renewed.status).toBe(200);
    const fresh = (renewed.json().data as { ticket: string }).ticket;
    clock += 300_000;
    expect((await call(sim, 'GET', '/cluster/acme/tos', { headers: l.cookie })).status).toBe(401);
    expect(
      (await call(sim, 'GET', '/cluster/acme/tos', { headers: { cookie: `PVEAuthCookie=${fresh}` } })).status,
    ).toBe(200);
    const late = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'root@pam', password: l.ticket },
    });
    expect([late.status, late.reason, late.json().message]).toEqual([
      401,
      'authentication failure',
      'authentication failure\n',
    ]);
    root = await login(sim);
  });
  it('verifies a ticket against path + privs without issuing a new one', async () => {
    const l = await login(sim, 'auditor@pve', 'auditor-demo');
    const ok = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'auditor@pve', password: l.ticket, path: '/vms/100', privs: 'VM.Audit' },
    });
    expect(ok.json()).toEqual({ data: { username: 'auditor@pve' } });
    const no = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'auditor@pve', password: l.ticket, path: '/vms/100', privs: 'VM.PowerMgmt' },
    });
    expect(no.status).toBe(401);
  });
  it('refuses a wrong password with 401 and a JSON body; returns cap for a good login', async () => {
    const r = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'root', realm: 'pam', password: 'nope' },
    });
    expect(r.status).toBe(401);
    const ok = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'auditor@pve', password: 'auditor-demo' },
    });
    const data = ok.json().data as { username: string; cap: Record<string, Record<string, number>> };
    expect(data.username).toBe('auditor@pve');
    expect(Object.keys(data.cap).sort()).toEqual([
      'access',
      'dc',
      'mapping',
      'nodes',
      'sdn',
      'storage',
      'vms',
    ]);
    expect(data.cap.vms?.['VM.Audit']).toBe(1);
    expect(data.cap.vms?.['VM.PowerMgmt']).toBeUndefined();
  });
  it('runs the PVE 9 TOTP flow: NeedTFA, then tfa-challenge + totp:<code>', async () => {
    const first = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'totp@pve', password: 'totp-demo' },
    });
    const half = first.json().data as { ticket: string; NeedTFA: number; cap?: unknown };
    expect(half.NeedTFA).toBe(1);
    expect(half.cap).toBeUndefined();
    expect(half.ticket).toMatch(/^PVE:!tfa!/);
    expect(
      (await call(sim, 'GET', '/cluster/acme/tos', { headers: { cookie: `PVEAuthCookie=${half.ticket}` } }))
        .status,
    ).toBe(401);
    const code = new TOTP({ secret: DEMO_TOTP_SECRET }).generate({ timestamp: clock });
    const wrong = await call(sim, 'POST', '/access/ticket', {
      form: {
        username: 'totp@pve',
        'tfa-challenge': half.ticket,
        password: `totp:${code === '000000' ? '111111' : '000000'}`,
      },
    });
    expect(wrong.status).toBe(401);
    const done = await call(sim, 'POST', '/access/ticket', {
      form: { username: 'totp@pve', 'tfa-challenge': half.ticket, password: `totp:${code}` },
    });
    const full = done.json().data as { ticket: string; cap: unknown };
    expect(full.ticket).toMatch(/^PVE:totp@pve:/);
    expect(full.cap).toBeDefined();
  });
});

describe('permissions', () => {
  it('refuses tokens on allowtoken:0 endpoints with the exact text', async () => {
    const r = await call(sim, 'PUT', '/access/password', {
      headers: auditor,
      form: { userid: 'auditor@pve', password: 'whatever1' },
    });
    expect(r.status).toBe(403);
    expect(r.reason).toBe(
      "Permission check failed (URI '/access/password' not available with API token, need proper ticket.",
    );
    expect(r.json().message).toBe(
      "Permission check failed (URI '/access/password' not available with API token, need proper ticket.\n)",
    );
  });
  it('checks permissions before parameters (403 even with invalid params)', async () => {
    const r = await call(sim, 'POST', '/nodes/pve1/qemu/100/status/start', {
      headers: auditor,
      form: { bogus: 'x' },
    });
    expect(r.status).toBe(403);
    expect(r.json().message).toBe('Permission check failed (/vms/100, VM.PowerMgmt)\n');
  });
});

describe('TLS', () => {
  const peerFingerprint = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port: sim.port, rejectUnauthorized: false }, () => {
        resolve(s.getPeerCertificate().fingerprint256);
        s.destroy();
      });
      s.on('error', reject);
    });
  it('serves the certificate whose fingerprint it reports, and swaps it for new connections', async () => {
    expect(sim.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await peerFingerprint()).toBe(sim.fingerprint);
    const before = sim.fingerprint;
    const after = await sim.swapCertificate();
    expect(after).not.toBe(before);
    expect(await peerFingerprint()).toBe(after);
  });
});
