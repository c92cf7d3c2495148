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

export interface Paired {
  baseMs: number;
  otherMs: number;
  /** median of the per-pair ratios */
  ratio: number;
  /**
   * best (lowest) time of each side, ratioed: the run least disturbed by other processes. On a shared, loaded
   * machine this is the steady figure; the median of pairs is the one to quote from a quiet machine.
   */
  bestRatio: number;
}

/**
 * Runs `base` and `other` alternately, so both see the same load of a shared machine; the ratio is the median
 * of the per-pair ratios, which is far steadier than a ratio of two medians taken minutes apart.
 */
export function paired(runs: number, base: () => void, other: () => void): Paired {
  // A full GC before each timed call: otherwise one side pays for the garbage the other left behind.
  const settle = fullGc();
  for (let i = 0; i < 3; i++) {
    base();
    other();
  }
  const b: number[] = [];
  const o: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    settle();
    const bt = wallMs(base);
    settle();
    const ot = wallMs(other);
    b.push(bt);
    o.push(ot);
    r.push(ot / bt);
  }
  return {
    baseMs: median(b),
    otherMs: median(o),
    ratio: median(r),
    bestRatio: Math.min(...o) / Math.min(...b),
  };
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
