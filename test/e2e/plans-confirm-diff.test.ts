// e2e: every change through the confirm-diff dialog in Chromium — config edit, stale re-plan, one-click snapshot and
// rollback, typed delete, bulk start, a double-clicked confirm, and a read-only profile with no mutation control enabled.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src-renderer/features/inventory/format.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { card } from './connect-support.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const OPS = 'ops@pve!ops';
let sim: RunningSim;
let app: StartedApp;
let stopped: Array<{ vmid: number; node: string }>;
const page = (): Page => app.page;
const dialog = () => page().getByTestId('confirm-diff-dialog');
const guestPath = (g: { vmid: number; node: string }): string => `/nodes/${g.node}/qemu/${g.vmid}`;
const count = (method: string, path: string): number =>
  sim.requestLog.filter((r) => r.method === method && r.path === path).length;

const connectAs = (name: string, tokenId: string, readOnly = false): Promise<void> =>
  connectThroughUi(page(), sim, name, tokenId, { readOnly });

async function openGuest(vmid: number): Promise<void> {
  await page().getByTestId('nav-inventory').click();
  if ((await page().getByTestId('back').count()) > 0) await page().getByTestId('back').click();
  await page().locator(`[data-testid=guest-row][data-vmid="${vmid}"]`).first().click();
  await page().getByTestId('guest-view').waitFor();
}

async function editConfig(key: string, value: string): Promise<void> {
  if ((await page().getByTestId('config-edit-form').count()) === 0)
    await page().getByTestId('guest-action-edit').click();
  await page().getByTestId(`config-field-${key}`).fill(value);
  await page().getByTestId('config-plan').click();
  await dialog().waitFor();
}

async function confirmAndFinish(typed?: string): Promise<void> {
  if (typed !== undefined) await dialog().getByTestId('plan-confirm-text').fill(typed);
  await dialog().getByTestId('plan-confirm').click();
  await expect
    .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 15_000 })
    .toBe('succeeded');
  await dialog().getByTestId('plan-close').click();
}

const diffLines = async (): Promise<string[]> => dialog().getByTestId('plan-diff-text').allTextContents();
const configValue = async (key: string): Promise<string | undefined> =>
  (await page()
    .getByTestId(`config-field-${key}`)
    .inputValue()
    .catch(() => undefined)) ?? undefined;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 40, seed: 21, controlPort: false, taskDurationMs: 100 });
  stopped = [];
  for (let vmid = 100; vmid < 140; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g?.type === 'qemu' && g.status === 'stopped') stopped.push({ vmid, node: g.node });
  }
  expect(stopped.length).toBeGreaterThanOrEqual(6);
  app = await startApp();
  await connectAs('Ops', OPS);
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('confirm-diff in the app', () => {
  it('changes the memory of a stopped VM: the dialog shows memory: 2048 → 4096, then grid and config show 4096', async () => {
    const g = stopped[0]!;
    sim.cluster.control.setGuestConfig(g.vmid, 'memory', 2048);
    await openGuest(g.vmid);
    await editConfig('memory', '4096');
    expect(await diffLines()).toEqual(['memory: 2048 → 4096']);
    expect(await dialog().getByTestId('plan-pvesh').first().textContent()).toMatch(
      new RegExp(`^pvesh set ${guestPath(g)}/config --memory 4096 --digest [0-9a-f]+$`),
    );
    await confirmAndFinish();
    await page().getByTestId('guest-tab-config').click();
    await expect
      .poll(async () => (await page().getByTestId('guest-config').textContent()) ?? '')
      .toMatch(/memory\s*4 GiB \(4096 MiB\)/);
    await page().getByTestId('back').click();
    const memCell = page().locator(`[data-testid=guest-row][data-vmid="${g.vmid}"] [data-col=mem]`);
    await expect
      .poll(async () => (await memCell.textContent()) ?? '', { timeout: 15_000 })
      .toContain(formatBytes(4096 * 1024 * 1024));
  });

  it('refuses to run when a second client changed the config in between, and re-plans on request', async () => {
    const g = stopped[1]!;
    await openGuest(g.vmid);
    await editConfig('cores', '3');
    sim.cluster.control.setGuestConfig(g.vmid, 'description', 'edited elsewhere');
    const puts = count('PUT', `${guestPath(g)}/config`);
    await dialog().getByTestId('plan-confirm').click();
    await dialog().getByTestId('plan-refused').waitFor();
    expect(await dialog().getByTestId('plan-refused').getAttribute('data-code')).toBe('stale_plan');
    expect(count('PUT', `${guestPath(g)}/config`)).toBe(puts);
    await dialog().getByTestId('plan-replan').click();
    await expect.poll(() => dialog().getByTestId('plan-refused').count()).toBe(0);
    await confirmAndFinish();
    expect(count('PUT', `${guestPath(g)}/config`)).toBe(puts + 1);
  });

  it('one-click snapshot, change config, one-click rollback: the config is restored', async () => {
    const g = stopped[2]!;
    await openGuest(g.vmid);
    await page().getByTestId('guest-tab-snapshots').click();
    await page().getByTestId('snapshot-one-click').click();
    await dialog().waitFor();
    await confirmAndFinish();
    await expect.poll(() => page().getByTestId('snapshot-row').count()).toBe(2);
    const original = await (async () => {
      await page().getByTestId('guest-action-edit').click();
      return configValue('cores');
    })();
    await editConfig('cores', '6');
    await confirmAndFinish();
    // the typed confirm of a rollback that cannot be undone: without the safety snapshot
    await page().getByTestId('rollback-safety').uncheck();
    await page().getByTestId('snapshot-rollback-latest').click();
    await dialog().waitFor();
    expect(await diffLines()).toContain(`cores: 6 → ${original}`);
    const name = await dialog().locator('.cdd-typed code').textContent();
    await confirmAndFinish(name ?? '');
    await page().getByTestId('guest-action-edit').click();
    await page().getByTestId('guest-action-edit').click();
    await expect.poll(() => configValue('cores')).toBe(original);
  });

  it('deletes a snapshot only after typing the guest name', async () => {
    const g = stopped[2]!;
    await openGuest(g.vmid);
    await page().getByTestId('guest-tab-snapshots').click();
    await page().getByTestId('snapshot-delete').first().click();
    await dialog().waitFor();
    const confirm = dialog().getByTestId('plan-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog().getByTestId('plan-confirm-text').fill('wrong');
    expect(await confirm.isDisabled()).toBe(true);
    const name = (await dialog().locator('.cdd-typed code').textContent()) ?? '';
    await confirmAndFinish(name);
    await expect.poll(() => page().getByTestId('snapshot-row').count()).toBe(1);
  });

  it('starts 3 VMs selected in the grid as one plan with a line per guest', async () => {
    const three = stopped.slice(3, 6);
    await page().getByTestId('nav-inventory').click();
    if ((await page().getByTestId('back').count()) > 0) await page().getByTestId('back').click();
    for (const g of three)
      await page()
        .locator(`[data-testid=guest-row][data-vmid="${g.vmid}"]`)
        .first()
        .click({ modifiers: ['Control'] });
    await page().getByTestId('bulk-start').click();
    await dialog().waitFor();
    expect(await diffLines()).toEqual(
      three.map((g) => expect.stringMatching(new RegExp(`^VM ${g.vmid} .*status: stopped → running$`))),
    );
    await confirmAndFinish();
    for (const g of three) expect(sim.cluster.guestStatus?.(g.vmid)?.status).toBe('running');
  });

  it('a double-clicked confirm makes exactly one API call', async () => {
    const g = stopped[0]!;
    await openGuest(g.vmid);
    await editConfig('description', 'double-clicked');
    const puts = count('PUT', `${guestPath(g)}/config`);
    await dialog().getByTestId('plan-confirm').dblclick();
    await expect
      .poll(() => dialog().getByTestId('plan-end').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('succeeded');
    expect(count('PUT', `${guestPath(g)}/config`)).toBe(puts + 1);
    await dialog().getByTestId('plan-close').click();
  });

  it('shows every executed plan in the audit log', async () => {
    await page().getByTestId('nav-audit').click();
    await expect.poll(() => page().getByTestId('audit-row').count()).toBeGreaterThanOrEqual(8);
    expect(await page().getByTestId('audit-row').first().textContent()).toContain(OPS);
  });
});

describe('a read-only profile', () => {
  it('enables no mutation control in the guest view, the snapshots panel or the grid', async () => {
    await page().getByTestId('nav-clusters').click();
    await card(page(), 'Ops').getByTestId('disconnect').click();
    await connectAs('Watch', OPS, true);
    const g = stopped[1]!;
    await openGuest(g.vmid);
    await page().getByTestId('guest-actions').waitFor();
    // Console is not a mutation (console.open passes the read-only guard), so it stays usable
    await expect
      .poll(() =>
        page()
          .locator(
            '[data-testid=guest-actions] button:not([disabled]):not([data-testid=guest-action-console])',
          )
          .count(),
      )
      .toBe(0);
    expect(await page().getByTestId('guest-action-console').isEnabled()).toBe(true);
    await page().getByTestId('guest-tab-snapshots').click();
    await page().getByTestId('snapshots-panel').waitFor();
    await expect
      .poll(() => page().locator('[data-testid=snapshots-panel] button:not([disabled])').count())
      .toBe(0);
    await page().getByTestId('back').click();
    await page()
      .locator(`[data-testid=guest-row][data-vmid="${g.vmid}"]`)
      .first()
      .click({ modifiers: ['Control'] });
    await page().getByTestId('bulk-power').waitFor();
    expect(await page().locator('[data-testid=bulk-power] button:not([disabled])').count()).toBe(0);
  });
});
