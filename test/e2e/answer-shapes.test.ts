// e2e: real-world PVE answer shapes in Chromium (simulator with `quirks`): a container with raw lxc lines (shown
// read-only, kept through a config edit, backup plan works), a guest locked by another client's backup (lock and
// reason shown, actions disabled, cleared when the task ends), and PBS backups (verification state, restore, verify).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVzdump } from '../../src-main/pve/api/backups.js';
import { ticketAuth } from '../../src-main/pve/auth.js';
import { PveClient } from '../../src-main/pve/client.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { RAW_LXC_LINES } from '../pve-sim/version/quirks.js';
import { addProfile, card } from './connect-support.js';
import { backFromInventory } from './harness/connect-ui.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let rawCt: number;
const page = (): Page => app.page;
const tid = (id: string) => page().getByTestId(id);
const dialog = () => tid('confirm-diff-dialog');

async function confirm(): Promise<void> {
  await dialog().waitFor();
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 60_000 })
    .toBe('succeeded');
  await dialog().getByTestId('plan-close').click();
}

async function openTab(vmid: number, tab: string): Promise<void> {
  await openGuest(page(), vmid);
  await tid(`guest-tab-${tab}`).click();
}

beforeAll(async () => {
  sim = await startSimulator({
    nodes: 2,
    guests: 24,
    seed: 7,
    controlPort: false,
    taskDurationMs: 100,
    quirks: true,
  });
  for (let vmid = 100; vmid < 124 && rawCt === undefined; vmid++)
    if (sim.cluster.guestStatus?.(vmid)?.type === 'lxc') rawCt = vmid;
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
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

const rawRows = async (): Promise<string[]> =>
  (await tid('guest-config-raw').allTextContents()).map((t) => t.replace(/\s*\(?read-only\)?$/, ''));
const expectedRaw = RAW_LXC_LINES.map(([k, v]) => `${k}${v}`);

describe('container with raw lxc lines', () => {
  it('shows them read-only, keeps them through an edit of another key, and plans a backup', async () => {
    await openTab(rawCt, 'config');
    await expect.poll(rawRows).toEqual(expectedRaw);

    await tid('guest-action-edit').click();
    await tid('config-field-description').fill('passthrough CT');
    await tid('config-plan').click();
    await confirm();
    await openTab(rawCt, 'config');
    await expect
      .poll(async () => (await tid('guest-config').textContent()) ?? '')
      .toContain('passthrough CT');
    expect(await rawRows()).toEqual(expectedRaw);

    await tid(`guest-tab-backups`).click();
    await tid('backup-list').or(tid('backups-empty')).waitFor();
    await tid('backup-now').click();
    await tid('backup-storage').selectOption('local');
    await tid('backup-submit').click();
    await confirm();
  }, 120_000);
});

describe('a locked guest', () => {
  it('shows the lock, disables the actions it blocks with the reason, and clears when the task ends', async () => {
    const g = sim.cluster.guestStatus!(rawCt)!;
    const c = new PveClient({
      host: '127.0.0.1',
      port: sim.port,
      auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD }),
      trust: { pin: sim.fingerprint },
    });
    try {
      sim.cluster.control.setTaskDurationMs(8000);
      // another client (PVE's GUI, a backup job) starts a backup
      await runVzdump(c, g.node, { vmid: String(rawCt), storage: 'local', mode: 'snapshot' });
      await openGuest(page(), rawCt);
      await expect
        .poll(() => tid('guest-lock-reason').textContent(), { timeout: 15_000 })
        .toBe('locked: backup');
      const action = g.status === 'running' ? 'guest-action-shutdown' : 'guest-action-start';
      expect(await tid(action).isDisabled()).toBe(true);
      expect(await tid('guest-action-edit').isDisabled()).toBe(true);
      expect(await tid('guest-action-edit').getAttribute('title')).toBe('locked: backup');
      await expect.poll(() => tid('guest-lock-reason').count(), { timeout: 30_000 }).toBe(0);
      expect(await tid(action).isDisabled()).toBe(false);
    } finally {
      sim.cluster.control.setTaskDurationMs(100);
      await c.close();
    }
  }, 60_000);
});

describe('PBS backups', () => {
  it('lists them with their verification state, restores one, and verifies a restore', async () => {
    await openTab(100, 'backups');
    const pbsRows = page().locator('[data-testid=backup-row][data-volid^="pbs-store:"]');
    await expect.poll(() => pbsRows.count()).toBe(1);
    expect(await pbsRows.getByTestId('backup-verification').textContent()).toContain('ok');

    let nextId = 100;
    while (sim.cluster.guestStatus?.(nextId) || nextId === 9000 || nextId === 9001) nextId++;
    await pbsRows.getByTestId('backup-restore').click();
    await tid('restore-submit').click();
    await confirm();
    expect(sim.cluster.guestStatus?.(nextId)?.type).toBe('qemu');

    await pbsRows.getByTestId('backup-verify').click();
    await confirm();
    await expect
      .poll(() => tid('verify-result').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('pass');
  }, 120_000);
});

describe('an entry PVE sends in a shape we cannot read', () => {
  it('is skipped, and the inventory says how many were', async () => {
    const inner = sim.registry.get('GET', '/cluster/resources')!;
    sim.registry.add('GET', '/cluster/resources', async (req, ctx) => {
      const a = (await inner(req, ctx)) as { __rawJson?: string } | unknown[];
      const rows = Array.isArray(a) ? a : (JSON.parse(a.__rawJson!) as unknown[]);
      return [...rows, { id: 'qemu/9999', type: 'qemu', vmid: 'not-a-number', node: 'pve1' }];
    });
    await tid('nav-inventory').click();
    if ((await tid('back').count()) > 0) await tid('back').click();
    await expect
      .poll(() => tid('skipped-entries').textContent(), { timeout: 20_000 })
      .toBe('1 entry skipped');
    expect(await page().locator('[data-testid=guest-row]').count()).toBeGreaterThan(0);
  }, 60_000);
});
