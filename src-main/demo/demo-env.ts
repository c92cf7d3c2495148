// The demo cluster hand-off: `npm run demo` starts the simulator and passes its address, pin and
// throwaway credentials to the app in a 0600 file named by PROXDECK_DEMO_FILE (never in the environment, which
// /proc/PID/environ shows); the app reads it once, deletes it, and seeds ready profiles from it.
// Only ever used with the local simulator: the secrets it carries open nothing real.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

export const DEMO_FILE_ENV = 'PROXDECK_DEMO_FILE';

/** Reads and deletes the file PROXDECK_DEMO_FILE names; a malformed file is an error, not silently ignored. */
export async function readDemoEnv(env: Record<string, string | undefined>): Promise<DemoSetup | undefined> {
  const file = env[DEMO_FILE_ENV];
  if (!file) return undefined;
  try {
    return DemoSetup.parse(JSON.parse(await readFile(file, 'utf8')));
  } finally {
    await rm(file, { force: true });
  }
}

/** Writes the hand-off file readable by this user only (0600, in a fresh 0700 directory); answers its path. */
export async function writeDemoFile(dir: string, demo: DemoSetup): Promise<string> {
  const file = join(dir, 'demo.json');
  await writeFile(file, JSON.stringify(demo), { mode: 0o600, flag: 'wx' });
  return file;
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
      // the pin is the simulator's own, handed over by the process that started it
      { trustedPin: true },
    );
  }
}
