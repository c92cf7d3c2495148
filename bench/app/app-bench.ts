// End-to-end bench: the real app (web host + renderer) against simulators in their own processes, driven in
// Chromium. Times what a user waits for, and main's CPU and memory while the grid is open and polling.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/harness/chromium.js';
import { invoke } from '../../test/e2e/harness/invoke.js';
import { ensureRendererBuilt } from '../../test/e2e/harness/web-host-process.js';
import { DEFAULT_ROOT_PASSWORD } from '../../test/pve-sim/rbac/index.js';
import { median } from '../timing.js';
import { cpuShare, processRssMb, startChild, startSimProcess, type SimProcess } from './processes.js';

export interface AppFigures {
  /** navigation start → the Clusters screen's "add profile" button on screen (median of 3 loads) */
  loadInteractiveMs: number;
  /** Connect click → first grid row, the Inventory click included as soon as the card says connected */
  connectFirstRowsMs: number;
  /** Inventory click (from Clusters) → "N of N guests" with every guest counted */
  inventoryClickMs: number;
  guestRows: number;
  /** main (web host) process CPU over the window, % of one core */
  mainCpuPct: number;
  /** a bare fetch + JSON.parse loop at the same cadence, over the same window */
  floorCpuPct: number;
  mainRssMb: number;
  windowS: number;
}

export interface ScaleFigures {
  clusters: number;
  guestRows: number;
  mainCpuPct: number;
  floorCpuPct: number;
  mainRssMb: number;
}

async function saveProfile(url: string, name: string, sim: SimProcess): Promise<string> {
  // a pin is accepted only from main's own handshake with that host:port
  const probed = await invoke(url, 'connect.probe', { host: '127.0.0.1', port: sim.port, userTyped: true });
  if (!probed.ok) throw new Error(`connect.probe failed: ${JSON.stringify(probed)}`);
  const saved = await invoke(url, 'profiles.save', {
    profile: {
      name,
      host: '127.0.0.1',
      port: sim.port,
      auth: { kind: 'password', username: 'root', realm: 'pam' },
      pinnedFingerprint: sim.fingerprint,
    },
    secret: DEFAULT_ROOT_PASSWORD,
  });
  const id = saved.value?.id;
  if (!saved.ok || !id) throw new Error(`profiles.save failed: ${JSON.stringify(saved)}`);
  return id;
}

/** ms from navigation start until the Clusters screen can be used, read in the page itself. */
async function loadInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid=add-profile]:not([disabled])');
  return page.evaluate(() => performance.now());
}

/** Clicks Inventory in the page and waits (per animation frame) for the count of `min` or more guests. */
async function inventoryClick(page: Page, min: number): Promise<{ ms: number; rows: number }> {
  return (await page.evaluate(`(async (min) => {
    const t0 = performance.now();
    document.querySelector('[data-testid=nav-inventory]').click();
    for (;;) {
      const m = /^(\\d+) of (\\d+) guests$/.exec(document.querySelector('[data-testid=grid-count]')?.textContent ?? '');
      if (m && m[1] === m[2] && Number(m[2]) >= min) return { ms: performance.now() - t0, rows: Number(m[2]) };
      await new Promise((r) => requestAnimationFrame(r));
    }
  })(${min})`)) as { ms: number; rows: number };
}

async function withApp<T>(fn: (page: Page, url: string, pid: number) => Promise<T>): Promise<T> {
  const configDir = await mkdtemp(path.join(tmpdir(), 'proxdeck-bench-'));
  ensureRendererBuilt();
  const host = await startChild(
    'src-main/web-host/cli.ts',
    ['--config-dir', configDir],
    /^Proxdeck web host: (http:\/\/127\.0\.0\.1:\d+\/#secret=[A-Za-z0-9_-]+)$/m,
  );
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    return await fn(page, host.match[1]!, host.child.pid!);
  } finally {
    await browser.close();
    await host.stop();
    await rm(configDir, { recursive: true, force: true });
  }
}

async function floorShare(
  ports: number[],
  seconds: number,
  during: Promise<number>,
): Promise<[number, number]> {
  const floor = await startChild('bench/app/floor-loop.ts', ports.map(String), /floor loop polling/);
  try {
    return await Promise.all([during, cpuShare(floor.child.pid!, seconds)]);
  } finally {
    await floor.stop();
  }
}

export async function benchApp(opts: {
  nodes: number;
  guests: number;
  windowS: number;
}): Promise<AppFigures> {
  const sim = await startSimProcess(opts.nodes, opts.guests, 5);
  try {
    return await withApp(async (page, url, pid) => {
      await saveProfile(url, 'bench', sim);
      const loads: number[] = [];
      for (let i = 0; i < 3; i++) loads.push(await loadInteractive(page, url));
      const card = page.getByTestId('profile-card').first();
      const t0 = performance.now();
      await card.getByTestId('connect').click();
      // a successful Connect opens the Inventory by itself
      await page.getByTestId('guest-row').first().waitFor();
      const connectFirstRowsMs = performance.now() - t0;
      // Every guest listed once, then back to Clusters: the next Inventory click finds the snapshot in main.
      await inventoryClick(page, opts.guests);
      await page.getByTestId('nav-clusters').click();
      await page.getByTestId('add-profile').waitFor();
      const inv = await inventoryClick(page, opts.guests);
      const [mainCpuPct, floorCpuPct] = await floorShare(
        [sim.port],
        opts.windowS,
        cpuShare(pid, opts.windowS),
      );
      return {
        loadInteractiveMs: median(loads),
        connectFirstRowsMs,
        inventoryClickMs: inv.ms,
        guestRows: inv.rows,
        mainCpuPct,
        floorCpuPct,
        mainRssMb: processRssMb(pid),
        windowS: opts.windowS,
      };
    });
  } finally {
    await sim.stop();
  }
}

/** `clusters` simulators of `guests` each, all connected, one grid over every guest. */
export async function benchScale(opts: {
  clusters: number;
  nodes: number;
  guests: number;
  windowS: number;
}): Promise<ScaleFigures> {
  const sims: SimProcess[] = [];
  try {
    for (let i = 0; i < opts.clusters; i++) sims.push(await startSimProcess(opts.nodes, opts.guests, 10 + i));
    return await withApp(async (page, url, pid) => {
      for (const [i, sim] of sims.entries()) {
        const id = await saveProfile(url, `bench-${i + 1}`, sim);
        const opened = await invoke(url, 'connect.open', { profileId: id });
        if (!opened.ok) throw new Error(`connect.open failed: ${JSON.stringify(opened)}`);
      }
      await page.goto(url);
      await page.getByTestId('add-profile').waitFor();
      const inv = await inventoryClick(page, opts.clusters * opts.guests);
      const [mainCpuPct, floorCpuPct] = await floorShare(
        sims.map((s) => s.port),
        opts.windowS,
        cpuShare(pid, opts.windowS),
      );
      return {
        clusters: opts.clusters,
        guestRows: inv.rows,
        mainCpuPct,
        floorCpuPct,
        mainRssMb: processRssMb(pid),
      };
    });
  } finally {
    await Promise.all(sims.map((s) => s.stop()));
  }
}
