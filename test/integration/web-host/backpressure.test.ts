// The web host bounds what it queues for a client that stops reading: past the limit the connection is dropped
// instead of the host's memory growing with every reply.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAppServices, type AppServices } from '../../../src-main/app-services.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import { startWebHost, type WebHost } from '../../../src-main/web-host/server.js';

let dist: string;
let services: AppServices;
let host: WebHost;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'proxdeck-webhost-bp-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>t</title>');
  services = await createAppServices({ configDir: dist, host: 'web', secrets: createMemorySecretStore() });
  host = await startWebHost({
    dispatcher: services.dispatcher,
    events: services.events,
    distDir: dist,
    maxQueuedBytes: 256 * 1024,
  });
});

afterAll(async () => {
  await host?.close();
  await services?.dispose();
  await rm(dist, { recursive: true, force: true });
});

describe('web host backpressure', () => {
  it('drops a client that sends requests but never reads the replies', async () => {
    const ws = new WebSocket(`${host.ipcUrl}?secret=${host.secret}`, { headers: { Origin: host.origin } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    // stop reading: the kernel buffers fill, then the host's own queue grows
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    let open = true;
    void closed.then(() => (open = false));
    const deadline = Date.now() + 60_000;
    let sent = 0;
    while (open && Date.now() < deadline && sent < 400_000) {
      for (let i = 0; i < 500; i++) ws.send(JSON.stringify({ id: sent++, name: 'audit.export', args: {} }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    expect(open).toBe(false);
    ws.terminate();
  });
});
