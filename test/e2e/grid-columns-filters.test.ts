// e2e: the VM/CT grid's filters match what the columns show, checked against the simulator's own
// /cluster/resources (Type "VM", memory "> 2G", a picker); the column chooser (hide, order, pin) survives a
// reload; the default columns fit 1280×800 without sideways scrolling; the row menu; the Cluster column shows by
// itself once a second cluster is connected.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../integration/pve-sim/core-client.js';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../pve-sim/rbac/index.js';
import { connectSimProfile } from './harness/invoke.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const GiB = 1024 ** 3;
const ROOT = { kind: 'password', username: 'root', realm: 'pam' } as const;

let sim: RunningSim;
let app: StartedApp;
let guests: { vmid: number; type: string; maxmem: number }[];

const page = (): Page => app.page;
const tid = (id: string) => page().getByTestId(id);

async function openInventory(): Promise<void> {
  await tid('nav-inventory').click();
  await tid('guest-row').first().waitFor();
}

/** Every vmid the grid shows (scrolling through the virtualised body), and the count the toolbar states. */
async function shownVmids(): Promise<{ vmids: number[]; count: string }> {
  const seen = new Set<number>();
  const scroller = tid('grid-scroll');
  const height = await scroller.evaluate((el) => el.scrollHeight);
  for (let y = 0; y <= height; y += 200) {
    await scroller.evaluate((el, top) => (el.scrollTop = top), y);
    await page().evaluate(() => new Promise(requestAnimationFrame));
    const vmids = await page().evaluate(() =>
      [...document.querySelectorAll('[data-testid=guest-row]')].map((r) =>
        Number(r.getAttribute('data-vmid')),
      ),
    );
    vmids.forEach((v) => seen.add(v));
  }
  await scroller.evaluate((el) => (el.scrollTop = 0));
  return { vmids: [...seen].sort((a, b) => a - b), count: (await tid('grid-count').textContent()) ?? '' };
}

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

async function expectRows(want: number[]): Promise<void> {
  await expect
    .poll(async () => (await tid('grid-count').textContent()) ?? '')
    .toBe(`${want.length} of ${guests.length} guests`);
  expect((await shownVmids()).vmids).toEqual(sorted(want));
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 60, seed: 23, controlPort: false });
  const auth = await login(sim);
  const answer = await call(sim, 'GET', '/cluster/resources?type=vm', { headers: auth.cookie });
  guests = answer.json().data as typeof guests;
  app = await startApp();
  await connectSimProfile(app.url, sim, 'sim', ROOT, DEFAULT_ROOT_PASSWORD);
  await openInventory();
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('grid filters match what is shown', () => {
  it('fits the default columns into 1280×800 without sideways scrolling', async () => {
    const { scroll, client } = await tid('grid-scroll').evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
    expect(await tid('header-cluster').count()).toBe(0); // one cluster: no Cluster column
  });

  it('Type "VM" gives exactly the VMs of /cluster/resources, "CT" exactly the containers', async () => {
    const vms = guests.filter((g) => g.type === 'qemu').map((g) => g.vmid);
    expect(vms.length).toBeGreaterThan(0);
    expect(vms.length).toBeLessThan(guests.length);
    await tid('filter-type').fill('VM');
    await expectRows(vms);
    await tid('filter-type').fill('CT');
    await expectRows(guests.filter((g) => g.type === 'lxc').map((g) => g.vmid));
    await tid('filter-type').fill('');
  });

  it('memory "> 2G" gives exactly the guests with more than 2 GiB configured', async () => {
    const big = guests.filter((g) => g.maxmem > 2 * GiB).map((g) => g.vmid);
    expect(big.length).toBeGreaterThan(0);
    expect(big.length).toBeLessThan(guests.length);
    await tid('filter-mem').fill('> 2G');
    await expectRows(big);
    await tid('filter-mem').fill('<=2G');
    await expectRows(guests.filter((g) => g.maxmem <= 2 * GiB).map((g) => g.vmid));
    await tid('filter-mem').fill('');
  });

  it('the Type picker lists each value with its count and filters to exactly the picked one', async () => {
    const cts = guests.filter((g) => g.type === 'lxc').map((g) => g.vmid);
    await tid('picker-type').click();
    const menu = tid('picker-menu-type');
    await expect.poll(() => menu.textContent()).toContain(`CT (${cts.length})`);
    expect(await menu.textContent()).toContain(`VM (${guests.length - cts.length})`);
    await tid('pick-type-CT').check();
    await expectRows(cts);
    await menu.getByText('Show all').click();
    await expectRows(guests.map((g) => g.vmid));
    await menu.getByText('Close').click();
  });

  it('shows a locked guest with its lock, and the Status filter finds it by the lock', async () => {
    const vmid = guests[0]!.vmid;
    sim.cluster.control.setGuestConfig(vmid, 'lock', 'backup');
    const lock = page().locator(`[data-testid=guest-row][data-vmid="${vmid}"] [data-testid=guest-lock]`);
    await expect.poll(() => lock.count(), { timeout: 20_000 }).toBe(1);
    expect(await lock.textContent()).toContain('backup');
    await tid('filter-status').fill('backup');
    await expectRows([vmid]);
    await tid('filter-status').fill('');
    sim.cluster.control.setGuestConfig(vmid, 'lock', undefined);
  });
});

describe('columns', () => {
  it('remembers hidden, moved and pinned columns across a reload', async () => {
    await tid('grid-columns').click();
    await tid('column-toggle-tags').uncheck();
    await tid('column-up-name').click(); // Name before ID
    await tid('column-pin-uptime').click();
    const headers = () =>
      page().evaluate(() =>
        [...document.querySelectorAll('[role=columnheader][data-testid^=header-]')].map((h) =>
          h.getAttribute('data-testid')!.slice('header-'.length),
        ),
      );
    const before = await headers();
    expect(before.slice(0, 3)).toEqual(['uptime', 'name', 'vmid']); // pinned columns lead
    expect(before).not.toContain('tags');
    await page().reload();
    await openInventory();
    expect(await headers()).toEqual(before);
    expect(await tid('header-uptime').getAttribute('class')).toContain('pin-left');
    await tid('grid-columns').click();
    await tid('columns-reset').click();
    await tid('grid-columns').click();
    expect((await headers()).slice(0, 2)).toEqual(['vmid', 'name']);
  });

  it('opens a row menu that selects the guest', async () => {
    const row = page().locator('[data-testid=guest-row]').first();
    const vmid = await row.getAttribute('data-vmid');
    await row.getByTestId('row-menu-button').click();
    await expect.poll(() => tid('row-menu-open').textContent()).toMatch(new RegExp(`${vmid}$`));
    await tid('row-menu-select').click();
    await expect.poll(() => tid('grid-selection').textContent()).toMatch(/^1 selected/);
    expect(await tid('row-menu').count()).toBe(0);
    await tid('grid-selection').getByText('Clear').click();
  });

  it('shows the Cluster column by itself once a second cluster is connected', async () => {
    const other = await startSimulator({ nodes: 1, guests: 5, seed: 5, controlPort: false });
    try {
      await connectSimProfile(app.url, other, 'other', ROOT, DEFAULT_ROOT_PASSWORD);
      await expect.poll(() => tid('header-cluster').count(), { timeout: 10_000 }).toBe(1);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
