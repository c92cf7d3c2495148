// Chromium runs noVNC against the simulator's vncwebsocket and sees the real QEMU framebuffer (SeaBIOS text), and typing reaches it.
import { createHash, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { generateCertificate, type CertPair } from '../pve-sim/http/tls.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { login, vncReply, type SimClient } from '../integration/pve-sim/console-client.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness/chromium.js';
import { consoleFrame } from './harness/console-frame.js';

const ROOT_PW = 'novnc-e2e-pw';
const FIXTURE = resolve(import.meta.dirname, 'fixtures/novnc');
const NOVNC = resolve(import.meta.dirname, '../../node_modules/@novnc/novnc');
/** a 9×16 text cell: more than the blinking cursor can change */
const CURSOR_PIXELS = 144;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

let sim: RunningSim;
let root: SimClient;
let pageServer: Server;
let pageUrl: string;
let browser: Browser;

/**
 * Serves the fixture page and noVNC's own files (no bundling) on loopback, over HTTPS: Chromium sends
 * the PVEAuthCookie with the WebSocket only when page and API are the same site (same scheme, same host).
 */
function servePage(cert: CertPair): Promise<string> {
  pageServer = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [base, rel] = path.startsWith('/novnc/')
      ? [NOVNC, path.slice('/novnc/'.length)]
      : [FIXTURE, path === '/' ? 'index.html' : path.slice(1)];
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + '/')) return void res.writeHead(403).end();
    readFile(file).then(
      (body) =>
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done) =>
    pageServer.listen(0, '127.0.0.1', () =>
      done(`https://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`),
    ),
  );
}

/** Chromium trusts exactly our two certificates (simulator, page): base64 SHA-256 of each SubjectPublicKeyInfo. */
function spkiHash(pem: string): string {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

beforeAll(async () => {
  sim = await startSimulator({ rootPassword: ROOT_PW, controlPort: false });
  root = await login(sim.url, sim.certPem, 'root@pam', ROOT_PW);
  const pageCert = await generateCertificate('novnc-page');
  pageUrl = await servePage(pageCert);
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--ignore-certificate-errors-spki-list=${spkiHash(sim.certPem)},${spkiHash(pageCert.cert)}`,
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await root?.close();
  await sim?.close();
  await new Promise((done) => (pageServer ? pageServer.close(done) : done(undefined)));
});

const resources = z.object({
  data: z.array(z.object({ vmid: z.number(), node: z.string(), type: z.string(), status: z.string() })),
});

async function openConsole(pick: number, password?: string): Promise<Page> {
  const vms = resources.parse((await root.call('GET', '/cluster/resources', { type: 'vm' })).body).data;
  const vm = vms.filter((g) => g.type === 'qemu' && g.status === 'running')[pick];
  if (!vm) throw new Error('not enough running VMs');
  const res = await root.call('POST', `/nodes/${vm.node}/qemu/${vm.vmid}/vncproxy`, { websocket: 1 });
  const r = vncReply.parse(z.object({ data: z.unknown() }).parse(res.body).data);
  const wsUrl =
    `${sim.url.replace('https', 'wss')}/api2/json/nodes/${vm.node}/qemu/${vm.vmid}/vncwebsocket?` +
    new URLSearchParams({ port: String(r.port), vncticket: r.ticket }).toString();
  const context = await browser.newContext();
  await context.addCookies([
    {
      name: 'PVEAuthCookie',
      value: encodeURIComponent(root.ticket),
      domain: '127.0.0.1',
      path: '/',
      secure: true,
      sameSite: 'None',
    },
  ]);
  const page = await context.newPage();
  await page.goto(
    `${pageUrl}?${new URLSearchParams({ url: wsUrl, password: password ?? r.password ?? '' }).toString()}`,
  );
  return page;
}

/** Pixel statistics of the bare page's noVNC canvas. */
const frame = (page: Page) => consoleFrame(page, '#screen canvas');

it('draws a non-black framebuffer from the real QEMU VNC server', async () => {
  const page = await openConsole(0);
  const started = Date.now();
  await page.waitForFunction(
    // The fixture's module script may not have run yet when the page reports loaded.
    () => (window as unknown as { vncState?: { connected: boolean } }).vncState?.connected === true,
    null,
    { timeout: 10_000 },
  );
  await expect
    .poll(async () => (await frame(page))?.nonBlack ?? 0, { timeout: 10_000, interval: 100 })
    .toBeGreaterThan(100);
  const f = await frame(page);
  console.log(`noVNC: non-black framebuffer ${f?.width}x${f?.height} after ${Date.now() - started} ms`);
  expect(f).toMatchObject({ width: 720, height: 400 });
  await page.context().close();
});

it('typing reaches the server: ESC at the SeaBIOS boot prompt opens the boot menu', async () => {
  const page = await openConsole(1);
  await page.waitForFunction(
    // The fixture's module script may not have run yet when the page reports loaded.
    () => (window as unknown as { vncState?: { connected: boolean } }).vncState?.connected === true,
    null,
    { timeout: 10_000 },
  );
  // The text cursor blinks, so compare amounts of text, not hashes. Wait until the prompt stops growing (bounded).
  let last = -1;
  await expect
    .poll(
      async () => {
        const lit = (await frame(page))?.nonBlack ?? 0;
        const settled = lit > 100 && Math.abs(lit - last) < CURSOR_PIXELS;
        last = lit;
        return settled;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(true);
  await page.keyboard.press('Escape');
  // "Select boot device:" lights up several text cells; the cursor alone cannot
  await expect
    .poll(async () => (await frame(page))?.nonBlack ?? 0, { timeout: 5_000, interval: 100 })
    .toBeGreaterThan(last + 3 * CURSOR_PIXELS);
  await page.context().close();
});

it('a wrong VNC password is refused by the VNC server itself', async () => {
  const page = await openConsole(2, 'wrong!!!');
  await page.waitForFunction(
    () =>
      ((window as unknown as { vncState?: { securityFailure: unknown } }).vncState?.securityFailure ??
        null) !== null,
    null,
    { timeout: 10_000 },
  );
  await page.context().close();
});
