// e2e: the guest page's action buttons follow the connected identity's privileges — a console-only token sees Start
// and the snapshot buttons disabled with the missing privilege (as tooltip and text) and Console enabled; a VM admin
// token gets them all enabled. Run against the simulator's real RBAC, through the web host in Chromium.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guests } from '../integration/console/console-fixture.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { connectSimProfile } from './harness/invoke.js';
import { openGuest } from './harness/open-guest.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp | undefined;
let stoppedVm: number;
const page = (): Page => app!.page;
/** the wrapper ActionButton renders around each button: data-permission plus the visible reason */
const wrapper = (testId: string): Locator =>
  page().locator(`span.action-button:has(> [data-testid="${testId}"])`);

async function showGuestAs(tokenId: string): Promise<void> {
  await app?.close();
  app = await startApp();
  await connectSimProfile(app.url, sim, tokenId, { kind: 'token', tokenId }, DEMO_TOKENS[tokenId] ?? '');
  await openGuest(page(), stoppedVm);
}

/** reason: the exact text, or a pattern when it names more than one missing privilege */
async function expectDenied(testId: string, reason: string | RegExp): Promise<void> {
  await expect
    .poll(() => wrapper(testId).getAttribute('data-permission'), { timeout: 10_000 })
    .toBe('denied');
  const button = page().getByTestId(testId);
  expect(await button.isDisabled()).toBe(true);
  const title = await button.getAttribute('title');
  const text = await wrapper(testId).getByTestId('action-reason').textContent();
  if (typeof reason === 'string') {
    expect(title).toBe(reason);
    expect(text).toBe(reason);
  } else {
    expect(title).toMatch(reason);
    expect(text).toMatch(reason);
  }
}

async function expectAllowed(testId: string): Promise<void> {
  await expect
    .poll(() => wrapper(testId).getAttribute('data-permission'), { timeout: 10_000 })
    .toBe('allowed');
  // read-only is unknown until profiles.list answers; the button enables once it has
  await expect.poll(() => page().getByTestId(testId).isEnabled(), { timeout: 10_000 }).toBe(true);
  expect(await wrapper(testId).getByTestId('action-reason').count()).toBe(0);
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 16, seed: 21, controlPort: false });
  stoppedVm = guests(sim, 'qemu', 'stopped', 1)[0]!.vmid;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('permission-aware guest buttons', () => {
  it('support@pve!console: Start and Snapshot disabled with the reason, Console enabled', async () => {
    await showGuestAs('support@pve!console');
    await expectDenied('guest-action-start', `needs VM.PowerMgmt on /vms/${stoppedVm}`);
    await expectAllowed('guest-action-console');
    await page().getByTestId('guest-tab-snapshots').click();
    await expectDenied('snapshot-one-click', `needs VM.Snapshot on /vms/${stoppedVm}`);
    await expectDenied('snapshot-create', `needs VM.Snapshot on /vms/${stoppedVm}`);
    // the console button leads to a working console tab (stopped guest: no Start offered without VM.PowerMgmt)
    await page().getByTestId('guest-action-console').click();
    await expect
      .poll(() => page().getByTestId('console-view').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('stopped');
    expect(await page().getByTestId('console-start').count()).toBe(0);
    // Clone and HA & migrate say why too (they gave no reason before)
    await page().getByTestId('guest-tab-clone').click();
    // the new ID's VM.Allocate is named too, on the concrete /vms/<newid>
    await expectDenied(
      'clone-submit',
      new RegExp(`^needs VM\\.Clone on /vms/${stoppedVm}; needs VM\\.Allocate on /vms/\\d+$`),
    );
    await page().getByTestId('guest-tab-ha-migrate').click();
    await expectDenied('migrate-submit', `needs VM.Migrate on /vms/${stoppedVm}`);
  });

  it('ops@pve!ops: the same buttons are enabled', async () => {
    await showGuestAs('ops@pve!ops');
    await expectAllowed('guest-action-start');
    await expectAllowed('guest-action-console');
    await page().getByTestId('guest-tab-snapshots').click();
    await expectAllowed('snapshot-one-click');
    await expectAllowed('snapshot-create');
  });
});
