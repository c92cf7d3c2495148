// e2e (issue 21, part 1): the coverage view lists a guest no backup job covers and a guest whose last backup failed;
// "verify latest backups" on two guests runs both verifications in a row in one confirmed plan, and the view then
// shows both newest archives as verified.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { login } from '../integration/pve-sim/core-client.js';
import { rootApi } from '../integration/pve-sim/root-api.js';
import { seriousA11yProblems } from './harness/axe.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp | undefined;
let configDir: string;
const page = (): Page => app!.page;
const tid = (id: string) => page().getByTestId(id);
/** a Mantine chip is a visually hidden checkbox: people click its label */
async function chip(id: string): Promise<void> {
  const input = await tid(id).getAttribute('id');
  await page()
    .locator(`label[for="${input ?? ''}"]`)
    .click();
}
const row = (vmid: number) => tid('coverage-row').and(page().locator(`[data-vmid="${vmid}"]`));
/** guests of the seeded cluster: the first three have nightly archives on nfs-backup */
let uncovered = 0;
let failing = 0;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 1, guests: 6, seed: 8, controlPort: false, taskDurationMs: 100 });
  const root = rootApi(() => ({ sim, root: session }));
  const session = await login(sim);
  // the seeded job covers all guests: exclude the last one
  uncovered = 105;
  await root.ok('PUT', '/cluster/backup/backup-nightly', { exclude: String(uncovered) });
  // a backup of the third guest that fails (the simulator's injected task failure)
  failing = 102;
  sim.cluster.control.failNextTask('vzdump', 'unable to create temporary directory');
  const node = sim.cluster.guestStatus?.(failing)?.node ?? 'pve1';
  const upid = await root.ok('POST', `/nodes/${node}/vzdump`, { vmid: String(failing), storage: 'local' });
  expect((await root.waitTask(upid))['exitstatus']).toBe('job errors');
  configDir = await mkdtemp(path.join(tmpdir(), 'proxdeck-coverage-'));
  app = await startApp({ configDir });
  await connectThroughUi(page(), sim, 'Root', {
    username: 'root',
    realm: 'pam',
    password: DEFAULT_ROOT_PASSWORD,
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

describe('backup coverage', () => {
  it('lists a guest no job covers and a guest whose last backup failed', async () => {
    await tid('nav-coverage').click();
    await tid('coverage-table').waitFor();
    expect(await seriousA11yProblems(page(), '[data-testid="coverage-view"]')).toEqual([]);
    expect(await row(uncovered).getByTestId('coverage-job').getAttribute('data-covered')).toBe('false');
    expect(await row(uncovered).getByTestId('coverage-job').textContent()).toContain('not in any job');
    expect(await row(failing).getByTestId('coverage-last').getAttribute('data-failed')).toBe('true');
    expect(await row(failing).getByTestId('coverage-last').textContent()).toContain('failed: job errors');
    // the others are covered and did not fail
    expect(await row(100).getByTestId('coverage-job').getAttribute('data-covered')).toBe('true');
    expect(await row(100).getByTestId('coverage-last').getAttribute('data-failed')).toBe('false');
    // the filter for failed backups leaves exactly that guest
    await chip('coverage-filter-failed');
    await expect.poll(() => tid('coverage-row').count()).toBe(1);
    expect(await tid('coverage-row').getAttribute('data-vmid')).toBe(String(failing));
    await chip('coverage-filter-failed');
    await expect.poll(() => tid('coverage-row').count()).toBeGreaterThan(1);
  }, 60_000);

  it('"verify latest" runs two verifications in a row and the view shows both verified', async () => {
    for (const vmid of [100, 101]) {
      expect(await row(vmid).getByTestId('coverage-verified').getAttribute('data-state')).toBe('never');
      await row(vmid).getByTestId('coverage-select').check();
    }
    await tid('verify-latest').click();
    const dialog = tid('confirm-diff-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Verify the latest backups of 2 guests');
    await dialog.getByTestId('plan-confirm').click();
    await expect
      .poll(() => dialog.getByTestId('plan-end').getAttribute('data-state'), { timeout: 90_000 })
      .toBe('succeeded');
    await dialog.getByTestId('plan-close').click();
    await expect.poll(() => tid('verify-report').getAttribute('data-done'), { timeout: 10_000 }).toBe('2');
    expect(
      await tid('verify-report-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))),
    ).toEqual(['pass', 'pass']);
    for (const vmid of [100, 101]) {
      await expect
        .poll(() => row(vmid).getByTestId('coverage-verified').getAttribute('data-state'), {
          timeout: 10_000,
        })
        .toBe('pass');
      expect(await row(vmid).getByTestId('coverage-verified').textContent()).toMatch(/^verified/);
    }
    expect(await seriousA11yProblems(page(), '[data-testid="coverage-view"]')).toEqual([]);
    expect(app!.pageErrors).toEqual([]);
  }, 150_000);
});
