// `npm ci` must work where only the npm registry is reachable (no GitHub, no binary downloads):
// the lockfile may point nowhere else, and no dependency may run an install step we have not vetted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const LockEntry = z.object({
  version: z.string().optional(),
  resolved: z.string().optional(),
  hasInstallScript: z.boolean().optional(),
});
const Lock = z.object({ lockfileVersion: z.number(), packages: z.record(z.string(), LockEntry) });
const Manifest = z.object({
  allowScripts: z.record(z.string(), z.boolean()),
  dependencies: z.record(z.string(), z.string()),
  devDependencies: z.record(z.string(), z.string()),
});

const lock = Lock.parse(JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')));
const manifest = Manifest.parse(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')));
const entries = Object.entries(lock.packages).filter(([key]) => key !== '');

function nameOf(key: string): string {
  return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

describe('offline install', () => {
  it('resolves every package from the npm registry only (no git, tarball URLs or local paths)', () => {
    expect(entries.length).toBeGreaterThan(100);
    const elsewhere = entries
      .filter(([, v]) => v.resolved !== undefined && !v.resolved.startsWith('https://registry.npmjs.org/'))
      .map(([k, v]) => `${k} → ${v.resolved}`);
    expect(elsewhere).toEqual([]);
    const specs = { ...manifest.dependencies, ...manifest.devDependencies };
    const nonRegistry = Object.entries(specs).filter(([, spec]) =>
      /^(git|github:|file:|https?:|link:)/.test(spec),
    );
    expect(nonRegistry).toEqual([]);
  });

  it('runs no install script that package.json has not decided on', () => {
    const withScripts = entries.filter(([, v]) => v.hasInstallScript).map(([k]) => nameOf(k));
    const undecided = withScripts.filter((name) => !(name in manifest.allowScripts));
    expect(undecided).toEqual([]);
  });

  it('installs electron without a download step (Electron ≥ 42 fetches its binary on first start)', () => {
    const electron = lock.packages['node_modules/electron'];
    expect(electron?.version).toMatch(/^(4[2-9]|[5-9]\d)\./);
    expect(electron?.hasInstallScript ?? false).toBe(false);
  });
});
