// Decides whether a WebSocket upgrade may reach the contract: right secret, own Origin, own Host.
// A web page in the user's browser can open ws://127.0.0.1:PORT, so every check must pass before anything is answered.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const IPC_PATH = '/ipc';
export const SECRET_PARAM = 'secret';

/** 32 random bytes, base64url: the per-launch secret printed in the web host's URL fragment. */
export function createLaunchSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal so length leaks nothing either. */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export type UpgradeRefusal = 'wrong_path' | 'bad_host' | 'bad_origin' | 'bad_secret';

export function checkUpgrade(
  req: IncomingMessage,
  expected: { secret: string; origin: string; hostHeader: string },
): UpgradeRefusal | undefined {
  const url = new URL(req.url ?? '/', expected.origin);
  if (url.pathname !== IPC_PATH) return 'wrong_path';
  // Host guards against DNS rebinding, Origin against cross-site WebSocket hijacking.
  if (req.headers.host !== expected.hostHeader) return 'bad_host';
  if (req.headers.origin !== expected.origin) return 'bad_origin';
  const secrets = url.searchParams.getAll(SECRET_PARAM);
  if (secrets.length !== 1 || !secretsMatch(secrets[0] ?? '', expected.secret)) return 'bad_secret';
  return undefined;
}
