// A secret store that lives only in this process's memory: for the demo's throwaway simulator
// token and for tests of code that needs *a* store. Never used for a real cluster's secrets.
import type { SecretStore } from './keychain.js';
import { registerSecret } from './redact.js';

export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    async set(account, secret) {
      registerSecret(secret);
      secrets.set(account, secret);
    },
    async has(account) {
      return secrets.has(account);
    },
    async delete(account) {
      return secrets.delete(account);
    },
    async read(account) {
      return secrets.get(account);
    },
  };
}
