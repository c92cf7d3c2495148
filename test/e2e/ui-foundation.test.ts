// e2e for the UI foundation (#16): axe (no serious/critical violations) on Clusters, Inventory and the confirm
// dialog in both colour schemes; the command palette (keyboard, by name and id, starts a plan); profile form
// messages without schema jargon; page-bound error notifications; one screenshot per main screen and scheme.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guests } from '../integration/console/console-fixture.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { seriousA11yProblems, useScheme } from './harness/axe.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';
import { PROJECT_ROOT } from './harness/web-host-process.js';

let sim: RunningSim;
let app: StartedApp;
let stoppedVm: number;
const page = (): Page => app.page;
const tid = (id: string) => page().getByTestId(id);
const SCHEMES = ['light', 'dark'] as const;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 12, seed: 16, controlPort: false });
  stoppedVm = guests(sim, 'qemu', 'stopped', 1)[0]!.vmid;
  app = await startApp();
  await tid('app-version').waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('profile form messages', () => {
  it('says what is wrong with each field in words, without schema jargon', async () => {
    await tid('nav-clusters').click();
    await tid('profile-form').waitFor();
    await tid('profile-save').click();
    await tid('field-error-name').waitFor();
    const form = (await tid('profile-form').innerText()).toLowerCase();
    expect(form).toContain('name is required');
    for (const jargon of ['expected', 'pattern', '>=', 'bad_request', 'too small', 'invalid string'])
      expect(form).not.toContain(jargon);

    await tid('profile-name').fill('Lab');
    await tid('profile-host').fill('not a host!');
    await tid('profile-token-id').fill('nobody');
    await tid('profile-save').click();
    await tid('field-error-tokenId').waitFor();
    const again = await tid('profile-form').innerText();
    expect(again).toContain('Token id should look like user@realm!tokenid');
    expect(again).toContain('Host: host name or IP address');
    for (const jargon of ['expected', 'pattern', '>=', 'bad_request']) expect(again).not.toContain(jargon);
    await tid('profile-cancel').click();
  });
});

describe('after connecting', () => {
  beforeAll(async () => {
    await connectThroughUi(page(), sim, 'Root', {
      username: 'root',
      realm: 'pam',
      password: DEFAULT_ROOT_PASSWORD,
    });
  }, 60_000);

  it('has no serious or critical accessibility violations on Clusters, Inventory and the confirm dialog', async () => {
    const problems: Record<string, unknown> = {};
    // a closing notification fades out; axe would measure its half-transparent text
    await closeNotifications();
    for (const scheme of SCHEMES) {
      await useScheme(page(), scheme);
      await tid('nav-clusters').click();
      await tid('connect-view').waitFor();
      problems[`clusters/${scheme}`] = await seriousA11yProblems(page());
      await tid('nav-inventory').click();
      await page().locator('[data-testid=guest-row]').first().waitFor();
      problems[`inventory/${scheme}`] = await seriousA11yProblems(page());
    }
    expect(problems).toEqual({
      'clusters/light': [],
      'inventory/light': [],
      'clusters/dark': [],
      'inventory/dark': [],
    });
  }, 120_000);

  it('opens the palette with the keyboard, finds a guest by id and by name, and starts its plan', async () => {
    await tid('nav-clusters').click();
    await page().keyboard.press('Control+k');
    const input = tid('palette-input');
    await input.waitFor();
    await input.fill(String(stoppedVm));
    const byId = page().locator(`[data-testid=palette-item][data-item^="guest:"]`).first();
    await byId.waitFor();
    const label = (await byId.innerText()).split('\n')[0] ?? '';
    expect(label).toContain(`VM ${stoppedVm}`);
    const name = label.split(' · ')[1] ?? '';
    expect(name).not.toBe('');

    await input.fill(name);
    await expect
      .poll(() => page().locator('[data-testid=palette-item][data-item^="guest:"]').first().innerText())
      .toContain(name);
    // the guest is stopped and root may start it: the palette offers Start, which opens the plan dialog
    const start = page().locator(`[data-testid=palette-item][data-item$=":start"]`).first();
    await start.waitFor();
    expect(await start.innerText()).toContain(`Start VM ${stoppedVm}`);
    await start.click();
    const dialog = tid('confirm-diff-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(String(stoppedVm));
    expect(await tid('plan-call').first().innerText()).toContain(`/qemu/${stoppedVm}/status/start`);

    const problems: Record<string, unknown> = {};
    for (const scheme of SCHEMES) {
      await useSchemeBehindDialog(scheme);
      problems[scheme] = await seriousA11yProblems(page(), '[data-testid=confirm-diff-dialog]');
    }
    expect(problems).toEqual({ light: [], dark: [] });
    await tid('plan-close').click();
    await dialog.waitFor({ state: 'detached' });
  }, 60_000);

  it('jumps to a guest from the palette', async () => {
    await page().keyboard.press('Control+k');
    await tid('palette-input').fill(String(stoppedVm));
    await page().locator(`[data-testid=palette-item][data-item^="guest:"]`).first().click();
    await tid('palette-input').waitFor({ state: 'detached' });
    await tid('guest-view').waitFor();
    expect(await tid('nav-inventory').getAttribute('aria-current')).toBe('page');
  });

  it('writes one screenshot per main screen in both schemes', async () => {
    const dir =
      process.env.UPDATE_SCREENSHOTS === '1'
        ? path.join(PROJECT_ROOT, 'docs', 'screenshots')
        : path.join(PROJECT_ROOT, 'test-results', 'screenshots');
    await mkdir(dir, { recursive: true });
    const ids = await page()
      .getByTestId('sidebar')
      .locator('[data-testid^=nav-]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)));
    let written = 0;
    for (const scheme of SCHEMES) {
      await useScheme(page(), scheme);
      for (const id of ids) {
        await tid(`nav-${id}`).click();
        await tid(`view-${id}`).waitFor();
        const png = await page().screenshot({ path: path.join(dir, `${id}-${scheme}.png`) });
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        written++;
      }
    }
    expect(written).toBe(ids.length * 2);
    expect(app.pageErrors).toEqual([]);
  }, 180_000);
});

async function closeNotifications(): Promise<void> {
  // success notifications close by themselves (this flow raises no error)
  await expect.poll(() => page().locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
}

/** The dialog is modal: switch the scheme the way the app remembers it, then reload nothing (Mantine applies it live). */
async function useSchemeBehindDialog(scheme: 'light' | 'dark'): Promise<void> {
  await page().evaluate((s) => {
    localStorage.setItem('proxdeck-color-scheme', s);
    document.documentElement.setAttribute('data-mantine-color-scheme', s);
  }, scheme);
}
