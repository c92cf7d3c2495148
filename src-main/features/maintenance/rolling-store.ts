// The rolling reboots in progress, one per cluster profile, in <config dir>/rolling-reboot.json: zod-checked on load
// (a damaged file is set aside, not trusted), written atomically after every finished step so a restart resumes there.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RollingState } from '../../../src-shared/ipc/channels/maintenance.js';

const FileShape = z.object({ version: z.literal(1), rolls: z.record(z.string(), RollingState) });

export interface RollingStore {
  get(profileId: string): RollingState | undefined;
  put(state: RollingState): Promise<void>;
  remove(profileId: string): Promise<void>;
}

export async function openRollingStore(configDir: string): Promise<RollingStore> {
  const file = join(configDir, 'rolling-reboot.json');
  let rolls: Record<string, RollingState> = {};
  try {
    rolls = FileShape.parse(JSON.parse(await readFile(file, 'utf8'))).rolls;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      await rename(file, `${file}.invalid-${Date.now()}`).catch(() => undefined);
  }
  let writing = Promise.resolve();
  const save = (): Promise<void> => {
    const text = JSON.stringify({ version: 1, rolls }, null, 2);
    writing = writing.then(async () => {
      await mkdir(configDir, { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, file);
    });
    return writing;
  };
  return {
    // own keys only: a profile id like "__proto__" or "constructor" must not reach Object.prototype
    get: (id) => (Object.hasOwn(rolls, id) ? rolls[id] : undefined),
    put(state) {
      rolls = { ...rolls, [state.profileId]: RollingState.parse(state) };
      return save();
    },
    remove(id) {
      const { [id]: _gone, ...rest } = rolls;
      void _gone;
      rolls = rest;
      return save();
    },
  };
}
