// e2e: the embedded console in the app (web host + Chromium) against the simulator's real QEMU VNC: a drawn
// framebuffer, typing that reaches the guest, close/reopen, ten in a row without leftovers, a stopped guest,
// the relay refusing a reused token, and no API secret in any frame the page sees.
import type { Page } from 'playwright-core';
import NodeWebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { childPid, guests, loopbackListeners } from '../integration/console/console-fixture.js';
import { qemuDescendants } from '../integration/pve-sim/console-client.js';
import { consoleFrame, litPixels } from './harness/console-frame.js';
import { connectSimProfile } from './harness/invoke.js';
import { openGuest as openGuestIn } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const TOKEN_ID = 'ops@pve!ops';
const SECRET = DEMO_TOKENS[TOKEN_ID]!;
/** a 9×16 text cell: more than the blinking cursor can change */
const CURSOR_PIXELS = 144;

let sim: RunningSim;
let app: StartedApp;
const page = (): Page => app.page;

const frame = () => consoleFrame(page());
const lit = () => litPixels(page());
const consoleState = (): Promise<string | null> =>
  page().getByTestId('console-view').getAttribute('data-state');

const openGuest = (vmid: number): Promise<void> => openGuestIn(page(), vmid);

/** Clicks the Console tab; resolves with ms until a non-black framebuffer was drawn. */
async function showConsole(): Promise<number> {
  const started = Date.now();
  await page().getByTestId('guest-tab-console').click();
  await expect.poll(lit, { timeout: 10_000, interval: 50 }).toBeGreaterThan(100);
  return Date.now() - started;
}

async function leaveConsole(): Promise<void> {
  await page().getByTestId('guest-tab-summary').click();
  await page().getByTestId('console-view').waitFor({ state: 'detached' });
}

/** A fresh app with one token profile for the simulator, connected, showing the inventory. */
async function connectApp(tokenId: string): Promise<StartedApp> {
  app = await startApp();
  await connectSimProfile(app.url, sim, 'sim', { kind: 'token', tokenId }, DEMO_TOKENS[tokenId] ?? '');
  await page().getByTestId('nav-inventory').click();
  await page().getByTestId('node-card').first().waitFor();
  return app;
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 16, seed: 21, controlPort: false });
  await connectApp(TOKEN_ID);
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('embedded console', () => {
  it('draws a non-black framebuffer within 2 s of clicking Console on a running VM', async () => {
    const vm = guests(sim, 'qemu', 'running', 1)[0]!;
    await openGuest(vm.vmid);
    const ms = await showConsole();
    console.log(`console: non-black framebuffer ${JSON.stringify(await frame())} ${ms} ms after the click`);
    expect(await consoleState()).toBe('connected');
    expect(ms).toBeLessThan(2_000);
  });

  it('typing reaches the guest: ESC at the SeaBIOS prompt opens the boot menu', async () => {
    const vm = guests(sim, 'qemu', 'running', 2)[1]!;
    await openGuest(vm.vmid);
    await showConsole();
    let last = -1;
    await expect
      .poll(
        async () => {
          const now = await lit();
          const settled = now > 100 && Math.abs(now - last) < CURSOR_PIXELS;
          last = now;
          return settled;
        },
        { timeout: 15_000, interval: 400 },
      )
      .toBe(true);
    await page().locator('[data-testid=console-screen] canvas').click();
    await page().keyboard.press('Escape');
    await expect.poll(lit, { timeout: 5_000, interval: 100 }).toBeGreaterThan(last + 3 * CURSOR_PIXELS);
  });

  it('closes and reopens; ten in a row leave no relay ports and no QEMU behind', async () => {
    const vm = guests(sim, 'qemu', 'running', 3)[2]!;
    await openGuest(vm.vmid);
    await showConsole();
    await leaveConsole();
    const host = childPid('web-host/cli.ts');
    const listeners = loopbackListeners(host);
    expect(listeners.size).toBeGreaterThan(0);
    const firstFrame = app.frames.length;
    const qemu = qemuDescendants().length;
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      times.push(await showConsole());
      expect(await consoleState()).toBe('connected');
      await leaveConsole();
    }
    console.log(`console: reopen times ${times.join(', ')} ms`);
    await expect
      .poll(() => [...loopbackListeners(host)].filter((p) => !listeners.has(p)), { timeout: 5_000 })
      .toEqual([]);
    const relayPorts = new Set(
      app.frames
        .slice(firstFrame)
        .filter((f) => !f.url.includes('/ipc'))
        .map((f) => Number(new URL(f.url).port)),
    );
    expect(relayPorts.size).toBe(10);
    expect([...relayPorts].filter((p) => loopbackListeners(host).has(p))).toEqual([]);
    expect(qemuDescendants().length).toBeLessThanOrEqual(qemu);
  });

  it('the relay URL the page used cannot be used again', async () => {
    const vm = guests(sim, 'qemu', 'running', 1)[0]!;
    await openGuest(vm.vmid);
    const before = app.frames.length;
    await showConsole();
    const relay = app.frames
      .slice(before)
      .find((f) => f.url.startsWith('ws://127.0.0.1:') && !f.url.includes('/ipc'))?.url;
    expect(relay).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+$/);
    const outcome = await new Promise<string>((resolve) => {
      const ws = new NodeWebSocket(relay!);
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
      ws.once('error', () => resolve('refused'));
    });
    expect(outcome).not.toBe('open');
    expect(await consoleState()).toBe('connected');
  });

  it('a stopped guest shows the guest-stopped state, and the console once it runs', async () => {
    const vm = guests(sim, 'qemu', 'stopped', 1)[0]!;
    await openGuest(vm.vmid);
    await page().getByTestId('guest-tab-console').click();
    await expect.poll(consoleState, { timeout: 5_000 }).toBe('stopped');
    expect(await page().getByTestId('console-reason').textContent()).toMatch(/Guest stopped/);
    sim.cluster.control.setGuestStatus(vm.vmid, 'running');
    await expect.poll(consoleState, { timeout: 15_000 }).toBe('connected');
    await leaveConsole();
  });

  it('the page never receives the API secret: every IPC and relay frame checked', async () => {
    const after = app.frames;
    expect(app.pageErrors.filter((e) => /Content Security Policy|Refused to connect/i.test(e))).toEqual([]);
    expect(after.some((f) => f.url.includes('/ipc'))).toBe(true);
    expect(after.filter((f) => !f.url.includes('/ipc')).length).toBeGreaterThan(100);
    const b64 = Buffer.from(SECRET).toString('base64');
    for (const f of after) {
      const text = f.url.includes('/ipc') ? f.payload : Buffer.from(f.payload, 'base64').toString('latin1');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('PVEAPIToken');
      expect(f.payload).not.toContain(b64);
    }
  });
});

describe('without VM.Console', () => {
  it('the console is disabled with the reason, and nothing is relayed', async () => {
    await app.close();
    await connectApp('auditor@pve!ro');
    const vm = guests(sim, 'qemu', 'running', 1)[0]!;
    await openGuest(vm.vmid);
    await page().getByTestId('guest-tab-console').click();
    await expect.poll(consoleState, { timeout: 5_000 }).toBe('denied');
    const button = page().getByTestId('console-open-disabled');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('title')).toBe(`needs VM.Console on /vms/${vm.vmid}`);
    expect(app.frames.filter((f) => !f.url.includes('/ipc'))).toEqual([]);
  });
});
