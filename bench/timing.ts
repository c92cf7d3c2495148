// Timing helpers of the benchmark: full GC between runs, CPU time of this process, paired and best-of runs.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** V8's gc() without a command-line flag (npm run bench runs plain tsx). */
export function fullGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
}

/** Milliseconds `fn` took on the wall clock. */
export function wallMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/**
 * CPU milliseconds (user + system) this process spent in `fn`: on a shared machine wall-clock time mostly measures
 * the scheduler, CPU time what the work costs (V8's parallel GC helpers included, as they are in real use).
 */
export function cpuMs(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

export interface Paired {
  baseMs: number;
  otherMs: number;
  /** median of the per-pair ratios */
  ratio: number;
}

/**
 * Runs `base` and `other` alternately, so both see the same state of a shared machine; the ratio is the median of
 * the per-pair ratios, far steadier than a ratio of two medians taken minutes apart. Before each timed call: a full
 * GC (neither side pays for the other's garbage), then a pause so V8's background sweeping of that GC is over and
 * not billed to the call.
 */
export async function paired(
  runs: number,
  base: () => void,
  other: () => void,
  /** untimed set-up before each timed call of `other` (fresh state for work that changes it in place) */
  prepare: () => void = () => undefined,
): Promise<Paired> {
  const gc = fullGc();
  const settle = async (): Promise<void> => {
    gc();
    await new Promise((r) => setTimeout(r, 25));
  };
  for (let i = 0; i < 3; i++) {
    base();
    prepare();
    other();
  }
  const b: number[] = [];
  const o: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    await settle();
    const bt = cpuMs(base);
    prepare();
    await settle();
    const ot = cpuMs(other);
    b.push(bt);
    o.push(ot);
    r.push(ot / bt);
  }
  return { baseMs: median(b), otherMs: median(o), ratio: median(r) };
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}
