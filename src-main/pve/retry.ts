// Bounded retries with exponential backoff and jitter, for idempotent GETs only (never mutations).
export interface RetryPolicy {
  /** total tries, including the first */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 };

export function backoffDelay(
  policy: RetryPolicy,
  retryIndex: number,
  random: () => number = Math.random,
): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  // Half fixed, half jitter: spreads clients that failed together without ever waiting zero.
  return Math.round(exp / 2 + (exp / 2) * random());
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(
  run: (attempt: number) => Promise<T>,
  shouldRetry: (err: unknown) => boolean,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(attempt);
    } catch (err) {
      if (attempt + 1 >= policy.attempts || !shouldRetry(err) || signal?.aborted) throw err;
      await delay(backoffDelay(policy, attempt), signal);
    }
  }
}
