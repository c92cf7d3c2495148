// The demo cluster hand-off: `npm run demo` starts the simulator and passes its address, pin and
// throwaway credentials to the app in PROXDECK_DEMO; the app seeds ready profiles from it.
// Only ever used with the local simulator: the secrets it carries open nothing real.
import { z } from 'zod';
import { Fingerprint, ProfileAuth } from '../../src-shared/model/profile.js';
import type { ProfileStore } from '../features/profiles/profile-store.js';

export const DemoProfile = z.object({
  name: z.string().min(1).max(100),
  auth: ProfileAuth,
  secret: z.string().min(1),
  readOnly: z.boolean().default(false),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

export const DemoSetup = z.object({
  host: z.literal('127.0.0.1'),
  port: z.number().int().min(1).max(65535),
  fingerprint: Fingerprint,
  profiles: z.array(DemoProfile).min(1).max(10),
});
export type DemoSetup = z.output<typeof DemoSetup>;

export const DEMO_ENV = 'PROXDECK_DEMO';

/** Reads PROXDECK_DEMO; a malformed value is an error, not silently ignored. */
export function readDemoEnv(env: Record<string, string | undefined>): DemoSetup | undefined {
  const raw = env[DEMO_ENV];
  if (!raw) return undefined;
  return DemoSetup.parse(JSON.parse(raw));
}

/** Creates (or refreshes) one profile per demo identity, pinned to the simulator's certificate. */
export async function seedDemoProfiles(store: ProfileStore, demo: DemoSetup): Promise<void> {
  for (const p of demo.profiles) {
    const id = `demo-${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 64);
    await store.save(
      {
        id,
        name: p.name,
        host: demo.host,
        port: demo.port,
        auth: p.auth,
        pinnedFingerprint: demo.fingerprint,
        color: p.color,
        readOnly: p.readOnly,
      },
      p.secret,
    );
  }
}
