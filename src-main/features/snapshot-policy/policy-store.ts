// The saved snapshot policies in <config dir>/snapshot-policies.json: zod-checked on load (a damaged file is set
// aside, not trusted), written atomically on every change.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SnapshotPolicy, type PolicyRun } from '../../../src-shared/ipc/channels/snapshot-policy.js';

const FileShape = z.object({ version: z.literal(1), policies: z.array(SnapshotPolicy) });

export interface PolicyStore {
  all(): SnapshotPolicy[];
  of(profileId: string): SnapshotPolicy[];
  get(profileId: string, id: string): SnapshotPolicy | undefined;
  /** adds or replaces (same profile and id) */
  put(p: SnapshotPolicy): Promise<void>;
  recordRun(profileId: string, id: string, run: PolicyRun): Promise<void>;
  /** answers whether it was saved */
  remove(profileId: string, id: string): Promise<boolean>;
}

export async function openPolicyStore(configDir: string): Promise<PolicyStore> {
  const file = join(configDir, 'snapshot-policies.json');
  let policies: SnapshotPolicy[] = [];
  try {
    policies = FileShape.parse(JSON.parse(await readFile(file, 'utf8'))).policies;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      await rename(file, `${file}.invalid-${Date.now()}`).catch(() => undefined);
  }
  let writing = Promise.resolve();
  const save = (): Promise<void> => {
    const text = JSON.stringify({ version: 1, policies }, null, 2);
    writing = writing.then(async () => {
      await mkdir(configDir, { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, file);
    });
    return writing;
  };
  const same = (p: SnapshotPolicy, profileId: string, id: string): boolean =>
    p.profileId === profileId && p.id === id;
  return {
    all: () => policies,
    of: (profileId) => policies.filter((p) => p.profileId === profileId),
    get: (profileId, id) => policies.find((p) => same(p, profileId, id)),
    put(p) {
      const checked = SnapshotPolicy.parse(p);
      policies = [...policies.filter((q) => !same(q, p.profileId, p.id)), checked];
      return save();
    },
    async remove(profileId, id) {
      const kept = policies.filter((q) => !same(q, profileId, id));
      if (kept.length === policies.length) return false;
      policies = kept;
      await save();
      return true;
    },
    recordRun(profileId, id, run) {
      policies = policies.map((p) => (same(p, profileId, id) ? { ...p, lastRun: run } : p));
      return save();
    },
  };
}
