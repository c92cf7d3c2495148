// PVE response fuzzing: record the simulator's real answers for the calls our api/ modules make,
// then serve random mutations of them to the real client → a parsed value or AppFailure('bad_response'), never a crash.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import type { PveCaller } from '../../../src-main/pve/api/caller.js';
import { getClusterResources, getClusterStatus, getNextId } from '../../../src-main/pve/api/cluster.js';
import { getVersion } from '../../../src-main/pve/api/version.js';
import { getNodeRrd, getNodeStatus, listNodes } from '../../../src-main/pve/api/nodes.js';
import {
  getGuestConfig,
  getGuestPending,
  getGuestStatus,
  powerAction,
} from '../../../src-main/pve/api/guests.js';
import { getGuestConfigEntries, getGuestRrd } from '../../../src-main/pve/api/guest-read.js';
import { listSnapshots } from '../../../src-main/pve/api/snapshots.js';
import { getTaskLog, getTaskStatus } from '../../../src-main/pve/api/tasks.js';
import { listNodeStorages } from '../../../src-main/pve/api/storage.js';
import { getPermissions } from '../../../src-main/pve/api/access.js';
import { getHaStatus, listHaResources } from '../../../src-main/pve/api/ha.js';
import { listBackupJobs } from '../../../src-main/pve/api/backup-jobs.js';
import { getMigrateInfo } from '../../../src-main/pve/api/migrate.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/index.js';
import { mutatedBody } from './json-mutations.js';
import { startReplayProxy, type ReplayProxy } from './replay-proxy.js';

const RUNS = Number(process.env.FUZZ_RUNS_PVE ?? 300);

let sim: RunningSim;
let proxy: ReplayProxy;
let client: PveClient;
type Read = (c: PveCaller) => Promise<unknown>;
const reads = new Map<string, { read: Read; path: string }>();

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 8, seed: 14, controlPort: false, taskDurationMs: 50 });
  proxy = await startReplayProxy(sim.url);
  client = new PveClient({
    host: '127.0.0.1',
    port: proxy.port,
    // root@pam with a ticket: every read is permitted, and the ticket login is fuzzed on the way too
    auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD }),
    trust: { pin: proxy.fingerprint },
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    timeoutMs: 10_000,
  });
  const guests = (await getClusterResources(client, 'vm')).filter(
    (r) => r.type === 'qemu' || r.type === 'lxc',
  );
  const vm = guests.find((g) => g.type === 'qemu')!;
  const ct = guests.find((g) => g.type === 'lxc') ?? vm;
  const node = vm.node!;
  const qemu = { node, type: 'qemu' as const, vmid: vm.vmid! };
  const upid = await powerAction(client, qemu, vm.status === 'running' ? 'stop' : 'start');
  const candidates: Record<string, Read> = {
    version: (c) => getVersion(c),
    clusterStatus: (c) => getClusterStatus(c),
    clusterResources: (c) => getClusterResources(c),
    nextId: (c) => getNextId(c),
    nodes: (c) => listNodes(c),
    nodeStatus: (c) => getNodeStatus(c, node),
    nodeRrd: (c) => getNodeRrd(c, node, 'hour'),
    guestStatus: (c) => getGuestStatus(c, qemu),
    guestConfig: (c) => getGuestConfig(c, qemu),
    guestConfigEntries: (c) => getGuestConfigEntries(c, ct.node!, ct.type as 'qemu' | 'lxc', ct.vmid!),
    guestPending: (c) => getGuestPending(c, qemu),
    guestRrd: (c) => getGuestRrd(c, node, 'qemu', qemu.vmid, 'hour'),
    snapshots: (c) => listSnapshots(c, qemu),
    taskStatus: (c) => getTaskStatus(c, node, upid),
    taskLog: (c) => getTaskLog(c, node, upid, 0),
    storages: (c) => listNodeStorages(c, node),
    permissions: (c) => getPermissions(c),
    haResources: (c) => listHaResources(c),
    haStatus: (c) => getHaStatus(c),
    backupJobs: (c) => listBackupJobs(c),
    migrateInfo: (c) => getMigrateInfo(c, qemu),
  };
  // Record: each read once through the proxy; keep those the simulator answers.
  for (const [name, read] of Object.entries(candidates)) {
    proxy.last = undefined;
    const ok = await read(client).then(
      () => true,
      () => false,
    );
    if (ok && proxy.last) reads.set(name, { read, path: proxy.last });
  }
  proxy.forwarding = false;
}, 60_000);

afterAll(async () => {
  await client?.close();
  await proxy?.close();
  await sim?.close();
});

describe('PVE response fuzz', () => {
  it('recorded real answers for most api/ reads', () => {
    expect(reads.size, [...reads.keys()].join(',')).toBeGreaterThanOrEqual(18);
  });

  it('serving the recorded answer unchanged parses (the harness itself is sound)', async () => {
    for (const [name, { read, path }] of reads) {
      proxy.serve = proxy.recorded.get(path)!;
      await expect(read(client), name).resolves.toBeDefined();
    }
  });

  it('every mutation ends in a value or a typed bad_response, never a crash or pollution', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const tally = { parsed: 0, badResponse: 0 };
    for (const [name, { read, path }] of reads) {
      await fc.assert(
        fc.asyncProperty(mutatedBody(proxy.recorded.get(path)!), async (body) => {
          proxy.serve = body;
          const outcome = await read(client).then(
            () => 'parsed' as const,
            (err: unknown) => err,
          );
          if (outcome === 'parsed') tally.parsed++;
          else {
            expect(outcome, `${name}: ${String(outcome)}`).toBeInstanceOf(AppFailure);
            expect((outcome as AppFailure).code, `${name}: ${(outcome as AppFailure).message}`).toBe(
              'bad_response',
            );
            tally.badResponse++;
          }
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
        }),
        { numRuns: RUNS, seed: 1412 },
      );
    }
    // Both outcomes must occur: a fuzz where nothing ever fails (or nothing ever parses) mutated nothing useful.
    expect(tally.parsed).toBeGreaterThan(0);
    expect(tally.badResponse).toBeGreaterThan(reads.size * RUNS * 0.3);
    if (process.env.FUZZ_REPORT)
      console.log(JSON.stringify({ pveFuzz: { endpoints: reads.size, runsPerEndpoint: RUNS, ...tally } }));
  }, 300_000);
});
