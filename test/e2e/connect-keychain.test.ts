// e2e: without an OS keychain (no D-Bus session) saving a profile with a secret is refused with a clear message,
// and nothing is written in plain text instead.
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillProfileForm } from './connect-support.js';
import { startApp, type StartedApp } from './harness/start-app.js';

const SECRET = 'keychain-less-secret-0b5e';
let app: StartedApp;

beforeAll(async () => {
  app = await startApp({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/proxdeck-no-bus' } });
});

afterAll(async () => {
  await app?.close();
});

describe('connect screen without a keychain', () => {
  it('refuses to store the secret and explains why', async () => {
    await app.page.getByTestId('profile-form').waitFor();
    await fillProfileForm(app.page, {
      name: 'Nowhere',
      host: '127.0.0.1:8006',
      tokenId: 'ops@pve!ops',
      secret: SECRET,
    });
    const error = app.page.getByTestId('profile-form').getByTestId('connect-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('keychain_unavailable');
    expect(await error.getByTestId('connect-error-title').textContent()).toBe(
      'The OS keychain is not available',
    );
    expect(await app.page.getByTestId('profile-card').count()).toBe(0);
    expect(await readdir(app.configDir)).not.toContain('profiles.json');
    expect(app.hostOutput()).not.toContain(SECRET);
  });
});
