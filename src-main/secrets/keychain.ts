// The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) via @napi-rs/keyring.
// The only module that touches stored secrets. Nothing here is exposed to the renderer.
import { AsyncEntry } from '@napi-rs/keyring';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import { registerSecret } from './redact.js';

export const KEYCHAIN_SERVICE = 'proxdeck';

export interface SecretStore {
  set(account: string, secret: string): Promise<void>;
  has(account: string): Promise<boolean>;
  /** true when something was deleted */
  delete(account: string): Promise<boolean>;
  /** main-process only: used to build the auth header of a connection */
  read(account: string): Promise<string | undefined>;
}

/** Maps keyring errors; the message never includes the secret. */
export function keychainFailure(err: unknown): AppFailure {
  const text = err instanceof Error ? err.message : String(err);
  if (/prompt was dismissed|locked|no result found/i.test(text)) {
    return new AppFailure(
      'keychain_unavailable',
      'The OS keychain is locked: unlock it (log in to your desktop session) and try again',
      {
        cause: text.slice(0, 200),
      },
    );
  }
  if (/Couldn't access platform storage|platform|dbus|D-Bus|Secret Service|collection/i.test(text)) {
    return new AppFailure(
      'keychain_unavailable',
      'No OS keychain is available (Secret Service/Keychain/Credential Manager); Proxdeck will not store secrets in plain text',
      { cause: text.slice(0, 200) },
    );
  }
  return new AppFailure('keychain_unavailable', 'The OS keychain refused the request', {
    cause: text.slice(0, 200),
  });
}

async function guarded<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw keychainFailure(err);
  }
}

export function createKeychain(service = KEYCHAIN_SERVICE): SecretStore {
  const entry = (account: string): AsyncEntry => new AsyncEntry(service, account);
  return {
    async set(account, secret) {
      registerSecret(secret);
      await guarded(() => entry(account).setPassword(secret));
      // Read back: some back ends accept a write they cannot keep (no collection).
      const back = await guarded(() => entry(account).getPassword());
      if (back !== secret)
        throw new AppFailure(
          'keychain_unavailable',
          'The OS keychain did not keep the secret; nothing was stored',
        );
    },
    async has(account) {
      return (await guarded(() => entry(account).getPassword())) !== null;
    },
    async delete(account) {
      return guarded(() => entry(account).deletePassword());
    },
    async read(account) {
      const value = await guarded(() => entry(account).getPassword());
      if (value === null) return undefined;
      registerSecret(value);
      return value;
    },
  };
}
