// The user's way in: add a profile (token or password) for the simulator on the Clusters view, connect, trust its certificate.
import type { Page } from 'playwright-core';
import type { RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { addProfile, card, type ProfileInput } from '../connect-support.js';

/** Connects a profile whose certificate is not pinned yet, trusting what the server presents. */
export async function connectTrusting(page: Page, name: string): Promise<void> {
  const c = card(page, name);
  await c.getByTestId('connect').click();
  await c.getByTestId('trust').click();
}

/** A demo token id (its secret comes from the simulator's defaults), or a user and password. */
export type UiLogin = string | { username: string; realm: string; password: string };

/** Adds and connects a simulator profile through the UI; resolves once the connection summary shows. */
export async function connectThroughUi(
  page: Page,
  sim: RunningSim,
  name: string,
  login: UiLogin,
  opts: { readOnly?: boolean } = {},
): Promise<void> {
  const host = `127.0.0.1:${sim.port}`;
  let input: ProfileInput;
  if (typeof login === 'string') {
    const secret = DEMO_TOKENS[login];
    if (!secret) throw new Error(`no demo token ${login}`);
    input = { name, host, tokenId: login, secret };
  } else {
    input = { name, host, user: { username: login.username, realm: login.realm }, secret: login.password };
  }
  await page.getByTestId('nav-clusters').click();
  const c = await addProfile(page, input);
  if (opts.readOnly) {
    await c.getByTestId('edit-profile').click();
    await page.getByTestId('profile-readonly').check();
    await page.getByTestId('profile-save').click();
  }
  await connectTrusting(page, name);
  await backFromInventory(page);
  await card(page, name).getByTestId('connection-summary').waitFor();
}

/**
 * A successful Connect opens the inventory (#16): wait for it, then return to the Clusters screen, where the
 * profile's card still shows the connection summary.
 */
export async function backFromInventory(page: Page): Promise<void> {
  await page.getByTestId('view-inventory').waitFor();
  await page.getByTestId('nav-clusters').click();
  await page.getByTestId('connect-view').waitFor();
}
