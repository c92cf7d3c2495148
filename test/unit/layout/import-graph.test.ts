// The import graph of src-main, src-shared and src-renderer has no cycles, and core never imports a feature.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const CORE = ['plans', 'pve', 'ipc', 'pollers', 'secrets', 'web-host'].map((d) => `src-main/${d}/`);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** file (relative to the repo) -> the repo files it imports relatively */
function buildGraph(): Map<string, string[]> {
  const files = ['src-main', 'src-shared', 'src-renderer'].flatMap((d) => walk(join(root, d)));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec))
      .flatMap((p) => [p, p.replace(/\.js$/, '.ts'), p.replace(/\.js$/, '.tsx')].filter((c) => known.has(c)))
      .map((p) => relative(root, p));
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** every cycle found by a depth-first walk, each as the files around it */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return cycles;
}

describe('import graph', () => {
  const graph = buildGraph();

  it('reads the real graph', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('src-main/app-services.ts')).toContain('src-main/plans/ipc-handlers.ts');
  });

  it('has no import cycles', () => {
    expect(findCycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(findCycles(g)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });

  it('core (plans, pve, ipc, pollers, secrets, web-host) imports no feature', () => {
    const bad = [...graph]
      .filter(([file]) => CORE.some((c) => file.startsWith(c)))
      .flatMap(([file, deps]) =>
        deps.filter((d) => d.startsWith('src-main/features/')).map((d) => `${file} -> ${d}`),
      );
    expect(bad).toEqual([]);
  });
});
