// e2e (issue #4): a new user adds a token profile for the simulator, checks and trusts its fingerprint, connects and
// sees what the simulator reports; a changed certificate is blocked until re-trusted; a wrong secret, the privsep
// token without ACLs and a TOTP account each get their own explanation. Needs a real Secret Service (see TOOLCHAIN).
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../pve-sim/index.js';
import { DEMO_PASSWORDS, DEMO_TOKENS, DEMO_TOTP_SECRET, DEMO_TOTP_USER } from '../pve-sim/rbac/index.js';
import { addProfile, card, deleteProfile, simIdentity } from './connect-support.js';
import { connectTrusting as connectTrustingIn, backFromInventory } from './harness/connect-ui.js';
import { startApp, type StartedApp } from './harness/start-app.js';

/** PVEAuditor on /: may read /cluster/status, so the cluster name is visible to it */
const AUDITOR = 'auditor@pve!ro';
const NOACL = 'empty@pve!noacl';

let sim: RunningSim;
let app: StartedApp;
let host: string;
const page = (): Page => app.page;

function demoToken(id: string): string {
  const secret = DEMO_TOKENS[id];
  if (!secret) throw new Error(`no demo token ${id}`);
  return secret;
}

const connectTrusting = (name: string): Promise<void> => connectTrustingIn(page(), name);

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 12, seed: 4, controlPort: false });
  host = `127.0.0.1:${sim.port}`;
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

describe('connect screen against the simulator', () => {
  it('greets a new user with the add form on the Clusters view', async () => {
    await page().getByTestId('view-clusters').waitFor();
    await page().getByTestId('profile-form').waitFor();
    expect(await page().getByTestId('profile-card').count()).toBe(0);
  });

  it('adds a token profile, shows the fingerprint, trusts it, connects and shows the cluster name and version', async () => {
    const expected = await simIdentity(sim, AUDITOR, demoToken(AUDITOR));
    const c = await addProfile(page(), {
      name: 'Lab',
      host,
      tokenId: AUDITOR,
      secret: demoToken(AUDITOR),
      color: '#aa3300',
    });
    expect(await c.getByTestId('connection-state').textContent()).toBe('not connected');
    await c.getByTestId('badge-unpinned').waitFor();

    await c.getByTestId('connect').click();
    await c.getByTestId('trust-certificate').waitFor();
    expect(await c.getByTestId('fingerprint-presented').textContent()).toBe(sim.fingerprint);
    expect(await c.getAttribute('data-state')).toBe('failed');

    // A pasted fingerprint that differs trusts nothing.
    await c
      .getByTestId('fingerprint-paste')
      .fill(sim.fingerprint.replace(/^../, sim.fingerprint.startsWith('00') ? '11' : '00'));
    await c.getByTestId('fingerprint-compare').click();
    await c.getByTestId('fingerprint-differs').waitFor();
    expect(await c.getByTestId('connection-summary').count()).toBe(0);

    await c.getByTestId('trust').click();
    await backFromInventory(page());
    await c.getByTestId('connection-summary').waitFor();
    expect(await c.getByTestId('summary-version').textContent()).toBe(expected.version);
    expect(await c.getByTestId('summary-cluster').textContent()).toBe(expected.cluster);
    expect(await c.getByTestId('summary-identity').textContent()).toBe(AUDITOR);
    expect(await c.getByTestId('summary-fingerprint').textContent()).toBe(sim.fingerprint);
    expect(await c.getByTestId('summary-nodes').textContent()).toContain(
      String(sim.cluster.control.summary().nodes.length),
    );
    await expect.poll(() => c.getAttribute('data-state')).toBe('connected');
    expect(await c.getByTestId('badge-unpinned').count()).toBe(0);
    expect(await page().getByTestId('connected-chip').count()).toBe(1);
  });

  it('never shows the stored secret: the edit form offers only to replace it', async () => {
    const c = card(page(), 'Lab');
    await c.getByTestId('edit-profile').click();
    await c.getByTestId('secret-stored').waitFor();
    expect(await c.getByTestId('secret-stored').textContent()).toContain('secret stored in the OS keychain');
    expect(await c.getByTestId('profile-secret').count()).toBe(0);
    expect(await page().content()).not.toContain(demoToken(AUDITOR));
    await c.getByTestId('profile-cancel').click();
  });

  it('blocks a changed certificate with both fingerprints, and connects again after an explicit re-trust', async () => {
    const c = card(page(), 'Lab');
    const before = sim.fingerprint;
    await c.getByTestId('disconnect').click();
    await expect.poll(() => c.getAttribute('data-state')).toBe('disconnected');
    const after = await sim.swapCertificate();
    expect(after).not.toBe(before);

    await c.getByTestId('connect').click();
    await c.getByTestId('pin-mismatch').waitFor();
    expect(await c.getByTestId('fingerprint-expected').textContent()).toBe(before);
    expect(await c.getByTestId('fingerprint-presented').textContent()).toBe(after);
    expect(await c.getAttribute('data-state')).toBe('failed');
    expect(await c.getByTestId('connection-summary').count()).toBe(0);
    expect(await c.getByTestId('retrust').isDisabled()).toBe(true);

    await c.getByTestId('retrust-confirm').check();
    await c.getByTestId('retrust').click();
    await backFromInventory(page());
    await c.getByTestId('connection-summary').waitFor();
    expect(await c.getByTestId('summary-fingerprint').textContent()).toBe(after);
    await expect.poll(() => c.getAttribute('data-state')).toBe('connected');
  });

  it('says authentication failed for a wrong secret', async () => {
    const c = await addProfile(page(), {
      name: 'Wrong',
      host,
      tokenId: AUDITOR,
      secret: 'not-the-right-secret',
    });
    await connectTrusting('Wrong');
    const error = c.getByTestId('connect-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('auth_failed');
    expect(await c.getByTestId('connect-error-title').textContent()).toBe('Authentication failed');
    expect(await c.getAttribute('data-state')).toBe('failed');
  });

  it('explains the empty cluster a privilege-separated token without ACLs sees', async () => {
    const c = await addProfile(page(), {
      name: 'No ACL',
      host,
      tokenId: NOACL,
      secret: demoToken(NOACL),
      color: '#117733',
    });
    await c.getByTestId('connect').click();
    // This time the pasted fingerprint matches, which trusts it.
    await c.getByTestId('fingerprint-paste').fill(sim.fingerprint.replace(/:/g, '').toLowerCase());
    await c.getByTestId('fingerprint-compare').click();
    const warning = c.getByTestId('empty-cluster-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Privilege Separation');
    expect(await c.getByTestId('empty-cluster-fix').textContent()).toContain(NOACL);
    expect(await c.getByTestId('summary-guests').textContent()).toBe('0');
    expect(await card(page(), 'Lab').getByTestId('empty-cluster-warning').count()).toBe(0);
  });

  it('asks for the TOTP code of a second-factor account and connects with it', async () => {
    const [username, realm] = DEMO_TOTP_USER.split('@') as [string, string];
    const password = DEMO_PASSWORDS[DEMO_TOTP_USER] ?? '';
    const c = await addProfile(page(), {
      name: 'Second factor',
      host,
      user: { username, realm },
      secret: password,
    });
    await connectTrusting('Second factor');
    await c.getByTestId('totp-prompt').waitFor();
    expect(await c.getByTestId('connect-error').getAttribute('data-code')).toBe('tfa_required');
    const code = new TOTP({ secret: Secret.fromBase32(DEMO_TOTP_SECRET) }).generate();
    await c.getByTestId('totp-code').fill(code);
    await c.getByTestId('totp-submit').click();
    await backFromInventory(page());
    await c.getByTestId('connection-summary').waitFor();
    expect(await c.getByTestId('summary-identity').textContent()).toBe(DEMO_TOTP_USER);
  });

  it('keeps several clusters connected at once, each with its colour', async () => {
    await expect.poll(() => page().getByTestId('connected-chip').count()).toBe(3);
    const colours = await page()
      .getByTestId('connected-chip')
      .evaluateAll((chips) => chips.map((chip) => getComputedStyle(chip).borderTopColor));
    expect(colours).toContain('rgb(170, 51, 0)');
    expect(colours).toContain('rgb(17, 119, 51)');
  });

  it('deletes profiles, and the deleted ones stay gone after a reload', async () => {
    for (const name of ['Wrong', 'No ACL', 'Second factor', 'Lab']) {
      await deleteProfile(page(), name);
    }
    await page().reload();
    await page().getByTestId('profile-form').waitFor();
    expect(await page().getByTestId('profile-card').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });
});
