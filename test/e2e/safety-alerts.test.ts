// e2e (#21 part 3): desktop notifications in the web host. With notifications switched on in the header (the browser's
// `notifications` permission granted), a simulated node going offline raises exactly one browser notification and its
// recovery another; clicking the first opens that node; the health indicator follows.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { connectSimProfile } from './harness/invoke.js';
import { startApp, type StartedApp } from './harness/start-app.js';

interface Recorded {
  title: string;
  body: string;
}
declare global {
  interface Window {
    __notifications?: Recorded[];
    __notificationObjects?: Notification[];
  }
}

let sim: RunningSim;
let app: StartedApp;
const page = (): Page => app.page;

/** every `new Notification(...)` is recorded before the real one is made */
function recordNotifications(): void {
  const Real = window.Notification;
  window.__notifications = [];
  window.__notificationObjects = [];
  class Recording extends Real {
    constructor(title: string, init?: NotificationOptions) {
      super(title, init);
      window.__notifications!.push({ title, body: init?.body ?? '' });
      window.__notificationObjects!.push(this);
    }
  }
  Object.defineProperty(window, 'Notification', { value: Recording, configurable: true, writable: true });
}

const recorded = (): Promise<Recorded[]> => page().evaluate(() => window.__notifications ?? []);
const level = () => page().getByTestId('health-indicator').getAttribute('data-level');

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 12, seed: 11, controlPort: false });
  app = await startApp();
  await app.context.grantPermissions(['notifications']);
  await app.context.addInitScript(recordNotifications);
  await page().reload();
  await connectSimProfile(
    app.url,
    sim,
    'lab',
    { kind: 'password', username: 'root', realm: 'pam' },
    DEFAULT_ROOT_PASSWORD,
  );
  await page().getByTestId('health-indicator').waitFor();
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('desktop notifications', () => {
  it('are off until switched on in the health list', async () => {
    expect(await page().evaluate(() => Notification.permission)).toBe('granted');
    await page().getByTestId('health-indicator').click();
    const toggle = page().getByTestId('alerts-enabled');
    expect(await toggle.isChecked()).toBe(false);
    // a controlled switch: it shows on once main saved the setting and read the baseline
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect.poll(level).toBe('green');
    await page().keyboard.press('Escape');
    expect(await recorded()).toEqual([]);
  });

  it('a node going offline raises exactly one notification, its recovery another', async () => {
    expect(await page().getByTestId('health-count').textContent()).toBe('0');
    sim.cluster.control.setNodeOnline('pve3', false);
    await expect.poll(async () => (await recorded()).length, { timeout: 20_000 }).toBe(1);
    expect((await recorded())[0]).toEqual({
      title: 'Node pve3 is offline',
      body: expect.stringContaining('lab'),
    });
    await expect.poll(level).toBe('red');
    expect(await page().getByTestId('health-count').textContent()).toBe('1');

    sim.cluster.control.setNodeOnline('pve3', true);
    await expect.poll(async () => (await recorded()).length, { timeout: 20_000 }).toBe(2);
    expect((await recorded())[1]!.title).toBe('Node pve3 is back online');
    await expect.poll(level).toBe('green');
    // proving an absence: nothing else follows within two grouping windows (1.5 s each)
    await page().waitForTimeout(3_000);
    expect(await recorded()).toHaveLength(2);
  });

  it('clicking a notification opens its node', async () => {
    await page().evaluate(() => window.__notificationObjects![0]!.onclick?.(new Event('click')));
    await expect.poll(() => page().getByTestId('node-view').textContent()).toContain('Node pve3');
  });
});
