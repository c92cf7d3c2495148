// Fault injection, the control API and the request log of the simulator, over real HTTPS and HTTP.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HUGE_RESPONSE_BYTES } from '../../pve-sim/faults.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { call, tokenHeader } from './core-client.js';

let sim: RunningSim;
const logPath = path.join(mkdtempSync(path.join(tmpdir(), 'pve-sim-log-')), 'requests.jsonl');
const ops = tokenHeader('ops@pve!ops', DEMO_TOKENS['ops@pve!ops'] ?? '');
const tos = () => call(sim, 'GET', '/cluster/acme/tos', { headers: ops });

async function control(
  method: string,
  p: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await fetch(`${sim.controlUrl ?? ''}${p}`, {
    method,
    ...(body !== undefined && {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 4, logPath });
  sim.registry.add('GET', '/cluster/acme/tos', () => ({ terms: 'ok' }));
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.faults.set({ reset: true });
});

describe('faults', () => {
  it('adds latency only under the path prefix', async () => {
    sim.faults.set({ latencyMs: 150, pathPrefix: '/cluster/acme' });
    let t = performance.now();
    await tos();
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    t = performance.now();
    await call(sim, 'GET', '/access/ticket');
    expect(performance.now() - t).toBeLessThan(140);
  });
  it('answers a PVE-style 500 at errorRate 1 and mixes at 0.5 (seeded)', async () => {
    sim.faults.set({ errorRate: 1 });
    const r = await tos();
    expect([r.status, r.json().data, typeof r.json().message]).toEqual([500, null, 'string']);
    sim.faults.set({ errorRate: 0.5 });
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) statuses.add((await tos()).status);
    expect([...statuses].sort()).toEqual([200, 500]);
  });
  it('resets the connection', async () => {
    sim.faults.set({ resetRate: 1 });
    await expect(tos()).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
  it('truncates or corrupts the JSON body, or pads it to 20 MB', async () => {
    sim.faults.set({ truncateRate: 1 });
    const t = await tos();
    expect(t.status).toBe(200);
    expect(() => t.json()).toThrow();
    sim.faults.set({ reset: true, malformedRate: 1 });
    expect((await tos()).text.startsWith('<html>')).toBe(true);
    sim.faults.set({ reset: true, hugeRate: 1 });
    const h = await tos();
    expect(h.text.length).toBeGreaterThanOrEqual(HUGE_RESPONSE_BYTES - 64);
    expect(h.json().data).toEqual({ terms: 'ok' });
  });
  it('takes a node offline and back', async () => {
    const status = async (): Promise<unknown> => {
      const r = await call(sim, 'GET', '/nodes', { headers: ops });
      return (r.json().data as { node: string; status: string }[]).find((n) => n.node === 'pve2')?.status;
    };
    expect(await status()).toBe('online');
    sim.faults.set({ nodeOffline: 'pve2' });
    expect(await status()).toBe('offline');
    sim.faults.set({ nodeOnline: 'pve2' });
    expect(await status()).toBe('online');
  });
  it('revokes a token mid-session', async () => {
    expect((await tos()).status).toBe(200);
    sim.faults.set({ revokeToken: 'ops@pve!ops' });
    expect((await tos()).status).toBe(401);
  });
});

describe('control API', () => {
  it('reports state and sets faults with validated bodies', async () => {
    const state = await control('GET', '/state');
    expect(state.json).toMatchObject({ ok: true, result: { url: sim.url, fingerprint: sim.fingerprint } });
    const set = await control('POST', '/faults', { errorRate: 1 });
    expect(set.json).toMatchObject({ ok: true, result: { errorRate: 1 } });
    expect((await call(sim, 'GET', '/access/ticket')).status).toBe(500);
    const bad = await control('POST', '/faults', { errorRate: 7 });
    expect(bad.status).toBe(400);
    expect((await control('POST', '/guests/100/status', { status: 'exploded' })).status).toBe(400);
    expect((await control('POST', '/nodes/pve2/offline')).json).toEqual({
      ok: true,
      result: { node: 'pve2', online: false },
    });
    expect((await control('POST', '/nope')).status).toBe(404);
  });
  it('swaps the certificate', async () => {
    const before = sim.fingerprint;
    const r = await control('POST', '/cert/swap');
    expect(r.json).toEqual({ ok: true, result: { fingerprint: sim.fingerprint } });
    expect(sim.fingerprint).not.toBe(before);
  });
});

describe('request log', () => {
  it('records each request in memory and as JSON lines, with secrets redacted', async () => {
    await call(sim, 'POST', '/access/ticket', { form: { username: 'root@pam', password: 'secret-value' } });
    const rec = sim.requestLog.at(-1);
    expect(rec).toMatchObject({
      method: 'POST',
      path: '/access/ticket',
      status: 401,
      params: { username: 'root@pam', password: '********' },
    });
    const lines = readFileSync(logPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toEqual(rec);
    expect(readFileSync(logPath, 'utf8')).not.toContain('secret-value');
  });
});
