// Evacuating a node through the real app services against the simulator: placement respects a strict HA node-affinity
// rule and RAM, a guest that fits nowhere is reported and stays, the plan runs as bulk or per-guest migrations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleetFixture, type FleetFixture } from './fleet-fixture.js';

let fx: FleetFixture;
let source: string;
const HUGE = 300 * 1024; // MiB: more than any simulated node has

const where = (vmid: number) => fx.sims[0]!.cluster.guestStatus?.(vmid);
const onSource = (status: 'running' | 'stopped') =>
  Array.from({ length: 40 }, (_v, i) => 100 + i).filter((v) => {
    const g = where(v);
    return g?.node === source && g.status === status;
  });

beforeAll(async () => {
  fx = await startFleetFixture({ guests: 16 });
  source = where(101)!.node; // vm:101 is HA-managed in the generated cluster
  const others = fx.sims[0]!.cluster.control.summary().nodes.filter((n) => n !== source);
  fx.sims[0]!.cluster.control.setGuestStatus(101, 'running');
  fx.sims[0]!.cluster.control.addHaRule({
    rule: 'keep-101',
    type: 'node-affinity',
    resources: 'vm:101',
    nodes: `${source},${others[1]}`,
    strict: 1,
    disable: 0,
  });
});
afterAll(async () => {
  await fx?.close();
});

describe('evacuate', () => {
  it('places by RAM and HA rules, reports the guest that fits nowhere, and moves every other running guest', async () => {
    const huge = onSource('running').find((v) => v !== 101 && where(v)?.type === 'qemu')!;
    fx.sims[0]!.cluster.control.setGuestConfig(huge, 'memory', HUGE);
    const options = { node: source, includeStopped: false, concurrency: 2, onFailure: 'continue' as const };
    const view = await fx.ok('maintenance.evacuatePreview', { profileId: fx.roots[0]!, options });
    const allowed = fx.sims[0]!.cluster.control.summary().nodes.filter((n) => n !== source)[1];
    expect(view.moves.find((m) => m.vmid === 101)).toMatchObject({ target: allowed });
    expect(view.cannotMove).toEqual([
      expect.objectContaining({ vmid: huge, reason: expect.stringMatching(/needs 300\.0 GiB RAM/) }),
    ]);
    expect(view.staying.every((s) => !s.running)).toBe(true);
    expect(view.mode).toBe('bulk');

    const plan = await fx.ok('maintenance.evacuatePlan', { profileId: fx.roots[0]!, options });
    expect(plan.blocked).toBe(false);
    expect(plan.calls.every((c) => c.path === '/cluster/bulk-action/guest/migrate')).toBe(true);
    expect(plan.calls[0]!.params).toMatchObject({ 'max-workers': 2 });
    expect(
      plan.warnings.some((w) => w.message.includes(`${huge}`) && w.message.includes('cannot move')),
    ).toBe(true);
    expect(plan.diff.some((d) => d.key.includes('101') && d.after === allowed)).toBe(true);
    const result = await fx.run(plan);
    expect(result.state, result.error?.message).toBe('succeeded');
    expect(onSource('running')).toEqual([huge]);
    expect(where(101)!.node).toBe(allowed);
  });

  it('stop-at-first-failure runs one migrate call per guest and stops when one fails', async () => {
    // the emptied node's neighbour now holds its guests
    const node = fx.sims[0]!.cluster.control.summary().nodes.filter((n) => n !== source)[0]!;
    const options = { node, includeStopped: true, concurrency: 1, onFailure: 'stop' as const };
    const back = await fx.ok('maintenance.evacuatePreview', { profileId: fx.roots[0]!, options });
    expect(back.mode).toBe('per-guest');
    expect(back.moves.length).toBeGreaterThan(1);
    const plan = await fx.ok('maintenance.evacuatePlan', { profileId: fx.roots[0]!, options });
    expect(plan.calls.every((c) => /\/(qemu|lxc)\/\d+\/migrate$/.test(c.path))).toBe(true);
    fx.sims[0]!.cluster.control.failNextTask(
      where(back.moves[0]!.vmid)!.type === 'qemu' ? 'qmigrate' : 'vzmigrate',
      'migration aborted',
    );
    const result = await fx.run(plan);
    expect(result.state).toBe('failed');
    expect(result.steps[0]!.state).toBe('failed');
    expect(result.steps.slice(1).every((s) => s.state === 'skipped')).toBe(true);
  });
});
