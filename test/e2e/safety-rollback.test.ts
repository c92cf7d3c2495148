// e2e: undoable rollback and snapshot policies in Chromium. Rollback with the safety snapshot on takes it first (with
// RAM), asks one confirm (no typed name), and "Undo rollback" brings back the pre-rollback config and running state;
// a snapshot policy saved through its plan keeps exactly N snapshots after more than N runs ("Run policy now").
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
const page = (): Page => app.page;
const dialog = () => page().getByTestId('confirm-diff-dialog');
const status = (vmid: number): string | undefined => sim.cluster.guestStatus?.(vmid)?.status;

function firstGuest(type: 'qemu' | 'lxc', power: 'running' | 'stopped', skip: number[] = []): number {
  for (let vmid = 100; vmid < 130; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g?.type === type && g.status === power && !skip.includes(vmid)) return vmid;
  }
  throw new Error(`no ${power} ${type} in the simulator`);
}

/** One confirm: the dialog must not ask for typed text. */
async function confirmOnce(): Promise<void> {
  await dialog().waitFor();
  expect(await dialog().getByTestId('plan-confirm-text').count()).toBe(0);
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('succeeded');
  await dialog().getByTestId('plan-close').click();
  await dialog().waitFor({ state: 'detached' });
}

async function configText(): Promise<string> {
  await page().getByTestId('guest-tab-config').click();
  return (await page().getByTestId('guest-config').textContent()) ?? '';
}

const rowsNamed = (prefix: string) => page().locator(`[data-testid=snapshot-row][data-name^="${prefix}"]`);

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 30, seed: 21, controlPort: false, taskDurationMs: 100 });
  app = await startApp();
  await connectThroughUi(page(), sim, 'Ops', 'ops@pve!ops', { readOnly: false });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('undoable rollback', () => {
  it('takes a RAM safety snapshot with one confirm, and undo restores the config and the running state', async () => {
    const vmid = firstGuest('qemu', 'running');
    await openGuest(page(), vmid);
    await page().getByTestId('guest-tab-snapshots').click();
    await page().getByTestId('snapshot-one-click').click();
    await confirmOnce();
    await expect.poll(() => page().getByTestId('snapshot-row').count()).toBe(2);

    const mark = 'changed-after-the-snapshot';
    sim.cluster.control.setGuestConfig(vmid, 'description', mark);
    await page().getByTestId('rollback-safety-ram').check();
    await page().getByTestId('snapshot-rollback-latest').click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('plan-pvesh').first().textContent()).toMatch(
      /snapshot --snapname proxdeck-before-rollback-\d{8}-\d{6} .*--vmstate 1/,
    );
    await confirmOnce();
    expect(status(vmid)).toBe('stopped');
    await expect.poll(configText).not.toContain(mark);

    await page().getByTestId('guest-tab-snapshots').click();
    await expect.poll(() => page().getByTestId('safety-snapshot').count()).toBe(1);
    await page().getByTestId('snapshot-undo-rollback').click();
    await confirmOnce();
    expect(status(vmid)).toBe('running');
    await expect.poll(configText).toContain(mark);
  });
});

describe('snapshot policy', () => {
  it('says it only runs while Proxdeck is open, and keeps exactly N snapshots after more than N runs', async () => {
    const vmid = firstGuest('qemu', 'stopped');
    await openGuest(page(), vmid);
    await page().getByTestId('guest-tab-snapshots').click();
    expect(await page().getByTestId('policy-open-only').textContent()).toContain(
      'only while Proxdeck is open',
    );
    await page().getByTestId('policy-frequency').click();
    await page().getByRole('option', { name: 'Hour', exact: true }).click();
    await page().getByTestId('policy-keep').fill('2');
    await page().getByTestId('policy-save').click();
    await dialog().waitFor();
    expect(await dialog().textContent()).toContain('Save snapshot policy: keep the last 2 hourly snapshots');
    await confirmOnce();
    const auto = rowsNamed('proxdeck-auto-hourly-');
    await expect.poll(() => auto.count()).toBe(1);
    await expect.poll(() => page().getByTestId('policy-row').count()).toBe(1);

    const row = page().getByTestId('policy-row');
    for (const expected of [2, 2, 2]) {
      const before = await row.getAttribute('data-last-run');
      await page().getByTestId('policy-run-now').click();
      await expect.poll(() => row.getAttribute('data-last-run'), { timeout: 15_000 }).not.toBe(before);
      await expect.poll(() => auto.count()).toBe(expected);
    }
    const names = await auto.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    expect(new Set(names).size).toBe(2);
  });
});
