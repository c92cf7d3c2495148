// Builds a PveClient for a profile: its auth kind, its pin (or CA trust), the secret from the keychain.
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { Profile } from '../../../src-shared/model/profile.js';
import { ticketAuth, tokenAuth, type AuthProvider } from '../../pve/auth.js';
import { PveClient } from '../../pve/client.js';
import type { RetryPolicy } from '../../pve/retry.js';

export interface ClientSettings {
  /** extra CA certificates (PEM) trusted besides the system store */
  extraCa?: string[];
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** clock for ticket renewal decisions */
  now?: () => number;
}

export function authFor(
  profile: Profile,
  secret: string,
  otp: string | undefined,
  now?: () => number,
): AuthProvider {
  if (profile.auth.kind === 'token') return tokenAuth(profile.auth.tokenId, secret);
  return ticketAuth({
    userid: `${profile.auth.username}@${profile.auth.realm}`,
    password: secret,
    ...(otp ? { otp: () => otp } : {}),
    ...(now ? { now } : {}),
  });
}

export function buildClient(
  profile: Profile,
  secret: string | undefined,
  otp: string | undefined,
  settings: ClientSettings,
): PveClient {
  if (secret === undefined) {
    const what = profile.auth.kind === 'token' ? 'token secret' : 'password';
    throw new AppFailure(
      'auth_failed',
      `No ${what} is stored for "${profile.name}": edit the profile and enter it`,
    );
  }
  return new PveClient({
    host: profile.host,
    port: profile.port,
    auth: authFor(profile, secret, otp, settings.now),
    trust: {
      ...(profile.pinnedFingerprint ? { pin: profile.pinnedFingerprint } : {}),
      ...(settings.extraCa ? { extraCa: settings.extraCa } : {}),
    },
    ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
    ...(settings.retry ? { retry: settings.retry } : {}),
  });
}
