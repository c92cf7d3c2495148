// Snapshot and power plans against the simulator: one-click snapshot → change → one-click rollback, typed delete, bulk start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef, PlanProgress } from '../../../src-shared/ipc/channels/plans.js';
import { guestApiPath, startPlanFixture, type PlanFixture } from './plan-fixture.js';

let fx: PlanFixture;
let ops: string;
let stopped: GuestRef[];
const progress: PlanProgress[] = [];

const configOf = async (g: GuestRef): Promise<Record<string, string>> =>
  Object.fromEntries(
    (await fx.ok('inventory.guestConfig', { clusterId: ops, ...g })).entries.map((e) => [e.key, e.value]),
  );

beforeAll(async () => {
  fx = await startPlanFixture();
  ops = await fx.profile('ops@pve!ops');
  stopped = fx.guests({ type: 'qemu', status: 'stopped' });
  fx.services.events.subscribe((m) => {
    if (m.event === 'plans.progressed') progress.push(m.payload as PlanProgress);
  });
});
afterAll(async () => {
  await fx?.close();
});

describe('snapshots', () => {
  it('one-click snapshot, change config, one-click rollback: the config is restored', async () => {
    const g = stopped[0]!;
    const original = await configOf(g);
    const snap = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.create', guest: g },
    });
    expect(snap.destructive).toBe(false);
    expect(snap.calls[0]!.pvesh).toMatch(
      new RegExp(`^pvesh create ${guestApiPath(g)}/snapshot --snapname auto-\\d{8}-\\d{6}`),
    );
    const snapname = String(snap.calls[0]!.params.snapname);
    expect(snap.diff).toContainEqual({
      kind: 'snapshot-tree',
      key: snapname,
      change: 'added',
      after: expect.stringMatching(/^parent: /),
    });
    const made = await fx.ok('plans.run', { planId: snap.id });
    expect(made.state).toBe('succeeded');
    expect(made.steps[0]!.upid).toMatch(/^UPID:.*:qmsnapshot:/);
    expect(made.steps[0]!.exitstatus).toBe('OK');
    expect(
      progress
        .filter((p) => p.planId === snap.id)
        .map((p) => p.state)
        .at(-1),
    ).toBe('done');

    const edit = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'config', guest: g, changes: { memory: Number(original.memory) + 1024, cores: 7 } },
    });
    expect((await fx.ok('plans.run', { planId: edit.id })).state).toBe('succeeded');
    expect((await configOf(g)).cores).toBe('7');

    const back = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.rollback', guest: g },
    });
    expect(back.title).toBe(`Roll back VM ${g.vmid} (${original.name}) to '${snapname}'`);
    expect(back.destructive).toBe(true);
    expect(back.confirmWord).toBe(original.name);
    expect(back.diff).toContainEqual({
      kind: 'config',
      key: 'cores',
      change: original.cores ? 'changed' : 'removed',
      before: '7',
      ...(original.cores ? { after: original.cores } : {}),
    });
    expect(back.warnings.map((w) => w.code)).toContain('data-loss');
    const unconfirmed = await fx.call('plans.run', { planId: back.id });
    expect(!unconfirmed.ok && unconfirmed.error.code).toBe('bad_parameter');
    const rolled = await fx.ok('plans.run', { planId: back.id, confirmText: original.name });
    expect(rolled.state).toBe('succeeded');
    const restored = await configOf(g);
    expect(restored.memory).toBe(original.memory);
    expect(restored.cores).toBe(original.cores);
  });

  it('deletes a snapshot only with the typed confirmation, and the list no longer has it', async () => {
    const g = stopped[1]!;
    const create = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.create', guest: g, snapname: 'before-upgrade', description: 'keep' },
    });
    await fx.ok('plans.run', { planId: create.id });
    const del = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.delete', guest: g, snapname: 'before-upgrade' },
    });
    expect(del.destructive).toBe(true);
    expect(del.diff).toContainEqual({
      kind: 'snapshot-tree',
      key: 'before-upgrade',
      change: 'removed',
      before: expect.stringMatching(/^parent: /),
    });
    const deletes = fx.requests('DELETE', `${guestApiPath(g)}/snapshot/before-upgrade`);
    const wrong = await fx.call('plans.run', { planId: del.id, confirmText: 'nope' });
    expect(!wrong.ok && wrong.error.message).toContain(`Type ${del.confirmWord}`);
    expect(fx.requests('DELETE', `${guestApiPath(g)}/snapshot/before-upgrade`)).toBe(deletes);
    expect((await fx.ok('plans.run', { planId: del.id, confirmText: del.confirmWord })).state).toBe(
      'succeeded',
    );
    const { snapshots } = await fx.ok('snapshots.list', { profileId: ops, guest: g });
    expect(snapshots.map((s) => s.name)).not.toContain('before-upgrade');
  });
});

describe('power', () => {
  it('bulk start of three stopped VMs is one plan with one line and one POST per guest', async () => {
    const three = stopped.slice(2, 5);
    const plan = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'power', action: 'start', guests: three },
    });
    expect(plan.title).toBe('Start 3 guests');
    expect(plan.calls.map((c) => c.path)).toEqual(three.map((g) => `${guestApiPath(g)}/status/start`));
    expect(plan.diff.map((d) => `${d.key}: ${d.before} → ${d.after}`)).toEqual(
      three.map((g) => expect.stringMatching(new RegExp(`^VM ${g.vmid}.* status: stopped → running$`))),
    );
    const result = await fx.ok('plans.run', { planId: plan.id });
    expect(result.state).toBe('succeeded');
    expect(result.endState.map((e) => e.status)).toEqual(['running', 'running', 'running']);
    for (const g of three) expect(fx.requests('POST', `${guestApiPath(g)}/status/start`)).toBe(1);
  });

  it('shutdown carries timeout and forceStop; a failing task ends the plan as failed with its log', async () => {
    const g = stopped[2]!;
    const plan = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'power', action: 'shutdown', guests: [g], timeout: 30, forceStop: true },
    });
    expect(plan.calls[0]!.pvesh).toBe(
      `pvesh create ${guestApiPath(g)}/status/shutdown --timeout 30 --forceStop 1`,
    );
    fx.sim.cluster.control.failNextTask('qmshutdown', 'guest did not answer');
    const result = await fx.ok('plans.run', { planId: plan.id });
    expect(result.state).toBe('failed');
    expect(result.steps[0]!.exitstatus).toContain('guest did not answer');
    expect(result.error?.message).toContain('guest did not answer');
  });
});
