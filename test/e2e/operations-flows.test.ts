// e2e: operations through the confirm-diff dialog in Chromium — back up a VM and see it listed, restore it to a new vmid,
// verify a restore ("pass"), a failing backup with PVE's task error, HA add + state + migrate, clone a template with
// cloud-init fields, create a container, and pre-flight refusals (memory, vmid taken, storage full).
import { backFromInventory } from './harness/connect-ui.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { addProfile, card } from './connect-support.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let vm: { vmid: number; node: string };
const page = (): Page => app.page;
const dialog = () => page().getByTestId('confirm-diff-dialog');
const tid = (id: string) => page().getByTestId(id);

async function openGuest(vmid: number, tab: string): Promise<void> {
  await tid('nav-inventory').click();
  if ((await tid('back').count()) > 0) await tid('back').click();
  // the grid is virtualised: filter it so the row is rendered
  await tid('grid-filter').fill(String(vmid));
  await page().locator(`[data-testid=guest-row][data-vmid="${vmid}"]`).first().click();
  await tid('guest-view').waitFor();
  await tid(`guest-tab-${tab}`).click();
}

/** Confirms the open dialog (typing the word when asked) and waits for the run's end state. */
async function confirm(expected: 'succeeded' | 'failed' = 'succeeded', typed?: string): Promise<void> {
  await dialog().waitFor();
  if (typed !== undefined) await dialog().getByTestId('plan-confirm-text').fill(typed);
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 60_000 })
    .toBe(expected);
}
const close = (): Promise<void> => dialog().getByTestId('plan-close').click();
const backupRows = () => page().getByTestId('backup-row');

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 24, seed: 5, controlPort: false, taskDurationMs: 100 });
  for (let vmid = 100; vmid < 124 && !vm; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g?.type === 'qemu' && g.status === 'running' && vmid !== 101) vm = { vmid, node: g.node };
  }
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
  await backFromInventory(page());
  await card(page(), 'Root').getByTestId('connection-summary').waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('backups', () => {
  it('backs up a VM through the dialog and sees it listed; restores it to a new vmid; verifies a restore: pass', async () => {
    await openGuest(vm.vmid, 'backups');
    await tid('backup-list').or(tid('backups-empty')).waitFor();
    const before = await backupRows().count();
    await tid('backup-now').click();
    await tid('backup-storage').selectOption('local');
    await tid('backup-notes').fill('e2e backup');
    await tid('backup-submit').click();
    await dialog().waitFor();
    expect((await dialog().getByTestId('plan-pvesh').allTextContents()).join('\n')).toContain(
      `pvesh create /nodes/${vm.node}/vzdump --vmid ${vm.vmid} --storage local`,
    );
    await confirm();
    await close();
    await expect.poll(() => backupRows().count()).toBe(before + 1);
    const row = backupRows().filter({ hasText: 'e2e backup' });
    await expect.poll(() => row.count()).toBe(1);

    const nextId = await fetchNextId();
    await row.getByTestId('backup-restore').click();
    await tid('restore-submit').click();
    await dialog().waitFor();
    expect((await dialog().getByTestId('plan-diff-text').allTextContents()).join('\n')).toContain(
      `new VM ${nextId}`,
    );
    await confirm();
    await close();
    expect(sim.cluster.guestStatus?.(nextId)?.type).toBe('qemu');

    await row.getByTestId('backup-verify').click();
    await confirm();
    await close();
    await expect
      .poll(() => tid('verify-result').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('pass');
    expect(await tid('verify-result').textContent()).toMatch(/removed/);
  }, 120_000);

  it("a failing backup shows the task error and PVE's log line", async () => {
    await openGuest(vm.vmid, 'backups');
    sim.cluster.control.failNextTask('vzdump', 'no space left on device');
    await tid('backup-now').click();
    await tid('backup-submit').click();
    await confirm('failed');
    const log = (await dialog().getByTestId('plan-task-log').allTextContents()).join('\n');
    expect(log).toContain(`ERROR: Backup of VM ${vm.vmid} failed - no space left on device`);
    expect(log).toContain('TASK ERROR: job errors');
    await close();
  }, 60_000);
});

async function fetchNextId(): Promise<number> {
  for (let id = 100; ; id++) if (!sim.cluster.guestStatus?.(id) && id !== 9000 && id !== 9001) return id;
}

describe('HA and migrate', () => {
  it('adds a VM to HA, sees its state, and migrates it through HA', async () => {
    await openGuest(vm.vmid, 'ha-migrate');
    await tid('ha-add').click();
    await confirm();
    await close();
    await expect.poll(() => tid('guest-ha-current').textContent()).toBe('started');
    expect(await tid('guest-ha-requested').textContent()).toBe('started');
    const target = vm.node === 'pve1' ? 'pve2' : 'pve1';
    await tid('migrate-target').selectOption(target);
    await tid('migrate-submit').click();
    await dialog().waitFor();
    expect((await dialog().getByTestId('plan-warnings').textContent()) ?? '').toMatch(/HA-managed/);
    await confirm();
    await close();
    expect(sim.cluster.guestStatus?.(vm.vmid)?.node).toBe(target);
    await expect.poll(() => tid('guest-ha-node').textContent()).toBe(target);
  }, 60_000);
});

describe('provisioning', () => {
  it('clones the cloud-init template with user, keys and ipconfig0', async () => {
    await openGuest(9000, 'clone');
    await tid('clone-cloudinit').waitFor();
    const newid = await fetchNextId();
    await tid('clone-name').fill('ci-clone');
    await tid('clone-ciuser').fill('ops');
    await tid('clone-sshkeys').fill('ssh-ed25519 AAAAC3Nza e2e@test');
    await tid('clone-ipconfig0').fill('ip=10.1.2.3/24,gw=10.1.2.1');
    await tid('clone-submit').click();
    await dialog().waitFor();
    const diff = (await dialog().getByTestId('plan-diff-text').allTextContents()).join('\n');
    expect(diff).toContain('ciuser: (none) → ops');
    expect(diff).toContain('ipconfig0: (none) → ip=10.1.2.3/24,gw=10.1.2.1');
    await confirm();
    await close();
    expect(sim.cluster.guestStatus?.(newid)?.type).toBe('qemu');
  }, 60_000);

  it('creates a container, and refuses out-of-memory, a taken vmid and a full storage with the reason', async () => {
    await tid('nav-create').click();
    await tid('create-form').waitFor();
    const refused = async (field: string, value: string, reason: RegExp): Promise<void> => {
      await tid(field).fill(value);
      await tid('create-submit').click();
      await expect
        .poll(async () => (await tid('toast-message').allTextContents()).join('\n'))
        .toMatch(reason);
      expect(await dialog().count()).toBe(0);
      // earlier refusals stay on screen until dismissed; each reason asserted here is distinct from the others
    };
    await tid('create-name').fill('e2e-ct');
    await refused('create-memory', '4000000', /has .* GiB of memory free/);
    await tid('create-memory').fill('512');
    await refused('create-vmid', '100', /VM id 100 is already taken/);
    await tid('create-vmid').fill('');
    await refused('create-disk', '100000', /storage 'local-lvm' on .* GiB free/);
    await tid('create-disk').fill('8');
    const newid = await fetchNextId();
    expect(await tid('toast-message').count()).toBe(3);
    await tid('create-submit').click();
    await dialog().waitFor();
    // once a plan is built the refusals no longer apply: they close (the notification centre keeps them)
    await expect.poll(() => tid('toast-message').count()).toBe(0);
    await confirm();
    await close();
    expect(sim.cluster.guestStatus?.(newid)).toMatchObject({ type: 'lxc' });
  }, 60_000);
});
