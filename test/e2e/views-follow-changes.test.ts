// e2e: views never lie — after a config change the open config view and edit form show the new state without switching
// tabs, a migrated guest's view reads against its new node without an error, and a reload or a closed second page
// brings the inventory poll back to the visible interval.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { addProfile, card } from './connect-support.js';
import { backFromInventory } from './harness/connect-ui.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
const stopped: Array<{ vmid: number; node: string }> = [];
const page = (): Page => app.page;
const tid = (id: string) => page().getByTestId(id);
const dialog = () => tid('confirm-diff-dialog');

async function confirm(): Promise<void> {
  await dialog().waitFor();
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 30_000 })
    .toBe('succeeded');
  await dialog().getByTestId('plan-close').click();
}

/** Times (ms) of the inventory polls the simulator answered since `from`. */
const pollTimes = (from: number): number[] =>
  sim.requestLog.filter((r) => r.path === '/cluster/resources' && r.time >= from).map((r) => r.time);

async function waitForGap(from: number, polls: number): Promise<number[]> {
  await expect.poll(() => pollTimes(from).length, { timeout: 40_000, interval: 250 }).toBeGreaterThan(polls);
  return pollTimes(from);
}

const errorToasts = () => tid('toast-error');

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 24, seed: 8, controlPort: false, taskDurationMs: 100 });
  for (let vmid = 100; vmid < 124; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g?.type === 'qemu' && g.status === 'stopped') stopped.push({ vmid, node: g.node });
  }
  expect(stopped.length).toBeGreaterThanOrEqual(2);
  app = await startApp();
  await tid('nav-clusters').click();
  await addProfile(page(), {
    name: 'Root',
    host: `127.0.0.1:${sim.port}`,
    user: { username: 'root', realm: 'pam' },
    secret: DEFAULT_ROOT_PASSWORD,
  });
  await card(page(), 'Root').getByTestId('connect').click();
  await card(page(), 'Root').getByTestId('trust').click();
  // a successful Connect opens the inventory; the card's summary is on the Clusters screen
  await backFromInventory(page());
  await card(page(), 'Root').getByTestId('connection-summary').waitFor();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('views follow what a plan changed', () => {
  it('config change: config view and form show the new value within 5 s, a second review says no changes', async () => {
    const g = stopped[0]!;
    sim.cluster.control.setGuestConfig(g.vmid, 'memory', 1024);
    await openGuest(page(), g.vmid);
    await tid('guest-tab-config').click();
    await expect
      .poll(async () => (await tid('guest-config').textContent()) ?? '')
      .toMatch(/memory\s*1 GiB \(1024 MiB\)/);
    await tid('guest-action-edit').click();
    await tid('config-field-memory').fill('2048');
    await tid('config-plan').click();
    await confirm();
    const doneAt = Date.now();
    await expect
      .poll(async () => (await tid('guest-config').textContent()) ?? '', { timeout: 5_000, interval: 100 })
      .toMatch(/memory\s*2 GiB \(2048 MiB\)/);
    await expect.poll(() => tid('config-field-memory').inputValue(), { timeout: 5_000 }).toBe('2048');
    expect(Date.now() - doneAt).toBeLessThan(5_000);
    // the form starts over from the new state: nothing to review, and that is said as a normal state
    expect(await tid('config-plan').isDisabled()).toBe(true);
    await tid('config-no-changes').waitFor();
    // typing the value it already has is still no change
    await tid('config-field-memory').fill('2048');
    expect(await tid('config-plan').isDisabled()).toBe(true);
    expect(await errorToasts().count()).toBe(0);
  });

  it('migrate: no error afterwards and the guest view shows the new node', async () => {
    const g = stopped[1]!;
    const target = g.node === 'pve1' ? 'pve2' : 'pve1';
    await openGuest(page(), g.vmid);
    await tid('guest-tab-ha-migrate').click();
    await tid('migrate-target').selectOption(target);
    await tid('migrate-submit').click();
    await confirm();
    expect(sim.cluster.guestStatus?.(g.vmid)?.node).toBe(target);
    await tid('guest-tab-summary').click();
    await expect
      .poll(async () => (await tid('guest-view').textContent()) ?? '', { timeout: 5_000 })
      .toContain(`Node${target}`);
    await tid('guest-tab-ha-migrate').click();
    await tid('migrate-form').waitFor();
    // every read after the run went to the new node: none against the old one failed
    const failedOld = sim.requestLog.filter(
      (r) => r.path.startsWith(`/nodes/${g.node}/qemu/${g.vmid}`) && r.status >= 400,
    );
    expect(failedOld).toEqual([]);
    expect(await errorToasts().count()).toBe(0);
  });
});

describe('live cadence follows the visibility of any page', () => {
  it('after a reload the inventory polls at the visible interval again within one interval', async () => {
    await tid('nav-inventory').click();
    if ((await tid('back').count()) > 0) await tid('back').click();
    await tid('grid-filter').waitFor();
    await page().reload();
    await tid('nav-inventory').click();
    await tid('grid-filter').waitFor();
    const from = Date.now();
    const times = await waitForGap(from, 3);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // the hidden interval is 15 s; a visible 3 s one plus a slow poll on a loaded machine stays far below it
    expect(Math.max(...gaps)).toBeLessThan(8_000);
  }, 60_000);

  it('a second page closing leaves the first at the visible interval; a simulator change shows within 2 intervals', async () => {
    const second = await app.context.newPage();
    await second.goto(app.url);
    await second.getByTestId('nav-inventory').click();
    await second.getByTestId('grid-filter').waitFor();
    await second.close();
    const from = Date.now();
    const times = await waitForGap(from, 3);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // the hidden interval is 15 s; a visible 3 s one plus a slow poll on a loaded machine stays far below it
    expect(Math.max(...gaps)).toBeLessThan(8_000);
    const g = stopped.find((s) => sim.cluster.guestStatus?.(s.vmid)?.status === 'stopped') ?? stopped[0]!;
    await tid('grid-filter').fill(String(g.vmid));
    sim.cluster.control.setGuestStatus(g.vmid, 'running');
    const changedAt = Date.now();
    const status = page().locator(`[data-testid=guest-row][data-vmid="${g.vmid}"]`).first();
    await expect
      .poll(async () => (await status.textContent()) ?? '', { timeout: 6_000, interval: 100 })
      .toContain('running');
    expect(Date.now() - changedAt).toBeLessThan(6_000);
  }, 60_000);
});
