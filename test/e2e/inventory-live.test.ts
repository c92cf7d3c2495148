// e2e: the inventory against the simulator through the web host in Chromium — live node cards, the full grid,
// sort/filter/group/columns that survive a reload, a started guest within one poll, an offline node.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { connectSimProfile } from './harness/invoke.js';
import { startApp, type StartedApp } from './harness/start-app.js';

let sim: RunningSim;
let app: StartedApp;
let clock = Date.now();

const page = (): Page => app.page;
const text = async (testId: string): Promise<string> =>
  (await page().getByTestId(testId).first().textContent()) ?? '';
const cardText = (node: string, field: string) =>
  page().locator(`[data-testid=node-card][data-node=${node}] [data-testid=${field}]`);

async function openInventory(): Promise<void> {
  await page().getByTestId('nav-inventory').click();
  await page().getByTestId('node-card').first().waitFor();
}

async function visibleVmids(): Promise<number[]> {
  return page().evaluate(() =>
    [...document.querySelectorAll('[data-testid=guest-row]')].map((r) => Number(r.getAttribute('data-vmid'))),
  );
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 40, seed: 11, now: () => clock, controlPort: false });
  app = await startApp();
  await connectSimProfile(
    app.url,
    sim,
    'sim',
    { kind: 'password', username: 'root', realm: 'pam' },
    DEFAULT_ROOT_PASSWORD,
  );
  await openInventory();
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('inventory in the app', () => {
  it('shows every node with live numbers that change between polls', async () => {
    await expect.poll(() => page().getByTestId('node-card').count()).toBe(3);
    const numbers = async () =>
      `${await cardText('pve1', 'node-cpu').textContent()} ${await cardText('pve1', 'node-mem').textContent()}`;
    const before = await numbers();
    expect(before).toMatch(/\d %/);
    clock += 60_000; // the simulator's metrics move per 10 s tick
    await expect.poll(numbers, { timeout: 10_000 }).not.toBe(before);
  });

  it('lists every guest in the grid', async () => {
    const total = sim.cluster.control.summary().guests;
    expect(await text('grid-count')).toBe(`${total} of ${total} guests`);
    const seen = new Set<number>();
    const scroller = page().getByTestId('grid-scroll');
    for (let y = 0; y < 40 * 28 + 400; y += 200) {
      await scroller.evaluate((el, top) => (el.scrollTop = top), y);
      await page().evaluate(() => new Promise(requestAnimationFrame));
      for (const v of await visibleVmids()) seen.add(v);
    }
    expect(seen.size).toBe(total);
    await scroller.evaluate((el) => (el.scrollTop = 0));
  });

  it('sorts, filters, groups and chooses columns, and keeps all of it across a reload', async () => {
    await page().getByTestId('header-vmid').click(); // ascending -> descending
    const desc = await visibleVmids();
    expect(desc[0]).toBe(Math.max(...desc));
    await page().getByTestId('grid-group').selectOption('node');
    // group headers are virtualised like rows: the first ones are on screen, pve1 first
    await expect
      .poll(() => page().getByTestId('grid-group-row').first().textContent())
      .toMatch(/^pve1 \(\d+\)$/);
    await page().getByTestId('grid-columns').click();
    await page().getByTestId('column-toggle-tags').uncheck();
    expect(await page().getByTestId('header-tags').count()).toBe(0);
    await page().getByTestId('filter-node').fill('pve2');
    await expect.poll(() => page().getByTestId('grid-group-row').count()).toBe(1);
    await page().reload();
    await openInventory();
    await expect.poll(() => page().getByTestId('grid-group-row').count()).toBe(1);
    expect(await page().getByTestId('header-tags').count()).toBe(0);
    expect(await page().getByTestId('header-vmid').getAttribute('aria-sort')).toBe('descending');
    expect(await page().getByTestId('filter-node').inputValue()).toBe('pve2');
    await page().getByTestId('filter-node').fill('');
    await page().getByTestId('grid-group').selectOption('none');
  });

  it('shows a guest started through the simulator as running within one poll, re-rendering only that row', async () => {
    await page().getByTestId('filter-status').fill('stopped');
    const row = page().locator('[data-testid=guest-row]').first();
    const vmid = Number(await row.getAttribute('data-vmid'));
    await page().getByTestId('filter-status').fill('');
    await page().getByTestId('grid-filter').fill(String(vmid));
    const target = page().locator(`[data-testid=guest-row][data-vmid="${vmid}"] [data-testid=guest-status]`);
    expect(await target.textContent()).toBe('stopped');
    const rendersBefore = await page().evaluate(() => window.__proxdeckRenders?.row ?? 0);
    sim.cluster.control.setGuestStatus(vmid, 'running');
    await expect.poll(() => target.textContent(), { timeout: 3_000 + 2_000 }).toBe('running');
    const rendersAfter = await page().evaluate(() => window.__proxdeckRenders?.row ?? 0);
    expect(rendersAfter - rendersBefore).toBe(1);
    await page().getByTestId('grid-filter').fill('');
  });

  it('shows an offline node as offline with a stale badge and its guests as unknown', async () => {
    sim.cluster.control.setNodeOnline('pve3', false);
    await expect
      .poll(() => cardText('pve3', 'node-status').textContent(), { timeout: 15_000 })
      .toBe('offline'); // one 3 s poll; the margin is for a loaded CI machine
    expect(
      await page().locator('[data-testid=node-card][data-node=pve3] [data-testid=node-stale]').count(),
    ).toBe(1);
    await page().getByTestId('filter-node').fill('pve3');
    const statuses = await page()
      .locator('[data-testid=guest-row] [data-testid=guest-status]')
      .allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['unknown']));
    expect(app.pageErrors).toEqual([]);
  });
});
