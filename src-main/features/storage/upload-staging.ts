// Staged uploads: the renderer sends a file in ordered base64 chunks into a private temp file in main; the upload
// plan later streams that file to PVE. Files are removed once uploaded, when the app closes, or after a day.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
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
      const id = randomBytes(16).toString('hex');
      const path = join(await dirOnce(), id);
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
      const fh = await open(s.path, 'a');
      try {
        await fh.write(data);
      } finally {
        await fh.close();
      }
      s.received += data.length;
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
      if (dir) await rm(await dir, { recursive: true, force: true });
    },
  };
}
