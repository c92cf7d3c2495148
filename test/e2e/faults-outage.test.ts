// e2e faults bigger than one answer: a 20 MB inventory response, a node going offline and back, and the whole cluster
// unreachable (the simulator stopped, then restarted on the same port with the same certificate). The outage is scaled
// down to FAULT_OUTAGE_MS (default 4 s; 300000 reproduces the 5 minutes): nothing depends on its length.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCertificate, type CertPair } from '../pve-sim/http/tls.js';
import { startSimulator, type SimOptions } from '../pve-sim/index.js';
import {
  createOutcomeLog,
  logged,
  navStillWorks,
  POLL_DEADLINE_MS,
  RIG_SIM_DEFAULTS,
  startFaultRig,
  waitFresh,
  waitStale,
  type FaultRig,
} from './harness/fault-rig.js';

const NAME = 'Outage';
const RESOURCES = '/cluster/resources';
const OUTAGE_MS = Number(process.env.FAULT_OUTAGE_MS ?? 4_000);
/** the poller's longest backoff is 60 s; a short outage needs at most two 3 s steps (6–12 s) */
const RECOVERY_MS = OUTAGE_MS > 30_000 ? 75_000 : 25_000;
let rig: FaultRig;
let cert: CertPair;
let simOpts: SimOptions;
const report = createOutcomeLog('outage');

const nodeField = (node: string, field: string) =>
  rig.page.locator(`[data-testid=node-card][data-node=${node}] [data-testid=${field}]`);
const guestStatuses = async (node: string): Promise<Set<string>> => {
  await rig.page.getByTestId('filter-node').fill(node);
  const all = await rig.page.locator('[data-testid=guest-row] [data-testid=guest-status]').allTextContents();
  await rig.page.getByTestId('filter-node').fill('');
  return new Set(all);
};

beforeAll(async () => {
  cert = await generateCertificate('pve1');
  simOpts = { cert };
  rig = await startFaultRig(simOpts, NAME);
});

afterAll(async () => {
  report.print();
  await rig?.close();
});

describe('outage faults in the app', () => {
  it('a 20 MB inventory answer: parsed, no stale banner, nav still responsive while it streams', async () => {
    const before = logged(rig.sim, 'GET', RESOURCES);
    rig.sim.faults.set({ reset: true, hugeRate: 1, pathPrefix: RESOURCES });
    let worstNav = 0;
    // three polls of 20 MB each, with nav clicks in between
    while (logged(rig.sim, 'GET', RESOURCES) - before < 3)
      worstNav = Math.max(worstNav, await navStillWorks(rig.page));
    expect(await rig.page.getByTestId('stale-banner').count()).toBe(0);
    expect(await rig.page.getByTestId('node-card').count()).toBe(3);
    rig.sim.faults.set({ reset: true });
    expect(rig.app.pageErrors).toEqual([]);
    report.record(
      '20 MB response',
      `3 polls of 20 MB parsed, no stale banner, worst nav round trip ${worstNav} ms`,
    );
  });

  it('a node offline and back: its card says offline and its guests unknown, then online with real states', async () => {
    rig.sim.faults.set({ nodeOffline: 'pve3' });
    await expect
      .poll(() => nodeField('pve3', 'node-status').textContent(), { timeout: POLL_DEADLINE_MS })
      .toBe('offline');
    expect(await guestStatuses('pve3')).toEqual(new Set(['unknown']));
    expect(await nodeField('pve1', 'node-status').textContent()).toBe('online');
    const navMs = await navStillWorks(rig.page);
    rig.sim.faults.set({ nodeOnline: 'pve3' });
    await expect
      .poll(() => nodeField('pve3', 'node-status').textContent(), { timeout: POLL_DEADLINE_MS })
      .toBe('online');
    await expect
      .poll(async () => (await guestStatuses('pve3')).has('unknown'), { timeout: POLL_DEADLINE_MS })
      .toBe(false);
    report.record(
      'node offline and back',
      `card offline + guests unknown, other nodes online, nav ${navMs} ms → back online with real states`,
    );
  });

  it(`the cluster unreachable for ${OUTAGE_MS} ms, then back on the same address: stale while down, fresh after`, async () => {
    const port = rig.sim.port;
    await rig.sim.close();
    const downAt = Date.now();
    const text = await waitStale(rig.page, NAME, 'unreachable');
    expect(text).toMatch(/data is stale \(last update \d+ s ago\)/);
    const navMs = await navStillWorks(rig.page);
    // the outage itself is the thing under test: nothing to await but its end
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - downAt))));
    rig.sim = await startSimulator({ ...RIG_SIM_DEFAULTS, ...simOpts, port });
    const upAt = Date.now();
    await waitFresh(rig.page, RECOVERY_MS);
    expect(await nodeField('pve1', 'node-status').textContent()).toBe('online');
    expect(logged(rig.sim, 'GET', RESOURCES)).toBeGreaterThan(0);
    report.record(
      'cluster unreachable, then back',
      `down ${OUTAGE_MS} ms: unreachable in the banner, nav ${navMs} ms; fresh ${Date.now() - upAt} ms after it came back, no reconnect`,
    );
  });
});
