// Main-side benchmark: one /cluster/resources answer of the simulator (32 nodes, 10,000 guests) with 1 % of
// guests changed, run through parse → check → normalise → delta → event check → serialise, against bare JSON.parse.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { diffRecords } from '../src-main/features/inventory/delta.js';
import { normaliseResources, type RecordMap } from '../src-main/features/inventory/normalise.js';
import { ClusterResources, SlowEntry, getClusterResources } from '../src-main/pve/api/cluster.js';
import { ticketAuth } from '../src-main/pve/auth.js';
import { PveClient } from '../src-main/pve/client.js';
import { InventoryDelta, type InventorySnapshot } from '../src-shared/model/inventory.js';
import { startSimulator } from '../test/pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../test/pve-sim/rbac/index.js';

export interface MainFigures {
  nodes: number;
  guests: number;
  responseBytes: number;
  parseMs: number;
  pipelineMs: number;
  /** median of per-run pipeline ÷ parse pairs (each pair ran back to back, under the same machine load) */
  pipelineRatio: number;
  baselineRatio: number;
  snapshotBytes: number;
  deltaBytes: number;
  changedGuests: number;
  httpsPollMs: number;
  snapshotJson: string;
  deltaJson: string;
  nextSnapshotJson: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** V8's gc() without a command-line flag (npm run bench runs plain tsx). */
function fullGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
}

interface Paired {
  baseMs: number;
  otherMs: number;
  ratio: number;
}

/**
 * Runs `base` and `other` alternately, so both see the same load of a shared machine; the ratio is the median
 * of the per-pair ratios, which is far steadier than a ratio of two medians taken minutes apart.
 */
function paired(runs: number, base: () => void, other: () => void): Paired {
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
    let t = performance.now();
    base();
    const bt = performance.now() - t;
    settle();
    t = performance.now();
    other();
    const ot = performance.now() - t;
    b.push(bt);
    o.push(ot);
    r.push(ot / bt);
  }
  return { baseMs: median(b), otherMs: median(o), ratio: median(r) };
}

const RawAnswer = z.object({ data: z.array(z.unknown()) });

export async function benchMain(opts: { nodes: number; guests: number; runs: number }): Promise<MainFigures> {
  // A frozen clock: metrics stay put, so the second answer differs only by the guests we change.
  const clock = Date.now();
  const sim = await startSimulator({
    nodes: opts.nodes,
    guests: opts.guests,
    seed: 3,
    now: () => clock,
    controlPort: false,
  });
  const client = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    trust: { pin: sim.fingerprint },
    auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD, now: () => clock }),
  });
  try {
    const capture = async (): Promise<string> =>
      JSON.stringify({
        data: await client
          .call({ method: 'GET', path: '/cluster/resources', schema: z.array(z.unknown()) })
          .then((r) => r.data),
      });
    const before = await capture();
    const prev: RecordMap = normaliseResources(
      'bench',
      ClusterResources.parse(RawAnswer.parse(JSON.parse(before)).data),
    );
    const guests = [...prev.values()].filter((r) => r.kind === 'guest');
    const changed = guests.filter((_, i) => i % 100 === 0);
    for (const g of changed)
      if (g.kind === 'guest')
        sim.cluster.control.setGuestStatus(g.vmid, g.status === 'running' ? 'stopped' : 'running');
    const after = await capture();

    let delta: InventoryDelta | undefined;
    let next: RecordMap = prev;
    const parse = (): unknown => JSON.parse(after);
    const pipeline = paired(opts.runs, parse, () => {
      const raw = JSON.parse(after) as { data: unknown };
      next = normaliseResources('bench', ClusterResources.parse(raw.data), prev);
      const d = { clusterId: 'bench', version: 2, ...diffRecords(prev, next) };
      delta = InventoryDelta.parse(d);
      JSON.stringify({ event: 'inventory.changed', payload: delta });
    });
    // What re-fetch-and-resend-everything costs in main: full zod conversion and the whole list on the wire.
    const baseline = paired(opts.runs, parse, () => {
      const raw = JSON.parse(after) as { data: unknown };
      JSON.stringify(z.array(SlowEntry).parse(raw.data));
    });
    const httpsPollMs = await timeAsync(() => getClusterResources(client));

    const snapshot: InventorySnapshot = {
      clusterId: 'bench',
      version: 1,
      records: [...prev.values()],
      stale: null,
    };
    const nextSnapshot: InventorySnapshot = {
      clusterId: 'bench',
      version: 2,
      records: [...next.values()],
      stale: null,
    };
    const snapshotJson = JSON.stringify(snapshot);
    const deltaJson = JSON.stringify(delta);
    return {
      nodes: opts.nodes,
      guests: guests.length,
      responseBytes: Buffer.byteLength(after),
      parseMs: pipeline.baseMs,
      pipelineMs: pipeline.otherMs,
      pipelineRatio: pipeline.ratio,
      baselineRatio: baseline.ratio,
      snapshotBytes: Buffer.byteLength(snapshotJson),
      deltaBytes: Buffer.byteLength(JSON.stringify({ event: 'inventory.changed', payload: delta })),
      changedGuests: changed.length,
      httpsPollMs,
      snapshotJson,
      deltaJson,
      nextSnapshotJson: JSON.stringify(nextSnapshot),
    };
  } finally {
    await client.close();
    await sim.close();
  }
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}
