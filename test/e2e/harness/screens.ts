// Shared steps of the converted-screens e2e files (#16): a simulator with the app connected as root and as the
// read-only auditor, waiting for a view to settle, closing notices, and reading disabled buttons' reasons.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startSimulator, type RunningSim, type SimOptions } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD, DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { connectSimProfile } from './invoke.js';
import { startApp, type StartedApp } from './start-app.js';

export interface ScreensRig {
  sim: RunningSim;
  app: StartedApp;
  /** profile ids: root (root@pam, password) and auditor (auditor@pve!ro, read-only token) */
  ids: { root: string; auditor: string };
  close(): Promise<void>;
}

export async function startRootAndAuditor(options: SimOptions): Promise<ScreensRig> {
  const sim = await startSimulator(options);
  const app = await startApp();
  await app.page.getByTestId('app-version').waitFor();
  const root = await connectSimProfile(
    app.url,
    sim,
    'Root',
    { kind: 'password', username: 'root', realm: 'pam' },
    DEFAULT_ROOT_PASSWORD,
  );
  const auditor = await connectSimProfile(
    app.url,
    sim,
    'Auditor',
    { kind: 'token', tokenId: 'auditor@pve!ro' },
    DEMO_TOKENS['auditor@pve!ro']!,
  );
  return {
    sim,
    app,
    ids: { root, auditor },
    close: async () => {
      await app.close();
      await sim.close();
    },
  };
}

/** No skeleton left on the page (bounded). */
export async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('page-loading').count(), { timeout: 20_000 }).toBe(0);
}

export async function closeNotifications(page: Page): Promise<void> {
  for (const b of await page.locator('.mantine-Notification-root button').all())
    await b.click().catch(() => undefined);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
}

/** Every disabled button in the view with its accessible description (the text its aria-describedby points at). */
export async function disabledReasons(
  page: Page,
  scope: string,
): Promise<Array<{ label: string; reason: string }>> {
  return page.locator(`[data-testid=${scope}] button:disabled`).evaluateAll((els) =>
    els.map((el) => ({
      label: (el.textContent ?? '').trim(),
      reason: (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
        .join(' ')
        .trim(),
    })),
  );
}

/** Opens a cluster-wide view (nav-<id>), picks the profile in its cluster picker and waits until it settles. */
export async function openView(page: Page, id: string, profileId: string): Promise<void> {
  await page.getByTestId(`nav-${id}`).click();
  const view = page.getByTestId(`${id}-view`);
  await view.waitFor();
  const picker = view.getByTestId('ops-cluster');
  await expect
    .poll(async () => (await picker.locator('option').count()) >= 2, { timeout: 20_000 })
    .toBe(true);
  await picker.selectOption(profileId);
  await settled(page);
}

/** Words of tools and schemas that no message in the UI may show. */
export const JARGON = ['expected', 'pattern', '>=', 'bad_request'];

/** The steps above bound to the rig's page (read when called: the rig starts in beforeAll). */
export function screenSteps(page: () => Page) {
  return {
    settled: () => settled(page()),
    closeNotifications: () => closeNotifications(page()),
    disabledReasons: (scope: string) => disabledReasons(page(), scope),
    openView: (id: string, profileId: string) => openView(page(), id, profileId),
  };
}
