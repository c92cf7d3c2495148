// e2e: a restore verification marks its archive "verified" in the backup list right after the verify plan, and the
// mark survives an app restart (a new web host on the same config dir reads the persisted results).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { card } from './connect-support.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp | undefined;
let configDir: string;
let vmid = 0;
const page = (): Page => app!.page;
const tid = (id: string) => page().getByTestId(id);
const dialog = () => tid('confirm-diff-dialog');

async function confirmAndClose(): Promise<void> {
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 60_000 })
    .toBe('succeeded');
  await dialog().getByTestId('plan-close').click();
}

async function backupsOf(id: number): Promise<void> {
  await openGuest(page(), id);
  await tid('guest-tab-backups').click();
  await tid('backup-list').or(tid('backups-empty')).waitFor();
}

const verifiedCell = () => tid('backup-row').filter({ hasText: 'to verify' }).getByTestId('backup-verified');

beforeAll(async () => {
  sim = await startSimulator({ nodes: 1, guests: 6, seed: 8, controlPort: false, taskDurationMs: 100 });
  for (let id = 100; id < 106 && !vmid; id++) if (sim.cluster.guestStatus?.(id)?.type === 'qemu') vmid = id;
  configDir = await mkdtemp(path.join(tmpdir(), 'proxdeck-verified-'));
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
  await rm(configDir, { recursive: true, force: true });
});

describe('verified archives', () => {
  it('shows an archive as verified after the verify plan', async () => {
    await backupsOf(vmid);
    await tid('backup-now').click();
    await tid('backup-storage').selectOption('local');
    await tid('backup-notes').fill('to verify');
    await tid('backup-submit').click();
    await confirmAndClose();
    await expect.poll(() => verifiedCell().count()).toBe(1);
    expect(await verifiedCell().getAttribute('data-state')).toBeNull();
    await tid('backup-row').filter({ hasText: 'to verify' }).getByTestId('backup-verify').click();
    await confirmAndClose();
    await expect.poll(() => verifiedCell().getAttribute('data-state'), { timeout: 10_000 }).toBe('pass');
    expect(await verifiedCell().textContent()).toMatch(/^verified ✓/);
  }, 120_000);

  it('still shows it as verified after an app restart', async () => {
    await app!.close();
    app = undefined;
    app = await startApp({ configDir });
    await tid('nav-clusters').click();
    await card(page(), 'Root').getByTestId('connect').click();
    await tid('view-inventory').waitFor();
    await backupsOf(vmid);
    await expect.poll(() => verifiedCell().getAttribute('data-state'), { timeout: 10_000 }).toBe('pass');
    expect(app.pageErrors).toEqual([]);
  }, 60_000);
});
