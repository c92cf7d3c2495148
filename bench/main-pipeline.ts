// Main-side benchmark: one /cluster/resources answer of the simulator with 1 % of guests changed, run through
// parse → check → normalise → delta → event check → serialise (JSON for the web host's WebSocket, v8.serialize as
// the stand-in for Electron's structured clone), against bare JSON.parse of the same bytes.
import v8 from 'node:v8';
import { z } from 'zod';
import { diffApplied } from '../src-main/features/inventory/delta.js';
import {
  applyResources,
  normaliseResources,
  type RecordMap,
} from '../src-main/features/inventory/normalise.js';
import {
  ClusterResources,
  SlowEntry,
  getClusterResources,
  type ClusterResource,
} from '../src-main/pve/api/cluster.js';
import { ticketAuth } from '../src-main/pve/auth.js';
import { PveClient } from '../src-main/pve/client.js';
import { InventoryDelta, type InventorySnapshot } from '../src-shared/model/inventory.js';
import { startSimulator } from '../test/pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../test/pve-sim/rbac/index.js';
import { normaliseRepeats, stretched } from './slowdown.js';
import { cpuMs, median, paired, timeAsync } from './timing.js';

export interface MainFigures {
  nodes: number;
  guests: number;
  responseBytes: number;
  parseMs: number;
  pipelineMs: number;
  /** median of per-run pipeline ÷ parse pairs (each pair ran back to back, under the same machine load) */
  pipelineRatio: number;
  /** the same pipeline ending in v8.serialize (Electron's structured clone) instead of JSON.stringify */
  pipelineV8Ratio: number;
  /** normaliseResources alone ÷ JSON.parse: the figure a slower normaliser moves most */
  normaliseRatio: number;
  baselineRatio: number;
  snapshotBytes: number;
  deltaBytes: number;
  deltaV8Bytes: number;
  /** encode + decode of the 1 % delta event */
  deltaJsonMs: number;
  deltaV8Ms: number;
  /** encode + decode of the full snapshot (what inventory.subscribe answers) */
  snapshotJsonMs: number;
  snapshotV8Ms: number;
  changedGuests: number;
  httpsPollMs: number;
  snapshotJson: string;
  deltaJson: string;
  nextSnapshotJson: string;
}

const RawAnswer = z.object({ data: z.array(z.unknown()) });

/** Best-of-N CPU ms of encode + decode. */
function roundTrip(runs: number, fn: () => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(cpuMs(fn));
  return Math.min(...out);
}

export async function benchMain(opts: { nodes: number; guests: number; runs: number }): Promise<MainFigures> {
  const repeats = normaliseRepeats();
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
    /** the poller's own map, changed in place by each poll: a fresh copy of `prev` before every timed run */
    let next: RecordMap = new Map(prev);
    const fresh = (): void => {
      next = new Map(prev);
    };
    /** The poller's work on one answer (resource-poller.ts pollOnce), up to the event on the wire. */
    const poll = (encode: (event: object) => unknown) => (): void => {
      const raw = JSON.parse(after) as { data: unknown };
      const entries = ClusterResources.parse(raw.data);
      let before = new Map() as ReturnType<typeof applyResources>;
      // an injected slowdown (PROXDECK_BENCH_SLOWDOWN) stretches the apply to N times its time
      stretched(repeats, () => (before = applyResources('bench', entries, next)));
      delta = InventoryDelta.parse({ clusterId: 'bench', version: 2, ...diffApplied(before, next) });
      encode({ event: 'inventory.changed', payload: delta });
    };
    const parse = (): unknown => JSON.parse(after);
    const pipeline = await paired(opts.runs, parse, poll(JSON.stringify), fresh);
    const pipelineV8 = await paired(opts.runs, parse, poll(v8.serialize), fresh);
    const checked: ClusterResource[] = ClusterResources.parse((JSON.parse(after) as { data: unknown }).data);
    const normalise = await paired(
      opts.runs,
      parse,
      () => {
        stretched(repeats, () => applyResources('bench', checked, next));
      },
      fresh,
    );
    // What re-fetch-and-resend-everything costs in main: full zod conversion and the whole list on the wire.
    const baseline = await paired(opts.runs, parse, () => {
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
    const event = { event: 'inventory.changed', payload: delta };
    const snapshotJson = JSON.stringify(snapshot);
    const deltaJson = JSON.stringify(delta);
    const trips = Math.max(5, opts.runs);
    return {
      nodes: opts.nodes,
      guests: guests.length,
      responseBytes: Buffer.byteLength(after),
      parseMs: pipeline.baseMs,
      pipelineMs: pipeline.otherMs,
      pipelineRatio: pipeline.ratio,
      pipelineV8Ratio: pipelineV8.ratio,
      normaliseRatio: normalise.ratio,
      baselineRatio: baseline.ratio,
      snapshotBytes: Buffer.byteLength(snapshotJson),
      deltaBytes: Buffer.byteLength(JSON.stringify(event)),
      deltaV8Bytes: v8.serialize(event).byteLength,
      deltaJsonMs: roundTrip(trips, () => JSON.parse(JSON.stringify(event))),
      deltaV8Ms: roundTrip(trips, () => v8.deserialize(v8.serialize(event))),
      snapshotJsonMs: roundTrip(trips, () => JSON.parse(JSON.stringify(snapshot))),
      snapshotV8Ms: roundTrip(trips, () => v8.deserialize(v8.serialize(snapshot))),
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

export { median };
