// Snapshot policies against the simulator: saving is a plan that takes the first snapshot and saves the policy as it
// runs; each later run ("run now", or the scheduler when due) keeps exactly N policy snapshots and is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { PolicyInput } from '../../../src-shared/ipc/channels/snapshot-policy.js';
import { guestApiPath, startPlanFixture, type PlanFixture } from './plan-fixture.js';

let fx: PlanFixture;
let ops: string;

const autoSnapshots = async (g: GuestRef, prefix = 'proxdeck-auto-hourly-'): Promise<string[]> =>
  (await fx.ok('snapshots.list', { profileId: ops, guest: g })).snapshots
    .map((s) => s.name)
    .filter((n) => n.startsWith(prefix));

async function save(policy: PolicyInput) {
  const plan = await fx.ok('snapshotPolicy.plan', { profileId: ops, policy });
  const result = await fx.ok('plans.run', { planId: plan.id });
  expect(result.state, result.error?.message).toBe('succeeded');
  return plan;
}

beforeAll(async () => {
  fx = await startPlanFixture();
  ops = await fx.profile('ops@pve!ops');
});
afterAll(async () => {
  await fx?.close();
});

describe('snapshot policies', () => {
  it('saving is a plan: nothing is saved until it runs, then the first snapshot is taken', async () => {
    const g = fx.guests({ type: 'qemu', status: 'stopped' })[0]!;
    const plan = await fx.ok('snapshotPolicy.plan', {
      profileId: ops,
      policy: { target: { kind: 'guest', guest: g }, frequency: 'hourly', keep: 2 },
    });
    expect(plan.title).toBe(`Save snapshot policy: keep the last 2 hourly snapshots of guest ${g.vmid}`);
    expect(plan.diff[0]).toMatchObject({ kind: 'config', key: 'snapshot policy', change: 'added' });
    expect(plan.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST ${guestApiPath(g)}/snapshot`]);
    expect(String(plan.calls[0]!.params.snapname)).toMatch(/^proxdeck-auto-hourly-\d{8}-\d{6}$/);
    expect((await fx.ok('snapshotPolicy.list', { profileId: ops })).policies).toEqual([]);
    await fx.ok('plans.run', { planId: plan.id });
    const [saved] = (await fx.ok('snapshotPolicy.list', { profileId: ops })).policies;
    expect(saved).toMatchObject({ id: `guest-${g.vmid}-hourly`, keep: 2, frequency: 'hourly' });
    expect(await autoSnapshots(g)).toHaveLength(1);
  });

  it('keeps exactly N policy snapshots after more than N runs, each run in the audit log', async () => {
    const g = fx.guests({ type: 'qemu', status: 'stopped' })[1]!;
    await fx
      .ok('snapshotPolicy.plan', {
        profileId: ops,
        policy: { target: { kind: 'guest', guest: g }, frequency: 'hourly', keep: 2 },
      })
      .then((p) => fx.ok('plans.run', { planId: p.id }));
    const id = `guest-${g.vmid}-hourly`;
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await fx.ok('snapshotPolicy.runNow', { profileId: ops, policyId: id });
      expect(run.state).toBe('succeeded');
      const taken = await autoSnapshots(g);
      expect(taken).toHaveLength(2);
      names.push(...taken.filter((n) => !names.includes(n)));
    }
    // the two newest stay: the first two taken are gone
    expect(await autoSnapshots(g)).toEqual(expect.arrayContaining(names.slice(-2)));
    expect(names).toHaveLength(4);
    const runs = (await fx.ok('audit.list', { limit: 50 })).entries.filter((e) =>
      e.title.startsWith(`Snapshot policy run: keep the last 2 hourly snapshots of guest ${g.vmid}`),
    );
    expect(runs).toHaveLength(3);
    const [p] = (await fx.ok('snapshotPolicy.list', { profileId: ops })).policies.filter((q) => q.id === id);
    expect(p?.lastRun?.state).toBe('succeeded');
  });

  it('a tag policy covers every guest with the tag and changing keep is a plan showing before and after', async () => {
    const [a, b] = fx.guests({ type: 'lxc', status: 'stopped' });
    fx.sim.cluster.control.setGuestConfig(a!.vmid, 'tags', 'nightly');
    fx.sim.cluster.control.setGuestConfig(b!.vmid, 'tags', 'web;nightly');
    const policy: PolicyInput = { target: { kind: 'tag', tag: 'nightly' }, frequency: 'daily', keep: 1 };
    const first = await save(policy);
    expect(first.calls.map((c) => c.path)).toEqual([
      `${guestApiPath(a!)}/snapshot`,
      `${guestApiPath(b!)}/snapshot`,
    ]);
    const change = await fx.ok('snapshotPolicy.plan', { profileId: ops, policy: { ...policy, keep: 3 } });
    expect(change.diff[0]).toMatchObject({
      change: 'changed',
      before: "keep the last 1 daily snapshot of every guest tagged 'nightly'",
    });
    const run = await fx.ok('snapshotPolicy.runNow', { profileId: ops, policyId: 'tag-nightly-daily' });
    expect(run.steps.map((s) => s.method)).toEqual(['POST', 'DELETE', 'POST', 'DELETE']);
    expect(await autoSnapshots(a!, 'proxdeck-auto-daily-')).toHaveLength(1);
  });

  it('a stopped policy is gone from the list, does not run, and its snapshots stay', async () => {
    const g = fx.guests({ type: 'qemu', status: 'stopped' })[3]!;
    const policy: PolicyInput = { target: { kind: 'guest', guest: g }, frequency: 'daily', keep: 3 };
    await save(policy);
    const saved = (await fx.ok('snapshotPolicy.list', { profileId: ops })).policies.find(
      (p) => p.target.kind === 'guest' && p.target.guest.vmid === g.vmid && p.frequency === 'daily',
    );
    expect(saved).toBeDefined();
    expect(await autoSnapshots(g, 'proxdeck-auto-daily-')).toHaveLength(1);
    expect(await fx.ok('snapshotPolicy.remove', { profileId: ops, policyId: saved!.id })).toEqual({
      removed: true,
    });
    expect(await fx.ok('snapshotPolicy.remove', { profileId: ops, policyId: saved!.id })).toEqual({
      removed: false,
    });
    const left = (await fx.ok('snapshotPolicy.list', { profileId: ops })).policies.map((p) => p.id);
    expect(left).not.toContain(saved!.id);
    const run = await fx.call('snapshotPolicy.runNow', { profileId: ops, policyId: saved!.id });
    expect(run.ok ? 'ran' : run.error.code).toBe('not_found');
    expect(await autoSnapshots(g, 'proxdeck-auto-daily-')).toHaveLength(1);
  });
});
