// The benchmark's output: a table on stdout, docs/benchmarks.md, and one last JSON line with every figure and goal.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  /** an upper bound: the figure meets it when value ≤ goal */
  goal?: number;
}

export const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;
const shown = (f: Figure): string => `${round(f.value, f.value < 1 ? 4 : 2)} ${f.unit}`;
const verdict = (f: Figure): string => (f.goal === undefined ? '' : f.value <= f.goal ? 'ok' : 'MISSED');

export function commitId(root: string): string {
  try {
    const id = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${id} (with uncommitted changes)` : id;
  } catch {
    return 'unknown';
  }
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function table(title: string, figures: Figure[]): string {
  const width = Math.max(...figures.map((x) => x.label.length));
  const lines = [title, '', `${'figure'.padEnd(width)}  ${'value'.padStart(14)}  goal`];
  for (const f of figures)
    lines.push(
      `${f.label.padEnd(width)}  ${shown(f).padStart(14)}  ${f.goal === undefined ? '' : `≤ ${f.goal}  ${verdict(f)}`}`,
    );
  return lines.join('\n');
}

/** One object: every figure, then `goals` with the goal of each figure that has one. */
export function jsonLine(figures: Figure[], extra: Record<string, unknown>): string {
  const out: Record<string, unknown> = { ...extra };
  for (const f of figures) out[f.key] = round(f.value, 4);
  out.goals = Object.fromEntries(figures.filter((f) => f.goal !== undefined).map((f) => [f.key, f.goal]));
  out.missed = figures.filter((f) => f.goal !== undefined && f.value > f.goal).map((f) => f.key);
  return JSON.stringify(out);
}

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.label} | ${shown(f)} | ${f.goal === undefined ? '' : `≤ ${f.goal}`} | ${verdict(f).toLowerCase()} |`,
  );
  return ['| figure | value | goal | |', '|---|---|---|---|', ...rows].join('\n');
}
