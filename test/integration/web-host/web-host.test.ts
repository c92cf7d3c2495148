// The web host: loopback only, and its WebSocket answers nothing without the secret, the right Origin and Host.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAppServices, type AppServices } from '../../../src-main/app-services.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import { startWebHost, WebHostBindError, type WebHost } from '../../../src-main/web-host/server.js';

let dist: string;
let services: AppServices;
let host: WebHost;
const refusals: string[] = [];

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'proxdeck-webhost-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>t</title>');
  services = await createAppServices({ configDir: dist, host: 'web', secrets: createMemorySecretStore() });
  host = await startWebHost({
    dispatcher: services.dispatcher,
    events: services.events,
    distDir: dist,
    onRefused: (r) => refusals.push(r),
  });
});

afterAll(async () => {
  await host?.close();
  await services?.dispose();
  await rm(dist, { recursive: true, force: true });
});

/** Opens a socket and resolves with the HTTP status of a refused upgrade, or 101 when it opened. */
function tryConnect(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, origin: headers.Origin ?? host.origin });
    ws.once('open', () => resolve({ status: 101, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, frame: string): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(frame);
  });
}

const withSecret = (secret: string) => `${host.ipcUrl}?secret=${encodeURIComponent(secret)}`;

describe('binding', () => {
  it.each(['0.0.0.0', '::', 'localhost', '192.168.1.10', '::1'])('refuses to bind to %s', async (bad) => {
    await expect(
      startWebHost({
        dispatcher: services.dispatcher,
        events: services.events,
        distDir: dist,
        host: bad,
      }),
    ).rejects.toBeInstanceOf(WebHostBindError);
  });

  it('listens on 127.0.0.1 at a random port and prints the secret in the fragment', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#secret=${host.secret}`);
    expect(host.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('WebSocket guard', () => {
  it('refuses a connection without the secret', async () => {
    expect((await tryConnect(host.ipcUrl)).status).toBe(403);
    expect(refusals.at(-1)).toBe('bad_secret');
  });

  it('refuses a wrong secret, even one of the right length', async () => {
    const wrong = host.secret.slice(0, -1) + (host.secret.endsWith('A') ? 'B' : 'A');
    expect((await tryConnect(withSecret(wrong))).status).toBe(403);
    expect((await tryConnect(withSecret(''))).status).toBe(403);
    expect((await tryConnect(`${withSecret(host.secret)}&secret=${host.secret}`)).status).toBe(403);
  });

  it('refuses a foreign Origin even with the right secret', async () => {
    expect((await tryConnect(withSecret(host.secret), { Origin: 'https://evil.example' })).status).toBe(403);
    expect(
      (await tryConnect(withSecret(host.secret), { Origin: 'http://localhost:' + host.port })).status,
    ).toBe(403);
    expect(refusals.at(-1)).toBe('bad_origin');
  });

  it('refuses a rebinding Host header', async () => {
    expect((await tryConnect(withSecret(host.secret), { Host: `evil.example:${host.port}` })).status).toBe(
      403,
    );
    expect(refusals.at(-1)).toBe('bad_host');
  });

  it('lets a valid connection call app.version', async () => {
    const { status, ws } = await tryConnect(withSecret(host.secret));
    expect(status).toBe(101);
    const answer = await call(ws!, JSON.stringify({ id: 7, name: 'app.version', args: {} }));
    expect(answer).toMatchObject({ id: 7, reply: { ok: true, value: { name: 'Proxdeck', host: 'web' } } });
    ws!.close();
  });

  it('answers malformed frames with typed errors and keeps serving', async () => {
    const { ws } = await tryConnect(withSecret(host.secret));
    expect(await call(ws!, 'not json')).toMatchObject({
      id: null,
      reply: { ok: false, error: { code: 'bad_request' } },
    });
    expect(await call(ws!, JSON.stringify({ id: 3, name: 5 }))).toMatchObject({
      id: 3,
      reply: { ok: false },
    });
    expect(await call(ws!, '{"id":4,"name":"app.version","args":{"__proto__":{"x":1}}}')).toMatchObject({
      id: 4,
      reply: { ok: false, error: { code: 'bad_request' } },
    });
    expect(await call(ws!, JSON.stringify({ id: 5, name: 'app.version', args: {} }))).toMatchObject({
      reply: { ok: true },
    });
    ws!.close();
  });

  it('closes a connection that sends more than 1 MB in one message', async () => {
    const { ws } = await tryConnect(withSecret(host.secret));
    const code = await new Promise<number>((resolve) => {
      ws!.once('close', (c) => resolve(c));
      ws!.send('x'.repeat(1024 * 1024 + 1));
    });
    expect(code).toBe(1009);
  });
});

describe('static files', () => {
  it('serves the document with the CSP and refuses other methods', async () => {
    const get = await fetch(`${host.origin}/`);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${host.origin}/missing.js`)).status).toBe(404);
  });

  it('does not escape dist/ with a raw ../ path', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/../../etc/passwd' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect([400, 404]).toContain(status);
  });
});
