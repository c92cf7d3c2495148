// e2e faults while the inventory polls: 5xx bursts, slow answers past the deadline, connection resets, malformed and
// truncated JSON. Each case: the
// stale banner names the error and the age of the data, a nav click still works, and the data is fresh again once the
// fault is cleared — without a restart or a reconnect.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultPatch } from '../pve-sim/faults.js';
import {
  createOutcomeLog,
  logged,
  navStillWorks,
  startFaultRig,
  waitFresh,
  waitStale,
  type FaultRig,
} from './harness/fault-rig.js';

const NAME = 'Polling';
const RESOURCES = '/cluster/resources';
/** a short PVE deadline so "slower than the timeout" costs seconds, not the default 15 s × 3 tries */
const TIMEOUT_MS = 1_500;
let rig: FaultRig;
const report = createOutcomeLog('polling');

beforeAll(async () => {
  rig = await startFaultRig({}, NAME, { PROXDECK_PVE_TIMEOUT_MS: String(TIMEOUT_MS) });
});

afterAll(async () => {
  report.print();
  await rig?.close();
});

beforeEach(() => {
  rig.sim.faults.set({ reset: true });
});

const cases: Array<{ fault: string; patch: FaultPatch; code: string; message: RegExp }> = [
  { fault: '5xx burst', patch: { errorRate: 1 }, code: 'server_error', message: /simulated server failure/ },
  {
    fault: 'slow answers past the deadline',
    patch: { latencyMs: TIMEOUT_MS + 500 },
    code: 'timeout',
    message: /./,
  },
  { fault: 'connection resets', patch: { resetRate: 1 }, code: 'unreachable', message: /./ },
  {
    fault: 'malformed JSON',
    patch: { malformedRate: 1 },
    code: 'bad_response',
    message: /malformed or truncated/,
  },
  {
    fault: 'truncated JSON',
    patch: { truncateRate: 1 },
    code: 'bad_response',
    message: /malformed or truncated/,
  },
];

describe('polling faults in the app', () => {
  for (const c of cases) {
    it(`${c.fault}: stale banner with the age of the data, nav still works, fresh again after`, async () => {
      const page = rig.page;
      const before = logged(rig.sim, 'GET', RESOURCES);
      rig.sim.faults.set({ ...c.patch, pathPrefix: RESOURCES });
      const text = await waitStale(page, NAME, c.code);
      expect(text).toMatch(/data is stale \(last update \d+ s ago\)/);
      expect(text).toMatch(c.message);
      const failedPolls = logged(rig.sim, 'GET', RESOURCES) - before;
      const navMs = await navStillWorks(page);
      // the banner survives the round trip: stale state lives in the store, not in the view
      expect(await page.getByTestId('stale-banner').count()).toBe(1);
      expect(await page.getByTestId('node-card').count()).toBe(3);
      rig.sim.faults.set({ reset: true });
      await waitFresh(page);
      expect(
        await page.locator('[data-testid=node-card][data-node=pve1] [data-testid=node-status]').textContent(),
      ).toBe('online');
      report.record(
        c.fault,
        `${c.code} in the banner after ${failedPolls} GETs, nav ${navMs} ms, fresh after the fault cleared`,
      );
    });
  }

  it('left no page errors behind', () => {
    expect(rig.app.pageErrors).toEqual([]);
  });
});
