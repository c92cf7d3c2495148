// Each feature has the same name in all three places, so a newcomer who knows one finds the other two.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURES } from './features.js';

const root = join(import.meta.dirname, '../../..');
const isDir = (p: string): boolean => existsSync(p) && statSync(p).isDirectory();

describe('feature layout', () => {
  it.each(FEATURES)('%s lives in channels/, src-main/features/ and src-renderer/features/', (name) => {
    expect(existsSync(join(root, 'src-shared/ipc/channels', `${name}.ts`)), 'shared channel file').toBe(true);
    expect(isDir(join(root, 'src-main/features', name)), 'main feature folder').toBe(true);
    expect(isDir(join(root, 'src-renderer/features', name)), 'renderer feature folder').toBe(true);
  });
});

describe('privilege files', () => {
  it('are named for features (src-shared/permissions/privileges/<feature>.ts, plus common.ts)', () => {
    const files = readdirSync(join(root, 'src-shared/permissions/privileges')).map((f) =>
      f.replace(/\.ts$/, ''),
    );
    const names: readonly string[] = FEATURES;
    expect(files.filter((f) => f !== 'common' && !names.includes(f))).toEqual([]);
  });
});
