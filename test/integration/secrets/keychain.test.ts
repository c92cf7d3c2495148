// The keychain against a real Secret Service (gnome-keyring under dbus-run-session): set, has, delete.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeychain } from '../../../src-main/secrets/keychain.js';
import { redact } from '../../../src-main/secrets/redact.js';

describe('OS keychain', () => {
  it('needs a real Secret Service (run under dbus-run-session with gnome-keyring unlocked)', () => {
    expect(
      process.env.DBUS_SESSION_BUS_ADDRESS,
      'No D-Bus session: run the suite as `dbus-run-session -- bash -c \'eval "$(echo ci-password | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL; npm test\'`',
    ).toBeTruthy();
  });

  it('stores, checks, reads and deletes a secret', async () => {
    const keychain = createKeychain('proxdeck-test');
    const account = `profile:${randomUUID()}`;
    const secret = `marker-${randomUUID()}`;
    expect(await keychain.has(account)).toBe(false);
    await keychain.set(account, secret);
    expect(await keychain.has(account)).toBe(true);
    expect(await keychain.read(account)).toBe(secret);
    expect(redact(`Authorization: PVEAPIToken=a@pve!t=${secret}`)).not.toContain(secret);
    expect(await keychain.delete(account)).toBe(true);
    expect(await keychain.has(account)).toBe(false);
    expect(await keychain.read(account)).toBeUndefined();
  });
});
