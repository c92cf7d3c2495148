// First run without the Electron binary: the lookup fails quietly with a one-line reason (no stack, no download noise).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectron } from '../../scripts/launch-app.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'proxdeck-electron-'));
  await mkdir(path.join(dir, 'node_modules', 'electron'), { recursive: true });
  // what electron's index.js does when its lazy download fails: progress on stdout, then a throw
  await writeFile(
    path.join(dir, 'node_modules', 'electron', 'index.js'),
    "console.log('Downloading Electron binary...'); throw new Error('Electron failed to install correctly. Please delete node_modules/electron');",
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findElectron', () => {
  it('reports a failed download as one line, without the stack', () => {
    const found = findElectron(dir);
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.why).toBe('Electron failed to install correctly. Please delete node_modules/electron');
    expect(found.why).not.toMatch(/\n|\bat /);
  });

  it('returns the binary path when electron resolves', async () => {
    await writeFile(
      path.join(dir, 'node_modules', 'electron', 'index.js'),
      "module.exports = '/opt/electron/electron';",
    );
    expect(findElectron(dir)).toEqual({ ok: true, binary: '/opt/electron/electron' });
  });
});
