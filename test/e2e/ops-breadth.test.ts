// e2e for operations breadth part 1 in Chromium: guest-agent audit through the confirm-diff dialog with the simulator's
// output, a VM without agent, ISO upload with progress then delete, task log follow, node services, and disabled
// actions with their reason for a token without the privileges.
import { backFromInventory } from './harness/connect-ui.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { addProfile, card } from './connect-support.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let vm: { vmid: number; node: string };
let bare: { vmid: number; node: string };
const page = (): Page => app.page;
const dialog = () => page().getByTestId('confirm-diff-dialog');

async function connect(
  a: StartedApp,
  name: string,
  how: { tokenId: string } | { root: true },
): Promise<void> {
  const p = a.page;
  await p.getByTestId('nav-clusters').click();
  const host = `127.0.0.1:${sim.port}`;
  if ('root' in how)
    await addProfile(p, {
      name,
      host,
      user: { username: 'root', realm: 'pam' },
      secret: DEFAULT_ROOT_PASSWORD,
    });
  else await addProfile(p, { name, host, tokenId: how.tokenId, secret: DEMO_TOKENS[how.tokenId]! });
  await card(p, name).getByTestId('connect').click();
  await card(p, name).getByTestId('trust').click();
  await backFromInventory(p);
  await card(p, name).getByTestId('connection-summary').waitFor();
}

async function openGuest(p: Page, vmid: number): Promise<void> {
  await p.getByTestId('nav-inventory').click();
  if ((await p.getByTestId('back').count()) > 0) await p.getByTestId('back').click();
  await p.locator(`[data-testid=guest-row][data-vmid="${vmid}"]`).first().click();
  await p.getByTestId('guest-tab-agent').click();
}

async function confirmAndFinish(typed?: string): Promise<void> {
  if (typed !== undefined) await dialog().getByTestId('plan-confirm-text').fill(typed);
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 20_000 })
    .toBe('succeeded');
  await dialog().getByTestId('plan-close').click();
}

async function chooseNode(p: Page, node: string): Promise<void> {
  await expect.poll(() => p.getByTestId('node-choice').locator('option').allTextContents()).toContain(node);
  await p.getByTestId('node-choice').selectOption(node);
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 24, seed: 7, controlPort: false, taskDurationMs: 100 });
  const running: Array<{ vmid: number; node: string }> = [];
  for (let vmid = 100; vmid < 124; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g?.type === 'qemu' && g.status === 'running') running.push({ vmid, node: g.node });
  }
  [vm, bare] = [running[0]!, running[1]!];
  sim.cluster.control.setGuestConfig(vm.vmid, 'agent', '1');
  sim.cluster.control.setGuestConfig(bare.vmid, 'agent', undefined);
  app = await startApp();
  await connect(app, 'Root', { root: true });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('guest agent', () => {
  it("shows the agent facts, plans the audit presets, and shows the simulator's output after confirming", async () => {
    await openGuest(page(), vm.vmid);
    await expect
      .poll(() => page().getByTestId('agent-os').textContent())
      .toBe('Debian GNU/Linux 13 (trixie)');
    await page().getByTestId('agent-audit').click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('plan-pvesh').allTextContents()).toContain(
      `pvesh create /nodes/${vm.node}/qemu/${vm.vmid}/agent/exec --command df --command -h`,
    );
    await confirmAndFinish();
    const entries = page().getByTestId('agent-output-entry');
    await expect.poll(() => entries.count()).toBe(4);
    expect(await entries.nth(2).getByTestId('agent-stdout').textContent()).toMatch(/^Filesystem\s+Size/);
    expect(await entries.nth(3).getByTestId('agent-stdout').textContent()).toContain(`web-${vm.vmid}`);
    expect(
      sim.requestLog.filter((r) => r.method === 'POST' && r.path.endsWith(`/${vm.vmid}/agent/exec`)).length,
    ).toBe(3);
  });

  it('says a VM has no agent instead of waiting for it', async () => {
    await openGuest(page(), bare.vmid);
    const state = page().getByTestId('agent-state');
    await state.waitFor({ timeout: 5_000 });
    expect(await state.getAttribute('data-state')).toBe('no-agent');
    expect(await state.textContent()).toContain('no QEMU guest agent configured');
  });
});

describe('storage', () => {
  it('uploads an ISO with a progress bar through the dialog; it is listed and in the simulator; then deletes it', async () => {
    await page().getByTestId('nav-storage').click();
    await chooseNode(page(), vm.node);
    await page().locator('[data-testid=storage-row][data-storage=local]').click();
    expect(
      await page()
        .locator('[data-testid=storage-row][data-storage=local] [data-testid=storage-usage]')
        .textContent(),
    ).toMatch(/GiB/);
    const bytes = Buffer.alloc(5 * 1024 * 1024 + 3, 1);
    await page()
      .getByTestId('upload-file')
      .setInputFiles({ name: 'e2e-rescue.iso', mimeType: 'application/octet-stream', buffer: bytes });
    await page().getByTestId('upload-plan').click();
    await dialog().waitFor();
    expect(await dialog().getByTestId('plan-pvesh').first().textContent()).toBe(
      `pvesh create /nodes/${vm.node}/storage/local/upload --content iso --filename e2e-rescue.iso`,
    );
    await confirmAndFinish();
    expect(await page().getByTestId('upload-progress').getAttribute('data-value')).toBe(String(bytes.length));
    const row = page().locator('[data-testid=content-row][data-volid="local:iso/e2e-rescue.iso"]');
    await row.waitFor();
    expect(
      sim.requestLog.some((r) => r.method === 'POST' && r.path === `/nodes/${vm.node}/storage/local/upload`),
    ).toBe(true);
    await row.getByTestId('content-delete').click();
    await dialog().waitFor();
    await confirmAndFinish('e2e-rescue.iso');
    await row.waitFor({ state: 'detached' });
  });
});

describe('tasks and node logs', () => {
  it('lists the upload task, follows its log to the end, and shows node services', async () => {
    await page().getByTestId('nav-tasks').click();
    await page().getByTestId('task-filter-type').fill('imgcopy');
    const rows = page().getByTestId('task-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().click();
    await expect.poll(() => page().getByTestId('task-log').getAttribute('data-exitstatus')).toBe('OK');
    expect(await page().getByTestId('task-log-lines').textContent()).toContain(
      'finished file import successfully',
    );
    await chooseNode(page(), vm.node);
    await page().getByTestId('node-logs-tab-services').click();
    await expect
      .poll(() =>
        page().locator('[data-testid=service-row][data-service=pveproxy]').getAttribute('data-active'),
      )
      .toBe('active');
  });
});

describe('a token without the privileges', () => {
  let other: StartedApp;
  afterAll(async () => {
    await other?.close();
  });

  it('sees audit commands, upload and template download disabled with the missing privilege', async () => {
    other = await startApp();
    await connect(other, 'Auditor', { tokenId: 'auditor@pve!ro' });
    await openGuest(other.page, vm.vmid);
    await expect
      .poll(() => other.page.getByTestId('agent-audit-reason').textContent())
      .toContain('VM.GuestAgent.Unrestricted');
    expect(await other.page.getByTestId('agent-audit').isDisabled()).toBe(true);
    await other.page.getByTestId('nav-storage').click();
    await chooseNode(other.page, vm.node);
    await other.page.locator('[data-testid=storage-row][data-storage=local]').click();
    await expect
      .poll(() => other.page.getByTestId('upload-reason').textContent())
      .toContain('Datastore.AllocateTemplate');
    expect(await other.page.getByTestId('appliance-reason').textContent()).toContain(
      'Datastore.AllocateTemplate',
    );
    expect(await other.page.getByTestId('appliance-download').first().isDisabled()).toBe(true);
  }, 60_000);
});
