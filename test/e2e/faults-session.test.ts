// e2e faults of the session itself: ticket expiry (renewed silently), the TLS certificate swapped mid-session (polling
// stops — no blind retries — and the banner leads to the re-trust panel), and the token revoked mid-session (401 → polling
// stops and the banner leads to a reconnect that shows the auth error; a new secret recovers without a restart).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROOT_PASSWORD, DEMO_TOKENS } from '../pve-sim/rbac/index.js';
import { addProfile, card, fillProfileForm } from './connect-support.js';
import { connectTrusting, backFromInventory } from './harness/connect-ui.js';
import {
  createOutcomeLog,
  logged,
  navStillWorks,
  openInventory,
  OPS_TOKEN,
  staleLine,
  startFaultRig,
  waitFresh,
  waitStale,
  type FaultRig,
} from './harness/fault-rig.js';

const NAME = 'Session';
const RESOURCES = '/cluster/resources';
/** two poll intervals plus the first backoff step: a poller that still retried would have polled again by then */
const QUIET_MS = 7_000;
const TICKET_LIFETIME_MS = 2 * 3600_000;
let rig: FaultRig;
let clock = Date.now();
const report = createOutcomeLog('session');

/** inventory.stale events main pushed to the page carrying this error code */
const staleEvents = (code: string): number =>
  rig.app.frames.filter(
    (f) =>
      f.direction === 'received' &&
      f.payload.includes('"inventory.stale"') &&
      f.payload.includes(`"${code}"`),
  ).length;

/** Absence cannot be awaited: watch for a bounded quiet period that nothing more happens. */
const quietPeriod = (): Promise<void> => new Promise((r) => setTimeout(r, QUIET_MS));

beforeAll(async () => {
  rig = await startFaultRig({ now: () => clock }, NAME);
});

afterAll(async () => {
  report.print();
  await rig?.close();
});

describe('session faults in the app', () => {
  it('ticket expiry on a password profile: one fresh login, polling never goes stale', async () => {
    const page = rig.page;
    await page.getByTestId('nav-clusters').click();
    await addProfile(page, {
      name: 'Root',
      host: `127.0.0.1:${rig.sim.port}`,
      user: { username: 'root', realm: 'pam' },
      secret: DEFAULT_ROOT_PASSWORD,
    });
    await connectTrusting(page, 'Root');
    await backFromInventory(page);
    await card(page, 'Root').getByTestId('connection-summary').waitFor();
    await openInventory(page);
    const logins = logged(rig.sim, 'POST', '/access/ticket');
    const polls = logged(rig.sim, 'GET', RESOURCES);
    clock += TICKET_LIFETIME_MS + 3600_000; // the simulator now refuses the ticket as PVE does after 2 h
    await expect.poll(() => logged(rig.sim, 'POST', '/access/ticket'), { timeout: 15_000 }).toBe(logins + 1);
    await expect
      .poll(() => logged(rig.sim, 'GET', RESOURCES), { timeout: 15_000 })
      .toBeGreaterThan(polls + 4);
    expect(logged(rig.sim, 'POST', '/access/ticket')).toBe(logins + 1);
    expect(await page.getByTestId('stale-banner').count()).toBe(0);
    await page.getByTestId('nav-clusters').click();
    await card(page, 'Root').getByTestId('disconnect').click();
    await card(page, 'Root').getByTestId('connect').waitFor();
    await openInventory(page);
    report.record('ticket expiry', 'clock +3 h: 1 fresh login, every poll succeeded, no stale banner');
  });

  it('TLS certificate swapped: pin-mismatch warning, no blind retries, re-trust recovers', async () => {
    const page = rig.page;
    const newFingerprint = await rig.sim.swapCertificate();
    const text = await waitStale(page, NAME, 'tls_pin_mismatch');
    expect(text).toMatch(/updates stopped/);
    const polls = logged(rig.sim, 'GET', RESOURCES);
    const events = staleEvents('tls_pin_mismatch');
    await quietPeriod();
    expect(logged(rig.sim, 'GET', RESOURCES)).toBe(polls); // nothing reached the server ...
    expect(staleEvents('tls_pin_mismatch')).toBe(events); // ... and the poller did not even try again
    const navMs = await navStillWorks(page);
    await staleLine(page, NAME).getByTestId('stale-reconnect').click();
    const warning = card(page, NAME).getByTestId('pin-mismatch');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(newFingerprint);
    await warning.getByTestId('retrust-confirm').check();
    await warning.getByTestId('retrust').click();
    await backFromInventory(page);
    await card(page, NAME).getByTestId('connection-summary').waitFor();
    expect(await card(page, NAME).getByTestId('summary-fingerprint').textContent()).toBe(newFingerprint);
    await openInventory(page);
    await waitFresh(page);
    await expect.poll(() => logged(rig.sim, 'GET', RESOURCES), { timeout: 15_000 }).toBeGreaterThan(polls);
    report.record(
      'TLS certificate swapped',
      `tls_pin_mismatch, banner "updates stopped", 0 requests and 1 attempt in ${QUIET_MS} ms, nav ${navMs} ms; re-trust → fresh`,
    );
  });

  it('token revoked mid-session: 401 stops polling, Reconnect shows the auth error, a new secret recovers', async () => {
    const page = rig.page;
    rig.sim.faults.set({ revokeToken: OPS_TOKEN });
    const text = await waitStale(page, NAME, 'auth_failed');
    expect(text).toMatch(/updates stopped/);
    const polls = logged(rig.sim, 'GET', RESOURCES);
    await quietPeriod();
    expect(logged(rig.sim, 'GET', RESOURCES)).toBe(polls);
    const navMs = await navStillWorks(page);
    await openInventory(page);
    await staleLine(page, NAME).getByTestId('stale-reconnect').click();
    const error = card(page, NAME).getByTestId('connect-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('auth_failed');
    // the user's way out: put another token into the same profile and connect, no restart
    await card(page, NAME).getByTestId('edit-profile').click();
    await page.getByTestId('profile-form').getByTestId('secret-replace').click();
    const other = 'OpenVLE@pve!prod01';
    await fillProfileForm(page, {
      name: NAME,
      host: `127.0.0.1:${rig.sim.port}`,
      tokenId: other,
      secret: DEMO_TOKENS[other]!,
    });
    await page.getByTestId('profile-form').waitFor({ state: 'detached' });
    await card(page, NAME).getByTestId('connect').click();
    await backFromInventory(page);
    await card(page, NAME).getByTestId('connection-summary').waitFor();
    await openInventory(page);
    await waitFresh(page);
    report.record(
      'token revoked mid-session',
      `auth_failed (401), polling stopped (0 requests in ${QUIET_MS} ms), Reconnect → auth error; new secret → fresh, nav ${navMs} ms`,
    );
    expect(rig.app.pageErrors).toEqual([]);
  });
});
