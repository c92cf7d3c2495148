// Builds a profile from PVE_HOST, PVE_TOKEN_ID, PVE_TOKEN_SECRET, the convention many PVE scripts use.
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { TokenId, splitHostPort, type ProfileView } from '../../../src-shared/model/profile.js';
import type { ProfileStore } from './profile-store.js';

export interface EnvProfile {
  host: string;
  port: number;
  tokenId: string;
  secret: string;
}

/** undefined when the variables are not set; AppFailure when they are set but unusable. */
export function readEnvProfile(env: Record<string, string | undefined>): EnvProfile | undefined {
  const host = env.PVE_HOST?.trim();
  const tokenId = env.PVE_TOKEN_ID?.trim();
  const secret = env.PVE_TOKEN_SECRET?.trim();
  if (!host && !tokenId && !secret) return undefined;
  if (!host || !tokenId || !secret) {
    throw new AppFailure(
      'bad_request',
      'Set all three of PVE_HOST, PVE_TOKEN_ID and PVE_TOKEN_SECRET to import a profile',
    );
  }
  if (!TokenId.safeParse(tokenId).success) {
    throw new AppFailure('bad_request', 'PVE_TOKEN_ID must look like user@realm!tokenid', {
      PVE_TOKEN_ID: 'expected user@realm!tokenid',
    });
  }
  return { ...splitHostPort(host), tokenId, secret };
}

/** Creates the profile, or updates the one already pointing at the same host and token. */
export async function importEnvProfile(
  store: ProfileStore,
  env: Record<string, string | undefined>,
): Promise<ProfileView | null> {
  const found = readEnvProfile(env);
  if (!found) return null;
  const existing = (await store.list()).find(
    (p) =>
      p.host === found.host &&
      p.port === found.port &&
      p.auth.kind === 'token' &&
      p.auth.tokenId === found.tokenId,
  );
  const auth = { kind: 'token' as const, tokenId: found.tokenId };
  if (existing) {
    const { hasSecret: _ignored, ...profile } = existing;
    return store.save({ ...profile, auth }, found.secret);
  }
  return store.save(
    { name: `${found.host} (from environment)`, host: found.host, port: found.port, auth },
    found.secret,
  );
}
