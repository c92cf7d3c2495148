// The inventory poller against the simulator over real HTTPS: deltas, offline nodes, backoff + stale, no overlap.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PveCaller } from '../../../src-main/pve/api/caller.js';
import { ticketAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import {
  startResourcePoller,
  type ResourcePoller,
  type ResourcePollerOptions,
} from '../../../src-main/features/inventory/resource-poller.js';
import type { GuestRecord, InventoryDelta, StaleInfo } from '../../../src-shared/model/inventory.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/index.js';

let sim: RunningSim;
let client: PveClient;
const pollers: ResourcePoller[] = [];

/** Counts concurrent calls per path; wraps the real client, changes nothing it does. */
function counting(inner: PveCaller): PveCaller & { maxConcurrent: number; starts: number[] } {
  let active = 0;
  const c = {
    maxConcurrent: 0,
    starts: [] as number[],
    async call<S extends Parameters<PveCaller['call']>[0]['schema']>(
      req: Parameters<PveCaller['call']>[0] & { schema: S },
    ) {
      const watched = req.path === '/cluster/resources';
      if (watched) {
        active++;
        c.starts.push(performance.now());
        c.maxConcurrent = Math.max(c.maxConcurrent, active);
      }
      try {
        return await inner.call(req);
      } finally {
        if (watched) active--;
      }
    },
  };
  return c as PveCaller & { maxConcurrent: number; starts: number[] };
}

interface Harness {
  poller: ResourcePoller;
  deltas: InventoryDelta[];
  stales: StaleInfo[];
  /** resolves with the first delta (already seen or future) that satisfies pred; fails after the deadline */
  waitDelta(pred: (d: InventoryDelta) => boolean, ms?: number): Promise<InventoryDelta>;
  /** resolves once `count` stale reports arrived */
  waitStale(count: number, ms?: number): Promise<StaleInfo>;
}

function start(caller: PveCaller, extra: Partial<ResourcePollerOptions> = {}): Harness {
  const deltas: InventoryDelta[] = [];
  const stales: StaleInfo[] = [];
  const waiters: Array<() => void> = [];
  const notify = (): void => waiters.splice(0).forEach((w) => w());
  const poller = startResourcePoller({
    clusterId: 'sim',
    caller: () => caller,
    intervalMs: () => 50,
    nodeDetailsEveryMs: 0,
    onDelta: (d) => (deltas.push(d), notify()),
    onStale: (s) => (stales.push(s), notify()),
    ...extra,
  });
  pollers.push(poller);
  function until<T>(find: () => T | undefined, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('condition not reached in time')), ms);
      const check = (): void => {
        const hit = find();
        if (hit !== undefined) {
          clearTimeout(deadline);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  }
  return {
    poller,
    deltas,
    stales,
    waitDelta: (pred, ms = 5000) => until(() => deltas.find(pred), ms),
    waitStale: (count, ms = 5000) => until(() => (stales.length >= count ? stales.at(-1) : undefined), ms),
  };
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 60, seed: 7, controlPort: false });
  client = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    trust: { pin: sim.fingerprint },
    auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD }),
    retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
  });
});
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
  sim.faults.set({ reset: true });
  for (const n of sim.cluster.control.summary().nodes) sim.cluster.control.setNodeOnline(n, true);
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

const guests = (h: Harness): GuestRecord[] =>
  h.poller.snapshot().records.filter((r): r is GuestRecord => r.kind === 'guest');

describe('resource poller', () => {
  it('answers a full snapshot with node details, then a guest started through the simulator arrives as a one-field change', async () => {
    const h = start(client);
    await h.poller.ready();
    const snap = h.poller.snapshot();
    expect(snap.records.filter((r) => r.kind === 'node')).toHaveLength(3);
    expect(guests(h)).toHaveLength(sim.cluster.control.summary().guests);
    expect(snap.records.find((r) => r.kind === 'node')).toMatchObject({
      pveversion: expect.stringMatching(/^pve-manager\/9\./),
      loadavg: expect.any(Array),
    });
    const stopped = guests(h).find((g) => g.status === 'stopped')!;
    const before = h.deltas.length;
    sim.cluster.control.setGuestStatus(stopped.vmid, 'running');
    const d = await h.waitDelta((x) =>
      x.changed.some((c) => c.id === stopped.id && c.fields.status === 'running'),
    );
    expect(h.deltas.indexOf(d)).toBeGreaterThanOrEqual(before);
    expect(d.version).toBe(h.poller.snapshot().version);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  it('shows an offline node as offline and its guests as unknown, never dropped', async () => {
    const h = start(client);
    await h.poller.ready();
    const target = 'pve2';
    const onNode = guests(h)
      .filter((g) => g.node === target)
      .map((g) => g.id);
    expect(onNode.length).toBeGreaterThan(0);
    sim.cluster.control.setNodeOnline(target, false);
    const d = await h.waitDelta((x) =>
      x.changed.some((c) => c.id === `node/${target}` && c.fields.status === 'offline'),
    );
    expect(d.removed).toEqual([]);
    const after = guests(h).filter((g) => g.node === target);
    expect(after.map((g) => g.id).sort()).toEqual([...onNode].sort());
    expect(new Set(after.map((g) => g.status))).toEqual(new Set(['unknown']));
  });

  it('backs off on errors, reports stale with the last good time, and recovers with a delta', async () => {
    const caller = counting(client);
    const h = start(caller, { intervalMs: () => 20, maxBackoffMs: 400 });
    await h.poller.ready();
    const lastGood = Date.now();
    sim.faults.set({ errorRate: 1, pathPrefix: '/cluster/resources' });
    const from = caller.starts.length;
    const stale = await h.waitStale(4);
    expect(stale.error.code).toBe('server_error');
    expect(stale.since).toBeLessThanOrEqual(lastGood);
    expect(stale.since).toBeGreaterThan(0);
    const gaps = caller.starts
      .slice(from)
      .map((t, i, a) => (i === 0 ? 0 : t - a[i - 1]!))
      .slice(1);
    // jittered exponential: attempt 3's wait is at least 80 ms, attempt 1's at most 40 ms (+ request time)
    expect(gaps[2]!).toBeGreaterThan(gaps[0]!);
    expect(gaps[2]!).toBeGreaterThanOrEqual(80);
    sim.faults.set({ reset: true });
    const v = h.poller.snapshot().version;
    const recovered = await h.waitDelta((x) => x.version > v, 5000);
    expect(recovered.clusterId).toBe('sim');
    expect(h.poller.snapshot().stale).toBeNull();
  });

  it('never overlaps polls while the cluster is slow', async () => {
    const caller = counting(client);
    sim.faults.set({ latencyMs: 150, pathPrefix: '/cluster/resources' });
    const h = start(caller, { intervalMs: () => 1 });
    await h.poller.ready();
    while (h.poller.attempts < 4) await new Promise<void>((r) => setTimeout(r, 50));
    expect(caller.starts.length).toBeGreaterThanOrEqual(4);
    expect(caller.maxConcurrent).toBe(1);
  });
});
