// e2e (web host + Chromium + the simulator's termproxy): root opens a node shell from the node view; xterm.js runs
// `echo proxdeck-$((6*7))` and the terminal buffer shows proxdeck-42. A container's console is a terminal by
// default, and its detached window is titled with the container's name and the cluster.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guests } from '../integration/console/console-fixture.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/default-state.js';
import { connectSimProfile } from './harness/invoke.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const CLUSTER = 'lab';
let sim: RunningSim;
let app: StartedApp;
const page = (): Page => app.page;

/** The terminal's rendered rows as text (xterm's DOM rows: its buffer, not pixels). */
const terminalText = (p: Page): Promise<string> =>
  p
    .locator('.xterm-rows')
    .first()
    .innerText()
    .catch(() => '');

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 16, seed: 23, controlPort: false });
  app = await startApp();
  await connectSimProfile(
    app.url,
    sim,
    CLUSTER,
    { kind: 'password', username: 'root', realm: 'pam' },
    DEFAULT_ROOT_PASSWORD,
  );
  await page().getByTestId('nav-inventory').click();
  await page().getByTestId('node-card').first().waitFor();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('xterm.js consoles', () => {
  it('a node shell as root runs echo with arithmetic and shows proxdeck-42', async () => {
    await page().getByTestId('node-card').first().click();
    await page().getByTestId('node-view').waitFor();
    await page().getByTestId('node-shell').click();
    const view = page().getByTestId('node-shell-panel').getByTestId('console-view');
    await expect.poll(() => view.getAttribute('data-kind')).toBe('term');
    await expect.poll(() => view.getAttribute('data-state'), { timeout: 10_000 }).toBe('connected');
    await expect.poll(() => terminalText(page()), { timeout: 10_000 }).toMatch(/root@pve\d+:~#/);
    // xterm's theme and cell sizes reach the page although the CSP refuses inline <style>: the rows use its font
    const rowFont = await page()
      .locator('.xterm-rows')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(rowFont).toContain('DejaVu Sans Mono');
    expect(app.pageErrors.filter((e) => /inline style/i.test(e))).toEqual([]);
    await page().locator('.xterm-screen').first().click();
    await page().keyboard.type('echo proxdeck-$((6*7))');
    await page().keyboard.press('Enter');
    await expect.poll(() => terminalText(page()), { timeout: 10_000 }).toMatch(/^proxdeck-42$/m);
    // the search box finds it in the scrollback
    await page().getByTestId('term-search').fill('proxdeck-42');
    await page().getByTestId('term-find-next').click();
    expect(await page().getByTestId('node-shell-panel').getByRole('status').count()).toBe(0);
    await page().getByTestId('node-shell').click();
    await page().getByTestId('back').click();
  });

  it("a container's console is a terminal; detached, its window is titled with its name and the cluster", async () => {
    const ct = guests(sim, 'lxc', 'running')[0]!;
    await openGuest(page(), ct.vmid);
    const name = (await page().getByTestId('guest-view').getByTestId('page-title').innerText())
      .split(' · ')[1]
      ?.trim();
    expect(name).toBeTruthy();
    await page().getByTestId('guest-tab-console').click();
    const view = page().getByTestId('console-view');
    await expect.poll(() => view.getAttribute('data-kind')).toBe('term');
    await expect.poll(() => view.getAttribute('data-state'), { timeout: 10_000 }).toBe('connected');
    const [popup] = await Promise.all([
      app.context.waitForEvent('page'),
      page().getByTestId('console-detach').click(),
    ]);
    await popup.getByTestId('console-window').waitFor();
    await expect.poll(() => popup.title(), { timeout: 10_000 }).toBe(`CT ${ct.vmid} · ${name} — ${CLUSTER}`);
    await expect.poll(() => terminalText(popup), { timeout: 10_000 }).toMatch(/root@\S+:~#/);
    await popup.close();
  });
});
