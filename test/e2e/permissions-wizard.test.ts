// e2e: a token without VM.PowerMgmt sees Start disabled with the reason and the gap in the Permissions view; the wizard's
// "operator in pool" setup, applied through the API as root and saved as a profile, gets Start enabled.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD, DEMO_POOL, DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { connectSimProfile, type SimAuth } from './harness/invoke.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
const ids: Record<string, string> = {};
const POOL_GUEST = 120;

const connectProfile = (name: string, auth: SimAuth, secret: string): Promise<string> =>
  connectSimProfile(app.url, sim, name, auth, secret);
const page = (): Page => app.page;
const startButton = () => page().locator('[data-testid="action-guest.start"]');

async function showGuest(profileId: string, vmid: number): Promise<void> {
  await page().getByTestId('permissions-tab-matrix').click();
  await page().getByTestId('permissions-profile').selectOption(profileId);
  await page().getByTestId('permissions-matrix').waitFor();
  await page().getByTestId('guest-actions-vmid').fill(String(vmid));
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 30, seed: 3, controlPort: false, taskDurationMs: 20 });
  app = await startApp();
  ids.support = await connectProfile(
    'support',
    { kind: 'token', tokenId: 'support@pve!console' },
    DEMO_TOKENS['support@pve!console']!,
  );
  ids.root = await connectProfile(
    'root',
    { kind: 'password', username: 'root', realm: 'pam' },
    DEFAULT_ROOT_PASSWORD,
  );
  await page().getByTestId('nav-permissions').click();
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('permissions and the token wizard in the app', () => {
  it('a token without VM.PowerMgmt: the matrix lists the gap and Start is disabled with the reason', async () => {
    await showGuest(ids.support!, POOL_GUEST);
    const power = page().locator('[data-testid=feature-row][data-feature=power]');
    // not 'denied': features.ts counts qemu-only actions (reset) on containers as allowed
    await expect.poll(() => power.getAttribute('data-state')).not.toBe('allowed');
    expect(await power.getByTestId('feature-gaps').textContent()).toMatch(
      /needs VM\.PowerMgmt on \/vms\/\d+/,
    );
    expect(
      await page().locator('[data-testid=feature-row][data-feature=console]').getAttribute('data-state'),
    ).toBe('allowed');
    await expect.poll(() => startButton().getAttribute('data-permission')).toBe('denied');
    expect(await startButton().locator('button').isDisabled()).toBe(true);
    expect(await startButton().getByTestId('action-reason').textContent()).toBe(
      `needs VM.PowerMgmt on /vms/${POOL_GUEST}`,
    );
  });

  it('the wizard prints explained commands, applies "operator in pool" as root, verifies the token, and Start is enabled with it', async () => {
    await page().getByTestId('permissions-profile').selectOption(ids.root!);
    await page().getByTestId('permissions-tab-wizard').click();
    await page().getByTestId('wizard-preset').selectOption('operator');
    await page().getByTestId('wizard-scope').selectOption('pool');
    // pool and storages are pickers fed from the cluster: choose from their options
    await page().getByTestId('wizard-pool').click();
    await page().getByRole('option', { name: DEMO_POOL, exact: true }).click();
    await page().getByTestId('wizard-storages').click();
    await page().getByRole('option', { name: 'local', exact: true }).click();
    await page().keyboard.press('Escape');
    await page().getByTestId('wizard-userid').fill('e2e-ops@pve');
    await page().keyboard.press('Escape');
    await page().getByTestId('wizard-generate').click();
    const commands = page().getByTestId('wizard-command');
    await expect.poll(() => commands.count()).toBeGreaterThan(4);
    const text = (await page().getByTestId('wizard-output').textContent()) ?? '';
    expect(text).toContain('pveum user token add e2e-ops@pve app --privsep 1');
    expect(text).toContain(`pveum acl modify /pool/${DEMO_POOL} -token 'e2e-ops@pve!app'`);

    await page().getByTestId('wizard-apply').click();
    await page().getByTestId('confirm-diff-dialog').waitFor();
    await page().getByTestId('plan-confirm').click();
    await expect
      .poll(() => page().getByTestId('plan-end').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('succeeded');
    await page().getByTestId('plan-close').click();

    await page().getByTestId('wizard-verify-run').click();
    await expect.poll(() => page().getByTestId('wizard-verify').getAttribute('data-passed')).toBe('true');
    await page().getByTestId('wizard-save-profile').click();
    await page().getByTestId('wizard-saved').waitFor();

    await page().getByTestId('permissions-tab-matrix').click();
    const option = page().locator('[data-testid=permissions-profile] option', { hasText: 'e2e-ops@pve!app' });
    await expect.poll(() => option.count()).toBe(1);
    await showGuest((await option.getAttribute('value'))!, POOL_GUEST);
    await expect.poll(() => startButton().getAttribute('data-permission')).toBe('allowed');
    expect(await startButton().locator('button').isEnabled()).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});
