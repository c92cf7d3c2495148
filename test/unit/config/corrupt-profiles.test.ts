// profiles.json damaged on disk in many ways → the app still starts, reports the problem, keeps the
// broken file byte for byte as a backup, and never writes over it (not even on the next save).
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src-main/app-services.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';

const DAMAGE: Array<[string, string | Buffer]> = [
  ['truncated JSON', '{"version":1,"profiles":[{"id":"a","name":"x"'],
  ['empty file', ''],
  ['binary garbage', Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x01, 0x02])],
  ['a future version', '{"version":2,"profiles":[]}'],
  [
    'a profile missing its host',
    '{"version":1,"profiles":[{"id":"a","name":"x","auth":{"kind":"token","tokenId":"a@pve!tok"}}]}',
  ],
  ['a prototype-pollution payload', '{"version":1,"profiles":{"__proto__":{"polluted":"yes"}}}'],
  ['an array instead of an object', '[1,2,3]'],
];

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe('corrupt profiles.json', () => {
  it.each(DAMAGE)(
    '%s: starts, reports, keeps the original as a backup, never overwrites it',
    async (_label, content) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'proxdeck-config-'));
      dirs.push(dir);
      await writeFile(path.join(dir, 'profiles.json'), content);
      const services = await createAppServices({
        configDir: dir,
        host: 'web',
        secrets: createMemorySecretStore(),
        env: {},
      });
      try {
        const listed = await services.dispatcher.dispatch('profiles.list', {}, { host: 'web' });
        expect(listed.ok).toBe(true);
        const value = (listed as { ok: true; value: { profiles: unknown[]; loadProblem?: string } }).value;
        expect(value.profiles).toEqual([]);
        expect(value.loadProblem).toMatch(/profiles\.json .*kept as .*profiles\.json\.corrupt-/);
        const backups = (await readdir(dir)).filter((f) => f.startsWith('profiles.json.corrupt-'));
        expect(backups).toHaveLength(1);
        const backup = path.join(dir, backups[0]!);
        expect(Buffer.compare(await readFile(backup), Buffer.from(content))).toBe(0);
        // A save afterwards writes a fresh profiles.json; the backup stays exactly as it was.
        const saved = await services.dispatcher.dispatch(
          'profiles.save',
          { profile: { name: 'new', host: '127.0.0.1:8006', auth: { kind: 'token', tokenId: 'a@pve!tok' } } },
          { host: 'web' },
        );
        expect(saved.ok).toBe(true);
        expect(Buffer.compare(await readFile(backup), Buffer.from(content))).toBe(0);
        expect(JSON.parse(await readFile(path.join(dir, 'profiles.json'), 'utf8')).profiles).toHaveLength(1);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      } finally {
        await services.dispose();
      }
    },
  );

  it('a second start after a corrupt one keeps both backups apart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'proxdeck-config-'));
    dirs.push(dir);
    let tick = 0;
    for (const content of ['{broken', '{also broken']) {
      await writeFile(path.join(dir, 'profiles.json'), content);
      const { openProfileStore } = await import('../../../src-main/features/profiles/profile-store.js');
      await openProfileStore({
        configDir: dir,
        secrets: createMemorySecretStore(),
        now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
      });
    }
    const backups = (await readdir(dir)).filter((f) => f.startsWith('profiles.json.corrupt-')).sort();
    expect(backups).toHaveLength(2);
    expect(await readFile(path.join(dir, backups[0]!), 'utf8')).toBe('{broken');
    expect(await readFile(path.join(dir, backups[1]!), 'utf8')).toBe('{also broken');
  });
});
