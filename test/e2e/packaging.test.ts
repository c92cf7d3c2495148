// Packaging config: `npm run dist:check` passes on ours (including an offline --dir pack) and fails on a broken one.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './harness/web-host-process.js';

const run = promisify(execFile);
const script = path.join(PROJECT_ROOT, 'scripts/check-dist-config.mjs');

async function runCheck(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { cwd: PROJECT_ROOT });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('dist:check', () => {
  it('accepts electron-builder.yml and packs an unpacked Linux app with the built files', async () => {
    const { code, out } = await runCheck([]);
    expect(out).toContain('dist:check OK');
    expect(out).toMatch(/packed \d+ entries into app\.asar/);
    // electron-builder flipped the fuses in the packed binary: RunAsNode, NODE_OPTIONS, --inspect and file://
    // privileges off; cookie encryption, asar integrity and asar-only on.
    expect(out).toContain('fuse wire of the packed binary: 01001100');
    expect(code).toBe(0);
  }, 300_000);

  it('rejects a config missing the deb target and asar', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'proxdeck-bad-builder-'));
    try {
      const original = await readFile(path.join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8');
      const broken = original.replace('asar: true', 'asar: false').replace(/^\s+- deb\n/m, '');
      const bad = path.join(dir, 'electron-builder.yml');
      await writeFile(bad, broken);
      const { code, out } = await runCheck(['--config', bad, '--static']);
      expect(code).toBe(1);
      expect(out).toContain('FAIL: asar must be true');
      expect(out).toContain('FAIL: linux targets must be AppImage + deb');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
