// Shared steps of the e2e fault suites (test/e2e/faults-*.test.ts): one simulator + one app per file, connected through
// the Clusters UI, and the checks every fault case repeats — the stale banner, its recovery, a nav click that still works.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { startSimulator, type RunningSim, type SimOptions } from '../../pve-sim/index.js';
import { connectThroughUi } from './connect-ui.js';
import { startApp, type StartedApp } from './start-app.js';

export const OPS_TOKEN = 'ops@pve!ops';
/** One 3 s poll, its GET retries, one backoff step (3–6 s) and a margin for a loaded 2-core CI machine. */
export const POLL_DEADLINE_MS = 15_000;

export interface FaultRig {
  sim: RunningSim;
  app: StartedApp;
  page: Page;
  close(): Promise<void>;
}

/** The cluster every fault file starts with; a test that restarts the simulator passes these again. */
export const RIG_SIM_DEFAULTS: SimOptions = {
  nodes: 3,
  guests: 30,
  seed: 7,
  controlPort: false,
  taskDurationMs: 150,
};

/** appEnv: extra environment of the web host, e.g. PROXDECK_PVE_TIMEOUT_MS for a short PVE deadline. */
export async function startFaultRig(
  simOpts: SimOptions = {},
  profileName = 'Faulty',
  appEnv: Record<string, string> = {},
): Promise<FaultRig> {
  const sim = await startSimulator({ ...RIG_SIM_DEFAULTS, ...simOpts });
  let app: StartedApp | undefined;
  try {
    app = await startApp({ env: appEnv });
    await connectThroughUi(app.page, sim, profileName, OPS_TOKEN);
    await openInventory(app.page);
  } catch (err) {
    await app?.close();
    await sim.close();
    throw err;
  }
  const started = app;
  const rig: FaultRig = {
    sim,
    app: started,
    page: started.page,
    async close() {
      await started.close();
      // a test may have replaced the simulator (stopped and restarted on the same port): close the current one
      await rig.sim.close();
    },
  };
  return rig;
}

export async function openInventory(page: Page): Promise<void> {
  await page.getByTestId('nav-inventory').click();
  if ((await page.getByTestId('back').count()) > 0) await page.getByTestId('back').click();
  await page.getByTestId('node-card').first().waitFor();
}

/** The banner line of one cluster (by profile name). */
export function staleLine(page: Page, name: string): Locator {
  return page.getByTestId('stale-cluster').filter({ hasText: name });
}

/** Waits for the stale banner of `name` to name this error code; returns its text. */
export async function waitStale(page: Page, name: string, code: string): Promise<string> {
  await expect
    .poll(
      () =>
        staleLine(page, name)
          .getAttribute('data-code')
          .catch(() => null),
      { timeout: POLL_DEADLINE_MS },
    )
    .toBe(code);
  return (await staleLine(page, name).textContent()) ?? '';
}

/** Waits until the banner is gone: a poll succeeded and main said the data is fresh again. */
export async function waitFresh(page: Page, timeout = POLL_DEADLINE_MS): Promise<void> {
  await expect.poll(() => page.getByTestId('stale-banner').count(), { timeout }).toBe(0);
}

/**
 * The app stays responsive: a nav click to Clusters and back to the inventory both render. Returns the slower
 * of the two round trips in ms (reported, never asserted as a timing — `npm run bench` owns performance).
 */
export async function navStillWorks(page: Page): Promise<number> {
  let worst = 0;
  for (const [nav, view] of [
    ['nav-clusters', 'profile-list'],
    ['nav-inventory', 'inventory'],
  ] as const) {
    const t0 = Date.now();
    await page.getByTestId(nav).click({ timeout: 5_000 });
    await page.getByTestId(view).waitFor({ timeout: 5_000 });
    worst = Math.max(worst, Date.now() - t0);
  }
  return worst;
}

/** Requests the simulator logged for this method and path so far. */
export function logged(sim: RunningSim, method: string, path: string): number {
  return sim.requestLog.filter((r) => r.method === method && r.path === path).length;
}

/** Outcome lines for docs/reliability.md: FAULT_REPORT=1 prints them after the file's run. */
export function createOutcomeLog(suite: string): {
  record(fault: string, outcome: string): void;
  print(): void;
} {
  const lines: string[] = [];
  return {
    record: (fault, outcome) => lines.push(`${suite} | ${fault} | ${outcome}`),
    print() {
      if (process.env.FAULT_REPORT) console.log(lines.join('\n'));
    },
  };
}
