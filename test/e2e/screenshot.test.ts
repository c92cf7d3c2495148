// The README screenshot: the simulator (3 nodes, 40 guests) connected through the UI, the Inventory with node cards
// and the full grid, at 1280×800. Written to docs/screenshot.png only with UPDATE_SCREENSHOT=1 (else test-results/).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { connectThroughUi } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';
import { PROJECT_ROOT } from './harness/web-host-process.js';

const NODES = 3;
let sim: RunningSim;
let app: StartedApp;
const page = (): Page => app.page;

/** The simulator's own guest count (vmids start at 100), so the expectation comes from the server. */
function simGuestCount(): number {
  let n = 0;
  for (let vmid = 100; vmid < 10_100; vmid++) if (sim.cluster.guestStatus?.(vmid)) n++;
  return n;
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: NODES, guests: 40, seed: 7, controlPort: false });
  app = await startApp();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('README screenshot', () => {
  it('shows the connected inventory with every node and guest', async () => {
    await connectThroughUi(page(), sim, 'Lab cluster', {
      username: 'root',
      realm: 'pam',
      password: DEFAULT_ROOT_PASSWORD,
    });
    await page().getByTestId('nav-inventory').click();
    await expect.poll(() => page().getByTestId('node-card').count(), { timeout: 10_000 }).toBe(NODES);
    const total = simGuestCount();
    expect(total).toBeGreaterThanOrEqual(40);
    await expect
      .poll(() => page().getByTestId('grid-count').textContent(), { timeout: 10_000 })
      .toBe(`${total} of ${total} guests`);
    await expect.poll(() => page().getByTestId('guest-row').count()).toBeGreaterThan(10);
    // every node card shows its live numbers (they arrive with the first node-status poll), not placeholders
    const loaded = async (field: string): Promise<number> =>
      (await page().locator(`[data-testid=node-card] [data-testid=${field}]`).allTextContents()).filter((t) =>
        /\d/.test(t),
      ).length;
    await expect.poll(() => loaded('node-cpu'), { timeout: 15_000 }).toBe(NODES);
    await expect.poll(() => loaded('node-mem'), { timeout: 15_000 }).toBe(NODES);
    await page().evaluate(() => document.fonts.ready.then(() => undefined));
    const target =
      process.env.UPDATE_SCREENSHOT === '1'
        ? path.join(PROJECT_ROOT, 'docs', 'screenshot.png')
        : path.join(PROJECT_ROOT, 'test-results', 'screenshot.png');
    await mkdir(path.dirname(target), { recursive: true });
    const png = await page().screenshot({ path: target, clip: { x: 0, y: 0, width: 1280, height: 800 } });
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(800);
  });
});
