// One cluster's inventory poller: /cluster/resources on a chained timer, normalised, diffed, sent as deltas.
// Never overlaps (the next poll is scheduled only after the last one settled), backs off on errors,
// reads its interval every cycle so a hidden window slows it down at once.
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { InventoryDelta, InventorySnapshot, StaleInfo } from '../../../src-shared/model/inventory.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getClusterResourcesAnswer } from '../../pve/api/cluster.js';
import { backoffDelay } from '../../pve/retry.js';
import { diffApplied, isEmptyDiff } from './delta.js';
import { applyResources, mergeNodeDetails, onlineNodes, type RecordMap } from './normalise.js';
import { fetchNodeDetails, type NodeDetails } from './node-details.js';

export interface ResourcePollerOptions {
  clusterId: string;
  /** asked every cycle, so a reconnected profile's new client is picked up */
  caller: () => PveCaller;
  intervalMs: () => number;
  /** how often load average and version are re-read per node (default 30 s, like PVE's RRD refresh) */
  nodeDetailsEveryMs?: number;
  /** longest wait between attempts while failing (default 60 s) */
  maxBackoffMs?: number;
  onDelta(delta: InventoryDelta): void;
  onStale(info: StaleInfo): void;
  now?: () => number;
}

export interface ResourcePoller {
  snapshot(): InventorySnapshot;
  /** resolves once the first poll settled (with data or with an error) */
  ready(): Promise<void>;
  /** skip the remaining wait (window became visible); no-op while a poll runs */
  wake(): void;
  /** polls now (after the one in flight, whose answer may predate a change) and resolves once that poll settled */
  refresh(): Promise<void>;
  /** completed poll attempts so far */
  readonly attempts: number;
  stop(): Promise<void>;
}

/** Errors only the user can resolve (re-trust a changed certificate, replace a revoked secret): retrying blindly
 * would hammer the server with the same refused request, so polling stops until the profile reconnects. */
export const NEEDS_USER = new Set(['auth_failed', 'tls_pin_mismatch', 'tls_untrusted']);

function toError(err: unknown): StaleInfo['error'] {
  if (err instanceof AppFailure) return { code: err.code, message: err.message };
  return { code: 'internal', message: err instanceof Error ? err.message : 'Inventory poll failed' };
}

export function startResourcePoller(opts: ResourcePollerOptions): ResourcePoller {
  const now = opts.now ?? Date.now;
  const detailsEvery = opts.nodeDetailsEveryMs ?? 30_000;
  const abort = new AbortController();
  const records: RecordMap = new Map();
  let details: NodeDetails = new Map();
  let detailsAt = Number.NEGATIVE_INFINITY;
  let version = 0;
  let lastOk = 0;
  let failures = 0;
  let halted = false;
  let stale: StaleInfo | null = null;
  let attempts = 0;
  let skipped = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let markReady!: () => void;
  /** refresh() callers: resolved once `attempts` reaches their number */
  let waiters: Array<{ until: number; resolve: () => void }> = [];
  const readyP = new Promise<void>((r) => (markReady = r));

  async function pollOnce(): Promise<void> {
    const caller = opts.caller();
    const { entries, skipped: skippedNow } = await getClusterResourcesAnswer(caller, undefined, abort.signal);
    const skipChanged = skippedNow !== skipped;
    skipped = skippedNow;
    // node details first: the records change in place below, and no await may come between that and the delta
    if (now() - detailsAt >= detailsEvery) {
      details = await fetchNodeDetails(caller, onlineNodes(entries), details, abort.signal);
      detailsAt = now();
    }
    const before = applyResources(opts.clusterId, entries, records);
    mergeNodeDetails(records, details);
    const diff = diffApplied(before, records);
    lastOk = now();
    const recovered = stale !== null;
    failures = 0;
    stale = null;
    // After an outage an empty delta still goes out: it tells the renderer the data is fresh again.
    if (!isEmptyDiff(diff) || recovered || skipChanged) {
      version++;
      opts.onDelta({ clusterId: opts.clusterId, version, ...diff, skipped });
    }
  }

  async function cycle(): Promise<void> {
    timer = undefined;
    try {
      await pollOnce();
    } catch (err) {
      if (abort.signal.aborted) return;
      failures++;
      stale = { clusterId: opts.clusterId, since: lastOk, error: toError(err) };
      halted = NEEDS_USER.has(stale.error.code);
      opts.onStale(stale);
    } finally {
      attempts++;
      markReady();
      const done = waiters.filter((w) => w.until <= attempts);
      waiters = waiters.filter((w) => w.until > attempts);
      for (const w of done) w.resolve();
    }
  }

  function schedule(delay: number): void {
    if (abort.signal.aborted || halted) return;
    timer = setTimeout(() => {
      running = cycle().finally(() => {
        running = undefined;
        const base = opts.intervalMs();
        const wait =
          failures === 0
            ? base
            : backoffDelay(
                { attempts: 0, baseDelayMs: base, maxDelayMs: opts.maxBackoffMs ?? 60_000 },
                failures,
              );
        schedule(waiters.length > 0 && failures === 0 ? 0 : wait);
      });
    }, delay);
  }

  schedule(0);

  return {
    snapshot: () => ({ clusterId: opts.clusterId, version, records: [...records.values()], stale, skipped }),
    ready: () => readyP,
    wake() {
      if (!timer || running) return;
      clearTimeout(timer);
      schedule(0);
    },
    refresh() {
      if (abort.signal.aborted || halted) return Promise.resolve();
      const until = attempts + (running ? 2 : 1);
      const settled = new Promise<void>((resolve) => waiters.push({ until, resolve }));
      if (timer && !running) {
        clearTimeout(timer);
        schedule(0);
      }
      return settled;
    },
    get attempts() {
      return attempts;
    },
    async stop() {
      abort.abort(new AppFailure('internal', 'poller stopped'));
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      markReady();
      for (const w of waiters) w.resolve();
      waiters = [];
    },
  };
}
