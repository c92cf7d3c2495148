// A rolling reboot of 3 nodes through the real app services: each node's plan is the approval, nothing happens to the
// next node before it; the app restarts while a node reboots and resumes there without asking for a second reboot.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleetFixture, type FleetFixture } from './fleet-fixture.js';

let fx: FleetFixture;
let nodes: string[];

const reboots = (node: string): number =>
  fx.sims[0]!.requestLog.filter((r) => r.method === 'POST' && r.path === `/nodes/${node}/status`).length;
const guestsOn = (node: string): number[] =>
  Array.from({ length: 40 }, (_v, i) => 100 + i).filter((v) => {
    const g = fx.sims[0]!.cluster.guestStatus?.(v);
    return g?.node === node && g.status === 'running';
  });
const phaseOnDisk = async (node: string): Promise<string | undefined> => {
  try {
    const file = JSON.parse(await readFile(join(fx.configDir, 'rolling-reboot.json'), 'utf8')) as {
      rolls: Record<string, { nodes: Array<{ node: string; phase: string }> }>;
    };
    return file.rolls[fx.roots[0]!]?.nodes.find((n) => n.node === node)?.phase;
  } catch {
    return undefined;
  }
};

beforeAll(async () => {
  fx = await startFleetFixture({ guests: 9 });
  nodes = fx.sims[0]!.cluster.control.summary().nodes;
  fx.sims[0]!.cluster.control.setRebootDurationMs(600);
});
afterAll(async () => {
  await fx?.close();
});

describe('rolling reboot', () => {
  it('reboots 3 nodes one at a time with approvals, surviving an app restart mid-way', async () => {
    const profileId = fx.roots[0]!;
    const before = Object.fromEntries(nodes.map((n) => [n, guestsOn(n)]));
    await fx.ok('maintenance.rollingStart', { profileId, nodes, moveBack: true, concurrency: 1 });

    // node 1: its plan (the approval) evacuates, reboots, waits, moves the guests back
    const p1 = await fx.ok('maintenance.rollingNext', { profileId });
    expect(p1.destructive).toBe(true);
    expect(p1.confirmWord).toBe(nodes[0]);
    expect(p1.calls.map((c) => `${c.method} ${c.path}`)).toContain(`POST /nodes/${nodes[0]}/status`);
    expect((await fx.run(p1)).state).toBe('succeeded');
    expect(reboots(nodes[0]!)).toBe(1);
    expect(guestsOn(nodes[0]!).sort()).toEqual(before[nodes[0]!]!.sort());
    let s = (await fx.ok('maintenance.rollingGet', { profileId })).state;
    expect(s!.nodes.map((n) => n.phase)).toEqual(['done', 'pending', 'pending']);
    expect(reboots(nodes[1]!)).toBe(0); // waits for approval

    // node 2: the app restarts while the node reboots
    const p2 = await fx.ok('maintenance.rollingNext', { profileId });
    const running = fx.run(p2).catch((e: unknown) => e);
    const deadline = Date.now() + 20_000;
    while ((await phaseOnDisk(nodes[1]!)) !== 'rebooting') {
      if (Date.now() > deadline) throw new Error('node 2 never started rebooting');
      await new Promise((r) => setTimeout(r, 20));
    }
    await fx.restart();
    await running;
    s = (await fx.ok('maintenance.rollingGet', { profileId })).state;
    expect(s!.nodes[1]!.phase).toBe('rebooting');
    const resumed = await fx.ok('maintenance.rollingNext', { profileId });
    expect(resumed.title).toMatch(/resuming/);
    expect(resumed.calls.some((c) => c.method === 'POST' && c.path.endsWith('/status'))).toBe(false);
    expect(resumed.calls.every((c) => !c.path.startsWith(`/nodes/${nodes[1]}/`) || c.method === 'GET')).toBe(
      true,
    );
    expect((await fx.run(resumed)).state).toBe('succeeded');

    const p3 = await fx.ok('maintenance.rollingNext', { profileId });
    expect((await fx.run(p3)).state).toBe('succeeded');
    s = (await fx.ok('maintenance.rollingGet', { profileId })).state;
    expect(s!.finished).toBe(true);
    expect(s!.nodes.map((n) => n.phase)).toEqual(['done', 'done', 'done']);
    for (const n of nodes) expect(reboots(n), n).toBe(1);
    for (const n of nodes) expect(guestsOn(n).sort(), n).toEqual(before[n]!.sort());
    expect((await fx.fail('maintenance.rollingNext', { profileId })).code).toBe('conflict');
  }, 60_000);
});
