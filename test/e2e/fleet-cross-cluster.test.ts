// e2e (Chromium vs two simulators): a guest moves from one cluster to the other through remote_migrate; the plan
// shows the storage/bridge mapping and the API token it sends (never its secret), and needs the typed confirm.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import {
  MIGRATE_SECRET,
  MIGRATE_TOKEN,
  migrateTokenCfg,
  migrateUserCfg,
} from '../pve-sim/fleet/migrate-token.js';
import { addProfile } from './connect-support.js';
import { confirmPlan, shot } from './fleet-support.js';
import { connectThroughUi, connectTrusting } from './harness/connect-ui.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let source: RunningSim;
let target: RunningSim;
let app: StartedApp;
const page = (): Page => app.page;

beforeAll(async () => {
  source = await startSimulator({ nodes: 2, guests: 12, seed: 41, controlPort: false, taskDurationMs: 100 });
  // the target numbers its two guests 100 and 101: the source's guests from 102 keep their id there
  target = await startSimulator({
    nodes: 2,
    guests: 2,
    seed: 42,
    controlPort: false,
    taskDurationMs: 100,
    userCfg: migrateUserCfg(),
    tokenCfg: migrateTokenCfg(),
  });
  app = await startApp();
  await connectThroughUi(page(), source, 'Main site', {
    username: 'root',
    realm: 'pam',
    password: DEFAULT_ROOT_PASSWORD,
  });
  await addProfile(page(), {
    name: 'DR site',
    host: `127.0.0.1:${target.port}`,
    tokenId: MIGRATE_TOKEN,
    secret: MIGRATE_SECRET,
  });
  await connectTrusting(page(), 'DR site');
}, 180_000);
afterAll(async () => {
  await app?.close();
  await Promise.all([source?.close(), target?.close()]);
});

describe('cross-cluster migrate', () => {
  it('moves a VM to the other simulator; the plan shows the mapping and the token sent', async () => {
    const vmid = Array.from({ length: 10 }, (_v, i) => 102 + i).find(
      (v) => source.cluster.guestStatus?.(v)?.type === 'qemu',
    )!;
    await openGuest(page(), vmid);
    await page().getByTestId('guest-tab-remote-migrate').click();
    await page().getByTestId('remote-bridge-vmbr0').selectOption('vmbr1');
    await page().getByTestId('remote-plan').click();
    const dialog = page().getByTestId('confirm-diff-dialog');
    await dialog.waitFor();
    const diff = (await dialog.getByTestId('plan-diff-text').allTextContents()).join('\n');
    expect(diff).toContain('bridge vmbr0: vmbr0 → vmbr1');
    expect(diff).toContain('storage local-lvm: local-lvm → local-lvm');
    const warnings = (await dialog.getByTestId('plan-warnings').textContent()) ?? '';
    expect(warnings).toContain(`The secret of API token ${MIGRATE_TOKEN}`);
    const pvesh = (await dialog.getByTestId('plan-pvesh').allTextContents()).join('\n');
    expect(pvesh).toContain(`PVEAPIToken=${MIGRATE_TOKEN}=<secret from the keychain>`);
    expect(await page().content()).not.toContain(MIGRATE_SECRET);
    await shot(page(), 'cross-cluster-migrate');
    const word = (await dialog.locator('.cdd-typed code').textContent()) ?? '';
    await confirmPlan(page(), word, 30_000);
    expect(target.cluster.guestStatus?.(vmid)).toMatchObject({ type: 'qemu' });
    expect(source.cluster.guestStatus?.(vmid)).toMatchObject({ status: 'stopped' });
    // the secret went renderer → main once, when the profile was saved; main never sends it back
    expect(app.frames.some((f) => f.direction === 'received' && f.payload.includes(MIGRATE_SECRET))).toBe(
      false,
    );
  });
});
