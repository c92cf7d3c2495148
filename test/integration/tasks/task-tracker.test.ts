// Task tracking against the simulator: a UPID followed to OK and to failure, with the log lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getClusterResources } from '../../../src-main/pve/api/cluster.js';
import { pvePath } from '../../../src-main/pve/api/caller.js';
import { tokenAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import { trackTask } from '../../../src-main/pollers/task-tracker.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';

let sim: RunningSim;
let client: PveClient;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 6, seed: 7, controlPort: false, taskDurationMs: 150 });
  client = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    auth: tokenAuth('ops@pve!ops', DEMO_TOKENS['ops@pve!ops']!),
    trust: { pin: sim.fingerprint },
  });
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

async function stoppedQemu(): Promise<{ node: string; vmid: number }> {
  const vms = await getClusterResources(client, 'vm');
  const vm = vms.find((r) => r.type === 'qemu' && r.status === 'stopped' && !r.template);
  if (!vm?.node || vm.vmid === undefined) throw new Error('the simulator has no stopped VM');
  return { node: vm.node, vmid: vm.vmid };
}

function start(node: string, vmid: number): Promise<string> {
  return client
    .call({ method: 'POST', path: pvePath`/nodes/${node}/qemu/${vmid}/status/start`, schema: z.string() })
    .then((r) => r.data);
}

describe('trackTask', () => {
  it('follows a task to OK, reporting progress and the log', async () => {
    const { node, vmid } = await stoppedQemu();
    const upid = await start(node, vmid);
    const events: string[] = [];
    const outcome = await trackTask(client, upid, {
      intervalMs: 50,
      onProgress: (p) => events.push(p.status),
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.exitstatus).toBe('OK');
    expect(outcome.log.at(-1)?.t).toBe('TASK OK');
    expect(outcome.log.map((l) => l.n)).toEqual(outcome.log.map((_, i) => i + 1));
    expect(events.at(-1)).toBe('stopped');
  });

  it('follows a failing task to its error with the log lines', async () => {
    const { node, vmid } = await stoppedQemu();
    sim.cluster.control.failNextTask('qmstart', 'simulated disk failure');
    const upid = await start(node, vmid);
    const outcome = await trackTask(client, upid, { intervalMs: 50 });
    expect(outcome.ok).toBe(false);
    expect(outcome.exitstatus).toBe('simulated disk failure');
    expect(outcome.log.some((l) => l.t.includes('TASK ERROR: simulated disk failure'))).toBe(true);
  });

  it('stops polling when aborted', async () => {
    const { node, vmid } = await stoppedQemu();
    sim.cluster.control.setTaskDurationMs(60_000);
    try {
      const upid = await start(node, vmid);
      const ac = new AbortController();
      const p = trackTask(client, upid, {
        intervalMs: 20,
        signal: ac.signal,
        onProgress: () => ac.abort(new Error('user left')),
      });
      await expect(p).rejects.toThrow('user left');
    } finally {
      sim.cluster.control.setTaskDurationMs(150);
    }
  });
});
