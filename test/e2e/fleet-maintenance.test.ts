// e2e (Chromium vs simulator): evacuate respects an HA affinity rule and a RAM limit; a rolling reboot of 3 nodes with
// approvals survives an app restart mid-way without repeating a step; the updates view lists updates per node and
// refreshes the index through a plan.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { card } from './connect-support.js';
import { confirmPlan, shot } from './fleet-support.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let configDir: string;
const page = (): Page => app.page;
const ROOT = { username: 'root', realm: 'pam', password: DEFAULT_ROOT_PASSWORD };
const where = (vmid: number) => sim.cluster.guestStatus?.(vmid);
const runningOn = (node: string): number[] =>
  Array.from({ length: 20 }, (_v, i) => 100 + i).filter(
    (v) => where(v)?.node === node && where(v)?.status === 'running',
  );
const reboots = (node: string): number =>
  sim.requestLog.filter((r) => r.method === 'POST' && r.path === `/nodes/${node}/status`).length;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 12, seed: 31, controlPort: false, taskDurationMs: 100 });
  sim.cluster.control.setRebootDurationMs(1_000);
  // our own config dir: it must outlive the first app for the restart
  configDir = await mkdtemp(path.join(tmpdir(), 'proxdeck-e2e-fleet-'));
  app = await startApp({ configDir });
  await connectThroughUi(page(), sim, 'Lab', ROOT);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await sim?.close();
  await rm(configDir, { recursive: true, force: true });
});

describe('updates', () => {
  it('lists pending updates per node and refreshes the package index through a plan', async () => {
    await page().getByTestId('nav-updates').click();
    const node = (n: string) => page().locator(`[data-testid=updates-node][data-node="${n}"]`);
    await expect.poll(() => node('pve2').getAttribute('data-count'), { timeout: 15_000 }).toBe('4');
    expect(await node('pve1').getAttribute('data-count')).toBe('0');
    await expect.poll(() => page().getByTestId('updates-reboot').count()).toBeGreaterThan(0);
    await shot(page(), 'updates');
    await page().getByTestId('updates-refresh').click();
    const dialog = page().getByTestId('confirm-diff-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('plan-pvesh').allTextContents()).toContain(
      'pvesh create /nodes/pve1/apt/update',
    );
    await confirmPlan(page());
    await expect.poll(() => node('pve1').getAttribute('data-count'), { timeout: 15_000 }).toBe('5');
    expect(
      await page()
        .locator('[data-node="pve1"] ~ [data-testid=updates-package][data-kind=pve-manager]')
        .count(),
    ).toBeGreaterThan(0);
  });
});

describe('evacuate', () => {
  it('moves every running guest off the node, keeps the HA rule, and reports the guest that fits nowhere', async () => {
    // vm:101 is HA-managed in the generated cluster: evacuate its node, with a strict rule allowing one other node
    sim.cluster.control.setGuestStatus(101, 'running');
    const source = where(101)!.node;
    const allowed = ['pve1', 'pve2', 'pve3'].filter((n) => n !== source)[1]!;
    sim.cluster.control.addHaRule({
      rule: 'pin',
      type: 'node-affinity',
      resources: 'vm:101',
      nodes: `${source},${allowed}`,
      strict: 1,
      disable: 0,
    });
    const huge = runningOn(source).find((v) => v !== 101)!;
    sim.cluster.control.setGuestConfig(huge, 'memory', 300 * 1024);
    await page().getByTestId('nav-maintenance').click();
    await page().getByTestId('evacuate-node').selectOption(source);
    await page().getByTestId('evacuate-on-failure').selectOption('continue');
    await page().getByTestId('evacuate-preview').click();
    await page().getByTestId('evacuate-moves').waitFor();
    const cannot = page().locator(`[data-testid=evacuate-cannot][data-vmid="${huge}"]`);
    await expect.poll(() => cannot.textContent()).toMatch(/needs 300\.0 GiB RAM/);
    expect(
      await page().locator('[data-testid=evacuate-move][data-vmid="101"]').getAttribute('data-target'),
    ).toBe(allowed);
    await shot(page(), 'evacuate');
    await page().getByTestId('evacuate-plan').click();
    await page().getByTestId('confirm-diff-dialog').waitFor();
    await confirmPlan(page());
    expect(runningOn(source)).toEqual([huge]);
    expect(where(101)!.node).toBe(allowed);
    sim.cluster.control.setGuestConfig(huge, 'memory', 2048);
  });
});

describe('rolling reboot', () => {
  it('reboots 3 nodes with an approval before each, and resumes after an app restart without repeating a step', async () => {
    const approve = async (node: string): Promise<void> => {
      await page().getByTestId('rolling-next').click();
      await page().getByTestId('confirm-diff-dialog').waitFor();
      await confirmPlan(page(), node, 60_000);
    };
    const phase = (node: string) =>
      page().locator(`[data-testid=rolling-node][data-node="${node}"]`).getAttribute('data-phase');
    await page().getByTestId('nav-maintenance').click();
    await page().getByTestId('rolling-start').click();
    await page().getByTestId('rolling-nodes').waitFor();
    await approve('pve1');
    await expect.poll(() => phase('pve1'), { timeout: 15_000 }).toBe('done');
    expect(await phase('pve2')).toBe('pending');
    expect(reboots('pve2')).toBe(0);
    await shot(page(), 'rolling-reboot');

    // approve pve2, and restart the app while it reboots
    await page().getByTestId('rolling-next').click();
    const dialog = page().getByTestId('confirm-diff-dialog');
    await dialog.getByTestId('plan-confirm-text').fill('pve2');
    await dialog.getByTestId('plan-confirm').click();
    await expect.poll(() => reboots('pve2'), { timeout: 60_000 }).toBe(1);
    await app.close();
    app = await startApp({ configDir });
    // connecting from the Clusters screen; the app then shows the inventory (or the card's summary)
    const lab = card(page(), 'Lab');
    await lab.getByTestId('connect').click();
    await page()
      .getByTestId('node-card')
      .first()
      .or(lab.getByTestId('connection-summary'))
      .first()
      .waitFor({ timeout: 60_000 });
    await page().getByTestId('nav-maintenance').click();
    await expect.poll(() => phase('pve2'), { timeout: 15_000 }).toMatch(/rebooting|online|evacuated/);
    expect(await page().getByTestId('rolling-next').textContent()).toMatch(/Resume pve2/);
    await approve('pve2');
    await approve('pve3');
    await page().getByTestId('rolling-finished').waitFor();
    for (const n of ['pve1', 'pve2', 'pve3']) expect(reboots(n), n).toBe(1);
  }, 400_000);
});
