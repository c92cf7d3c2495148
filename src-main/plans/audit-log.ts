// The local audit log: one JSON line per executed plan in <config dir>/audit.jsonl (append-only, never secrets).
import type { z } from 'zod';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEntry } from '../../src-shared/ipc/channels/audit.js';
import { redact } from '../secrets/redact.js';

/**
 * Parameter names that carry a secret are written as "[redacted]" whatever their value. Names of things are not
 * secrets: `tokens` (ACL token ids), `tokenid`, `keyboard`, `keephistory` stay readable.
 */
const SECRET_PARAM = /pass|secret|ticket|sshkeys|keyring|^(token|key|privkey|.*[-_](key|token))$/i;

export interface AuditLog {
  readonly file: string;
  append(entry: AuditEntryInput): Promise<void>;
  /** newest first; lines that do not parse are skipped */
  list(limit?: number): Promise<AuditEntry[]>;
  /** the whole log as JSON lines, oldest first */
  exportText(): Promise<string>;
}

export type AuditEntryInput = z.input<typeof AuditEntry>;

export function scrubParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      SECRET_PARAM.test(k) ? '[redacted]' : typeof v === 'string' ? redact(v) : v,
    ]),
  );
}

export function createAuditLog(configDir: string): AuditLog {
  const file = join(configDir, 'audit.jsonl');
  // Appends are chained so concurrent plans never interleave partial lines.
  let tail: Promise<void> = Promise.resolve();

  async function readAll(): Promise<AuditEntry[]> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = AuditEntry.safeParse(JSON.parse(line));
        if (parsed.success) out.push(parsed.data);
      } catch {
        // a torn line from a crash mid-write: skip it, keep the rest
      }
    }
    return out;
  }

  return {
    file,
    append(entry) {
      const safe = AuditEntry.parse({
        ...entry,
        calls: entry.calls.map((c) => ({ ...c, params: scrubParams(c.params) })),
      });
      const next = tail.then(async () => {
        await mkdir(configDir, { recursive: true });
        await appendFile(file, `${JSON.stringify(safe)}\n`, { mode: 0o600 });
      });
      tail = next.catch(() => undefined);
      return next;
    },
    async list(limit = 1000) {
      return (await readAll()).reverse().slice(0, limit);
    },
    async exportText() {
      return (await readAll()).map((e) => JSON.stringify(e)).join('\n') + '\n';
    },
  };
}
