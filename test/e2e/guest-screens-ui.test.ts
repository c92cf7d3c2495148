// e2e for the guest screens on the Mantine foundation (#16): axe (no serious/critical violations) on a guest view and
// each of its tabs in both colour schemes; the config edit, clone and snapshot forms submitted invalid answer with
// sentences about the field, without schema jargon.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guests } from '../integration/console/console-fixture.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { seriousA11yProblems, useScheme } from './harness/axe.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let vm: number;
const page = (): Page => app.page;
const tid = (id: string) => page().getByTestId(id);
const JARGON = ['expected', 'pattern', '>=', 'bad_request', 'too small', 'invalid string'];
const TABS = ['summary', 'config', 'snapshots', 'backups', 'ha-migrate', 'clone', 'agent'];

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 12, seed: 16, controlPort: false });
  vm = guests(sim, 'qemu', 'stopped', 1)[0]!.vmid;
  app = await startApp();
  await tid('app-version').waitFor();
  await connectThroughUi(page(), sim, 'Root', {
    username: 'root',
    realm: 'pam',
    password: DEFAULT_ROOT_PASSWORD,
  });
  // a closing notification fades out; axe would measure its half-transparent text
  await page().waitForFunction(
    () => document.querySelectorAll('.mantine-Notification-root').length === 0,
    null,
    {
      timeout: 20_000,
    },
  );
  await openGuest(page(), vm);
}, 90_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

function expectNoJargon(text: string): void {
  for (const word of JARGON) expect(text.toLowerCase()).not.toContain(word);
}

describe('guest view', () => {
  it('has no serious or critical accessibility violations on any tab, in both schemes', async () => {
    const problems: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await useScheme(page(), scheme);
      for (const tab of TABS) {
        await tid(`guest-tab-${tab}`).click();
        await expect.poll(() => tid(`guest-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
        await expect.poll(() => page().getByTestId('page-loading').count(), { timeout: 10_000 }).toBe(0);
        problems[`${tab}/${scheme}`] = await seriousA11yProblems(page(), '[data-testid=guest-view]');
        expected[`${tab}/${scheme}`] = [];
      }
    }
    expect(problems).toEqual(expected);
  }, 180_000);

  it('shows the config as labelled settings without the digest', async () => {
    await tid('guest-tab-config').click();
    const table = await tid('guest-config').innerText();
    expect(table).toContain('Memory');
    expect(table).toMatch(/MiB/);
    expect(table).not.toContain('digest');
  });

  it('config edit: one snapshot-first switch, invalid values answered in words', async () => {
    await tid('guest-action-edit').click();
    await tid('config-edit-form').waitFor();
    expect(
      await page()
        .getByText(/snapshot first/i)
        .count(),
    ).toBe(1);
    await tid('config-field-memory').fill('8');
    await tid('config-field-name').fill('not a name!');
    await tid('config-plan').click();
    await tid('config-problems').waitFor();
    const text = await tid('config-edit-form').innerText();
    expect(text).toContain('Memory: at least 16 MiB.');
    expect(text).toContain('Name: letters, digits, dots and dashes');
    expectNoJargon(text);
    expect(await tid('confirm-diff-dialog').count()).toBe(0);
    await tid('guest-action-edit').click();
  });

  it('clone: an invalid new ID is answered in words', async () => {
    await tid('guest-tab-clone').click();
    await tid('clone-form').waitFor();
    await tid('clone-newid').fill('5');
    await tid('clone-submit').click();
    await page().getByText('New ID: a whole number from 100').waitFor();
    expectNoJargon(await tid('clone-form').innerText());
    expect(await tid('confirm-diff-dialog').count()).toBe(0);
  });

  it('snapshot: an empty or invalid name is answered in words', async () => {
    await tid('guest-tab-snapshots').click();
    await tid('snapshot-create').click();
    await tid('snapshot-submit').click();
    await page().getByText('Name: needs a name.').waitFor();
    await tid('snapshot-name').fill('1-bad name');
    const text = await tid('snapshot-form').innerText();
    expect(text).toContain('starting with a letter');
    expectNoJargon(text);
    expect(await tid('confirm-diff-dialog').count()).toBe(0);
  });
});
