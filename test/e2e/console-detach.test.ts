// e2e (web host + Chromium + the simulator's real QEMU VNC): Detach opens the console in its own window, which draws
// the guest's framebuffer; a stopped guest's console offers Start, which goes through the confirm-diff dialog and
// then the console connects.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guests } from '../integration/console/console-fixture.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { litPixels } from './harness/console-frame.js';
import { connectSimProfile } from './harness/invoke.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const TOKEN_ID = 'ops@pve!ops';
let sim: RunningSim;
let app: StartedApp;
const page = (): Page => app.page;
const consoleState = (p: Page): Promise<string | null> =>
  p.getByTestId('console-view').getAttribute('data-state');

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 16, seed: 21, controlPort: false, taskDurationMs: 100 });
  app = await startApp();
  await connectSimProfile(
    app.url,
    sim,
    'sim',
    { kind: 'token', tokenId: TOKEN_ID },
    DEMO_TOKENS[TOKEN_ID] ?? '',
  );
  await page().getByTestId('nav-inventory').click();
  await page().getByTestId('node-card').first().waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('detached console', () => {
  it('Detach opens a console window that draws a non-black framebuffer; the tab says it is detached', async () => {
    const vm = guests(sim, 'qemu', 'running', 1)[0]!;
    await openGuest(page(), vm.vmid);
    const name = (await page().getByTestId('guest-view').getByTestId('page-title').innerText())
      .split(' · ')[1]
      ?.trim();
    expect(name).toBeTruthy();
    await page().getByTestId('guest-tab-console').click();
    await expect.poll(() => consoleState(page()), { timeout: 10_000 }).toBe('connected');
    const [popup] = await Promise.all([
      app.context.waitForEvent('page'),
      page().getByTestId('console-detach').click(),
    ]);
    await popup.getByTestId('console-window').waitFor();
    const hash = new URLSearchParams(new URL(popup.url()).hash.slice(1));
    // the launch secret rides along so the new window can reach the web host; the route names this guest
    expect(hash.get('secret')).toBe(new URLSearchParams(new URL(app.url).hash.slice(1)).get('secret'));
    expect(JSON.parse(hash.get('console') ?? '{}')).toMatchObject({
      node: vm.node,
      type: 'qemu',
      vmid: vm.vmid,
    });
    // the window names the guest and the cluster (the profile), e.g. "VM 104 · dns-05 — sim"
    await expect.poll(() => popup.title(), { timeout: 10_000 }).toBe(`VM ${vm.vmid} · ${name} — sim`);
    await expect.poll(() => litPixels(popup), { timeout: 10_000, interval: 100 }).toBeGreaterThan(100);
    expect(await consoleState(popup)).toBe('connected');
    // only the console, not the app shell
    expect(await popup.getByTestId('nav-inventory').count()).toBe(0);
    await page().getByTestId('console-detached').waitFor();
    await popup.close();
    await page().getByTestId('console-attach').click();
    await expect.poll(() => consoleState(page()), { timeout: 10_000 }).toBe('connected');
  });
});

describe('stopped guest in the console tab', () => {
  it('offers Start, which confirms the plan and then connects the console', async () => {
    const vm = guests(sim, 'qemu', 'stopped', 1)[0]!;
    await openGuest(page(), vm.vmid);
    await page().getByTestId('guest-tab-console').click();
    await expect.poll(() => consoleState(page()), { timeout: 10_000 }).toBe('stopped');
    await page().getByTestId('console-start').click();
    const dialog = page().getByTestId('confirm-diff-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`/nodes/${vm.node}/qemu/${vm.vmid}/status/start`);
    expect(sim.cluster.guestStatus?.(vm.vmid)?.status).toBe('stopped');
    await dialog.getByTestId('plan-confirm').click();
    await expect
      .poll(() => dialog.getByTestId('plan-end').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('succeeded');
    await dialog.getByTestId('plan-close').click();
    expect(sim.cluster.guestStatus?.(vm.vmid)?.status).toBe('running');
    await expect.poll(() => consoleState(page()), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => litPixels(page()), { timeout: 10_000, interval: 100 }).toBeGreaterThan(100);
  });
});
