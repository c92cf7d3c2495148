// e2e: after a reload, the Clusters screen never draws a connected profile as "not connected" with a Connect button
// before main's connection states arrived — a DOM observer installed before the app's first script records any
// Connect button the page ever shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { card } from './connect-support.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

declare global {
  interface Window {
    __sawConnectButton?: boolean;
  }
}

let sim: RunningSim;
let app: StartedApp;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 1, guests: 2, seed: 2, controlPort: false });
  app = await startApp();
  await connectThroughUi(app.page, sim, 'Ops', 'ops@pve!ops');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('connection states on first render', () => {
  it('shows no Connect button for a connected profile at any point after a reload', async () => {
    await app.page.addInitScript(() => {
      window.__sawConnectButton = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid=profile-card] [data-testid=connect]'))
          window.__sawConnectButton = true;
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    for (let i = 0; i < 3; i++) {
      await app.page.reload();
      await app.page.getByTestId('nav-clusters').click();
      await card(app.page, 'Ops').getByTestId('disconnect').waitFor();
      expect(await app.page.evaluate(() => window.__sawConnectButton)).toBe(false);
    }
    // the observer itself works: a disconnected profile does show the button
    await card(app.page, 'Ops').getByTestId('disconnect').click();
    await card(app.page, 'Ops').getByTestId('connect').waitFor();
    expect(await app.page.evaluate(() => window.__sawConnectButton)).toBe(true);
  });
});
