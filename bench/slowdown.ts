// PROXDECK_BENCH_SLOWDOWN=normalise:3 makes the benchmark run normalise that many times per poll: the proof that the
// quick bench catches a regression. Read only here, by the bench harness; product code never sees it.
import { z } from 'zod';

const Slowdown = z
  .string()
  .regex(/^normalise:[1-9]\d?$/, 'expected normalise:N (N from 1 to 99)')
  .transform((v) => Number(v.split(':')[1]));

/** How many times the bench runs normalise per poll (1 unless the variable asks for more). */
export function normaliseRepeats(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PROXDECK_BENCH_SLOWDOWN;
  return raw === undefined || raw === '' ? 1 : Slowdown.parse(raw);
}

/**
 * Runs `fn` and then keeps the CPU busy until `repeats` times its duration has passed: normalise made N times
 * slower. (Running it N times would not do: the second and third passes find the records in the CPU caches.)
 */
export function stretched(repeats: number, fn: () => void): void {
  const start = performance.now();
  fn();
  if (repeats <= 1) return;
  const until = start + (performance.now() - start) * repeats;
  while (performance.now() < until) {
    // the injected slowdown
  }
}
