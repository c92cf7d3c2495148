// e2e for the screens converted by screens-c (#16): Create, Storage, Audit log, the guest Agent tab and the console
// toolbars (guest console, node shell) have no serious/critical accessibility violations in either scheme; the
// Create and agent command forms, submitted empty or invalid, say what is wrong in words without schema jargon.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { seriousA11yProblems, useScheme } from './harness/axe.js';
import { connectSimProfile } from './harness/invoke.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let vm: { vmid: number; node: string };
const page = (): Page => app.page;
const tid = (id: string) => page().getByTestId(id);
const JARGON = ['expected', 'pattern', '>=', 'bad_request'];

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 12, seed: 33, controlPort: false });
  for (let vmid = 100; vmid < 112 && !vm; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g?.type === 'qemu' && g.status === 'running') vm = { vmid, node: g.node };
  }
  sim.cluster.control.setGuestConfig(vm.vmid, 'agent', '1');
  app = await startApp();
  await tid('app-version').waitFor();
  await connectSimProfile(
    app.url,
    sim,
    'Root',
    { kind: 'password', username: 'root', realm: 'pam' },
    DEFAULT_ROOT_PASSWORD,
  );
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

/** No skeleton left on screen (bounded). */
async function settled(): Promise<void> {
  await expect.poll(() => tid('page-loading').count(), { timeout: 20_000 }).toBe(0);
}

async function closeNotifications(): Promise<void> {
  for (const b of await page().locator('.mantine-Notification-root button').all())
    await b.click().catch(() => undefined);
  await expect.poll(() => page().locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
}

/** Each screen opened and ready to scan: [name, open it, the part to scan (the whole page when none)]. */
const SCREENS: Array<[string, () => Promise<void>, string?]> = [
  [
    'create',
    async () => {
      await tid('nav-create').click();
      await tid('create-form').waitFor();
    },
  ],
  [
    'storage',
    async () => {
      await tid('nav-storage').click();
      await page().locator('[data-testid=storage-row][data-storage=local]').click();
      await tid('content-browser').waitFor();
      await tid('appliances').waitFor();
    },
  ],
  [
    'audit',
    async () => {
      await tid('nav-audit').click();
      await tid('audit-view').waitFor();
    },
  ],
  [
    'agent',
    async () => {
      await openGuest(page(), vm.vmid);
      await tid('guest-tab-agent').click();
      await expect.poll(() => tid('agent-os').count(), { timeout: 10_000 }).toBe(1);
    },
  ],
  [
    'guest-console',
    async () => {
      await tid('guest-tab-console').click();
      await tid('console-view').waitFor();
    },
    '[data-testid=console-view] .console-toolbar',
  ],
  [
    'node-shell',
    async () => {
      await tid('back').click();
      await tid('node-card').first().click();
      await tid('node-view').waitFor();
      await tid('node-shell').click();
      await expect
        .poll(() => tid('node-shell-panel').getByTestId('console-view').getAttribute('data-state'), {
          timeout: 10_000,
        })
        .toBe('connected');
    },
    '[data-testid=node-shell-panel] .console-toolbar',
  ],
];

describe('screens-c converted screens', () => {
  it('have no serious or critical accessibility violations in either colour scheme', async () => {
    const problems: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page(), scheme);
      for (const [name, open, scope] of SCREENS) {
        await open();
        await settled();
        await closeNotifications();
        problems[`${name}/${scheme}`] = await seriousA11yProblems(page(), scope);
        expected[`${name}/${scheme}`] = [];
      }
      await tid('nav-inventory').click();
    }
    expect(problems).toEqual(expected);
  }, 240_000);

  it('the Create form, submitted empty or invalid, says what is wrong in words and plans nothing', async () => {
    await tid('nav-create').click();
    await tid('create-form').waitFor();
    await tid('create-name').fill('');
    await tid('create-submit').click();
    const empty = await tid('create-form').innerText();
    expect(empty).toContain('Name: give the guest a name');
    await tid('create-name').fill('not a host name!');
    await tid('create-vmid').fill('12');
    await tid('create-cores').fill('0');
    await tid('create-submit').click();
    const invalid = await tid('create-form').innerText();
    expect(invalid).toContain('Name: letters, digits, - and . only');
    expect(invalid).toContain('Guest ID: a whole number from 100');
    expect(invalid).toContain('Cores: a whole number from 1 to 512');
    for (const text of [empty, invalid]) for (const j of JARGON) expect(text.toLowerCase()).not.toContain(j);
    expect(await tid('confirm-diff-dialog').count()).toBe(0);
  }, 60_000);

  it('the agent command form, submitted empty, asks for a command and plans nothing', async () => {
    await openGuest(page(), vm.vmid);
    await tid('guest-tab-agent').click();
    await tid('agent-command-plan').click();
    const text = await tid('agent-panel').innerText();
    expect(text).toContain('Command: type a program and its arguments');
    for (const j of JARGON) expect(text.toLowerCase()).not.toContain(j);
    expect(await tid('confirm-diff-dialog').count()).toBe(0);
    // xterm.js's <style> elements (the node shell visited above) go to adopted sheets: no CSP refusal either
    expect(app.pageErrors).toEqual([]);
  }, 60_000);
});
