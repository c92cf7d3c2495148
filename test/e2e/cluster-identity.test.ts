// e2e: root and a read-only auditor connected to the same simulated cluster are ONE cluster — every guest shows once,
// from root (more privileges), the Cluster column shows the PVE cluster name, and bulk actions are not blocked by
// the auditor's missing privileges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { simGet } from './connect-support.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const AUDITOR = 'auditor@pve!ro';
let sim: RunningSim;
let app: StartedApp;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 6, seed: 5, controlPort: false });
  app = await startApp();
  await connectThroughUi(app.page, sim, 'Root', {
    username: 'root',
    realm: 'pam',
    password: DEFAULT_ROOT_PASSWORD,
  });
  await connectThroughUi(app.page, sim, 'Auditor', AUDITOR, { readOnly: true });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('two profiles of one cluster', () => {
  it('shows each guest once with the cluster name in the Cluster column', async () => {
    const page = app.page;
    await page.getByTestId('nav-inventory').click();
    const rows = page.getByTestId('guest-row');
    const listed = (await simGet(
      sim,
      '/cluster/resources?type=vm',
      AUDITOR,
      DEMO_TOKENS[AUDITOR]!,
    )) as unknown[];
    const expected = listed.length;
    expect(expected).toBeGreaterThan(1);
    // The Cluster column shows by itself once both profiles' snapshots are in.
    await page.locator('[data-testid=guest-row] [data-col=cluster]').first().waitFor();
    await rows.nth(expected - 1).waitFor();
    const vmids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-vmid')));
    expect(vmids).toHaveLength(expected);
    expect(new Set(vmids).size).toBe(expected);
    const keys = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
    const owners = new Set(keys.map((k) => k.split('|')[0]));
    expect(owners.size).toBe(1);
    const labels = await page.locator('[data-testid=guest-row] [data-col=cluster]').allTextContents();
    expect(new Set(labels)).toEqual(new Set([sim.cluster.name]));
  });

  it('offers bulk power actions for a multi-selection (run with the root profile)', async () => {
    const page = app.page;
    const boxes = page.locator('[data-testid=guest-row] input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByTestId('bulk-power').waitFor();
    expect(await page.getByTestId('bulk-power').count()).toBe(1);
    // the permission check answers asynchronously: the buttons enable once it did
    await expect
      .poll(() => page.locator('[data-testid=bulk-power] button:not([disabled])').count(), { timeout: 5_000 })
      .toBeGreaterThan(0);
    expect(app.pageErrors).toEqual([]);
  });
});
