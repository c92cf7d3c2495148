// Staged uploads: the renderer sends a file in ordered base64 chunks into a private temp file in main; the upload
// plan later streams that file to PVE. Files are removed once uploaded, when the app closes, or after a day.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, stat, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../../../src-shared/ipc/errors.js';

interface Staged {
  path: string;
  filename: string;
  size: number;
  received: number;
  createdAt: number;
}

export interface UploadStaging {
  create(filename: string, size: number): Promise<string>;
  append(stageId: string, offset: number, data: Buffer): Promise<number>;
  /** the complete staged file; refuses while bytes are missing */
  complete(stageId: string): Promise<{ path: string; filename: string; size: number }>;
  remove(stageId: string): Promise<void>;
  dispose(): Promise<void>;
}

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Staging never fills the disk: this much stays free besides everything already announced. */
export const FREE_SPACE_MARGIN = 1024 * 1024 * 1024;

/** Bytes the current user may still write on the file system of `dir`. */
async function freeBytes(dir: string): Promise<number> {
  const fs = await statfs(dir);
  return fs.bavail * fs.bsize;
}

export function createUploadStaging(): UploadStaging {
  const staged = new Map<string, Staged>();
  let dir: Promise<string> | undefined;
  const dirOnce = (): Promise<string> => (dir ??= mkdtemp(join(tmpdir(), 'proxdeck-upload-')));

  function get(stageId: string): Staged {
    const s = staged.get(stageId);
    if (!s) throw new AppFailure('not_found', 'This upload is unknown or expired: choose the file again');
    return s;
  }

  async function remove(stageId: string): Promise<void> {
    const s = staged.get(stageId);
    staged.delete(stageId);
    if (s) await rm(s.path, { force: true });
  }

  return {
    async create(filename, size) {
      const now = Date.now();
      for (const [id, s] of staged) if (now - s.createdAt > MAX_AGE_MS) await remove(id);
      const folder = await dirOnce();
      // Announced bytes still to come count as used: many large stages must not together overrun the disk.
      const announced = [...staged.values()].reduce((sum, x) => sum + (x.size - x.received), 0);
      const free = await freeBytes(folder);
      if (size + announced > free - FREE_SPACE_MARGIN)
        throw new AppFailure(
          'bad_parameter',
          `Not enough free disk space to stage this file (${Math.max(0, free - FREE_SPACE_MARGIN - announced)} bytes available)`,
        );
      const id = randomBytes(16).toString('hex');
      const path = join(folder, id);
      await (await open(path, 'wx', 0o600)).close();
      staged.set(id, { path, filename, size, received: 0, createdAt: now });
      return id;
    },
    async append(stageId, offset, data) {
      const s = get(stageId);
      if (offset !== s.received)
        throw new AppFailure('bad_parameter', `Chunk at ${offset} but ${s.received} bytes received so far`);
      if (s.received + data.length > s.size)
        throw new AppFailure('bad_parameter', 'More bytes than announced');
      // Claimed before the first await: a second chunk for the same offset is refused, never written twice.
      const at = s.received;
      s.received += data.length;
      try {
        const fh = await open(s.path, 'r+');
        try {
          await fh.write(data, 0, data.length, at);
        } finally {
          await fh.close();
        }
      } catch (err) {
        // The file no longer matches what was claimed: this stage cannot be trusted any more.
        await remove(stageId);
        throw err;
      }
      return s.received;
    },
    async complete(stageId) {
      const s = get(stageId);
      if (s.received !== s.size || (await stat(s.path)).size !== s.size)
        throw new AppFailure(
          'bad_parameter',
          `The file is not complete: ${s.received} of ${s.size} bytes received`,
        );
      return { path: s.path, filename: s.filename, size: s.size };
    },
    remove,
    async dispose() {
      await Promise.all([...staged.keys()].map((id) => remove(id)));
      const folder = dir;
      dir = undefined;
      if (folder) await rm(await folder, { recursive: true, force: true });
    },
  };
}
