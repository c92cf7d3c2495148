// Restore-verification results that outlive the app: one JSON line per finished verification in
// <config dir>/verify-results.jsonl, next to the audit log; read back (validated) to mark archives in the backup list.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const VerifyRecord = z.object({
  time: z.string(),
  profileId: z.string(),
  volid: z.string(),
  state: z.enum(['pass', 'fail']),
  scratchVmid: z.number().int(),
  detail: z.string().optional(),
});
export type VerifyRecord = z.infer<typeof VerifyRecord>;

export interface VerifyResults {
  readonly file: string;
  /** kept in memory at once (a list read right after sees it) and appended to the file */
  record(r: VerifyRecord): Promise<void>;
  /** the latest result per archive volid */
  latest(): Promise<Map<string, VerifyRecord>>;
}

export function createVerifyResults(configDir: string): VerifyResults {
  const file = join(configDir, 'verify-results.jsonl');
  let loaded: Promise<Map<string, VerifyRecord>> | undefined;
  let tail: Promise<void> = Promise.resolve();

  async function load(): Promise<Map<string, VerifyRecord>> {
    const out = new Map<string, VerifyRecord>();
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue; // a torn last line after a crash: skip it, keep the rest
      }
      const parsed = VerifyRecord.safeParse(json);
      if (parsed.success) out.set(parsed.data.volid, parsed.data);
    }
    return out;
  }

  const latest = (): Promise<Map<string, VerifyRecord>> => (loaded ??= load());

  return {
    file,
    async record(r) {
      const entry = VerifyRecord.parse(r);
      (await latest()).set(entry.volid, entry);
      tail = tail
        .catch(() => undefined)
        .then(async () => {
          await mkdir(configDir, { recursive: true });
          await appendFile(file, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600 });
        });
      await tail;
    },
    latest,
  };
}
