// Every path of the real schema routes back to its own template, with its variables extracted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSchemaPath, loadSchema } from '../../pve-sim/schema/load.js';

interface Node {
  path: string;
  info?: Record<string, unknown>;
  children?: Node[];
}

const tree = JSON.parse(readFileSync(defaultSchemaPath(), 'utf8')) as Node[];
const all: Node[] = [];
const walk = (n: Node): void => {
  all.push(n);
  n.children?.forEach(walk);
};
tree.forEach(walk);

describe('router over the whole schema', () => {
  const { router } = loadSchema();
  it('knows all 435 paths and 649 endpoints', () => {
    expect(all).toHaveLength(435);
    expect(all.reduce((n, p) => n + Object.keys(p.info ?? {}).length, 0)).toBe(649);
  });
  it('routes every concrete path to its template', () => {
    const wrong: string[] = [];
    for (const n of all) {
      const vars: Record<string, string> = {};
      const concrete = n.path.replace(
        /\{([^}]+)\}/g,
        (_m, name: string) => (vars[name] = `v-${name.length}x`),
      );
      const m = router.match(concrete);
      if (m?.template !== n.path || JSON.stringify(m.vars) !== JSON.stringify(vars)) wrong.push(n.path);
      if (Object.keys(m?.info ?? {}).join() !== Object.keys(n.info ?? {}).join())
        wrong.push(`${n.path} (methods)`);
    }
    expect(wrong).toEqual([]);
  });
  it('decodes percent-encoded segments (volume ids, user ids)', () => {
    const m = router.match('/nodes/pve1/storage/local/content/local%3Abackup%2Fvzdump-qemu-100.vma.zst');
    expect(m?.template).toBe('/nodes/{node}/storage/{storage}/content/{volume}');
    expect(m?.vars.volume).toBe('local:backup/vzdump-qemu-100.vma.zst');
    expect(router.match('/access/users/ops%40pve/token/ops')?.vars).toEqual({
      userid: 'ops@pve',
      tokenid: 'ops',
    });
  });
});
