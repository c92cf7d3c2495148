// The quick bench (part of npm test) catches a 3× slower normalise: run with PROXDECK_BENCH_SLOWDOWN=normalise:3 it
// must exit 1 naming normalise, while its plain run passes. Performance itself is measured only by the bench.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LastLine = z.object({
  mode: z.literal('quick'),
  gross: z.array(z.string()),
  normalise_vs_parse: z.number(),
  goals: z.record(z.string(), z.number()),
});

function quickBench(
  env: Record<string, string>,
): Promise<{ code: number | null; last: z.infer<typeof LastLine> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/run.ts'), '--quick'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const lines = out.trim().split('\n');
      resolve({ code, last: LastLine.parse(JSON.parse(lines[lines.length - 1] ?? '')) });
    });
  });
}

describe('npm run bench -- --quick', () => {
  it('fails when normalise is made three times slower, and names the figure', async () => {
    const slow = await quickBench({ PROXDECK_BENCH_SLOWDOWN: 'normalise:3' });
    expect(slow.last.gross).toContain('normalise_vs_parse');
    expect(slow.last.normalise_vs_parse).toBeGreaterThan(2 * slow.last.goals.normalise_vs_parse!);
    expect(slow.code).toBe(1);
  }, 180_000);

  it('refuses a slowdown it does not understand instead of measuring something else', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/run.ts'), '--quick'], {
      cwd: root,
      env: { ...process.env, PROXDECK_BENCH_SLOWDOWN: 'parse:3' },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
  }, 180_000);
});
