// The user's way in: add a token profile for the simulator on the Clusters view, connect, trust its certificate.
import type { Page } from 'playwright-core';
import type { RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { addProfile, card } from '../connect-support.js';

/** Connects a profile whose certificate is not pinned yet, trusting what the server presents. */
export async function connectTrusting(page: Page, name: string): Promise<void> {
  const c = card(page, name);
  await c.getByTestId('connect').click();
  await c.getByTestId('trust').click();
}

/** Adds and connects a demo-token profile through the UI; resolves once the connection summary shows. */
export async function connectThroughUi(page: Page, sim: RunningSim, name: string, tokenId: string, opts: { readOnly?: boolean } = {}): Promise<void> {
  const secret = DEMO_TOKENS[tokenId];
  if (!secret) throw new Error(`no demo token ${tokenId}`);
  await page.getByTestId('nav-clusters').click();
  const c = await addProfile(page, { name, host: `127.0.0.1:${sim.port}`, tokenId, secret });
  if (opts.readOnly) {
    await c.getByTestId('edit-profile').click();
    await page.getByTestId('profile-readonly').check();
    await page.getByTestId('profile-save').click();
  }
  await connectTrusting(page, name);
  await card(page, name).getByTestId('connection-summary').waitFor();
}
