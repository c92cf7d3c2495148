// Undoable rollback against the simulator: the safety snapshot (with RAM) is a step of the rollback plan, one confirm
// instead of typing; "undo rollback" restores the pre-rollback config and power state; old safety snapshots are pruned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef, PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import { guestApiPath, startPlanFixture, type PlanFixture } from './plan-fixture.js';

let fx: PlanFixture;
let ops: string;

const configOf = async (g: GuestRef): Promise<Record<string, string>> =>
  Object.fromEntries(
    (await fx.ok('inventory.guestConfig', { clusterId: ops, ...g })).entries.map((e) => [e.key, e.value]),
  );
/** parent and digest change with every snapshot taken; the rest is the guest's config */
const withoutNoise = (c: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'parent' && k !== 'digest'));
const statusOf = (g: GuestRef): string | undefined => fx.sim.cluster.guestStatus?.(g.vmid)?.status;
const snapshotNames = async (g: GuestRef): Promise<string[]> =>
  (await fx.ok('snapshots.list', { profileId: ops, guest: g })).snapshots.map((s) => s.name);

async function planAndRun(action: PlanAction, confirmText?: string) {
  const plan = await fx.ok('plans.build', { profileId: ops, action });
  const result = await fx.ok('plans.run', { planId: plan.id, ...(confirmText ? { confirmText } : {}) });
  expect(result.state, result.error?.message).toBe('succeeded');
  return { plan, result };
}

beforeAll(async () => {
  fx = await startPlanFixture();
  ops = await fx.profile('ops@pve!ops');
});
afterAll(async () => {
  await fx?.close();
});

describe('undoable rollback', () => {
  it('takes a RAM safety snapshot of a running VM first, and undo returns to that config, running', async () => {
    const g = fx.guests({ type: 'qemu', status: 'running' })[0]!;
    await planAndRun({ kind: 'snapshot.create', guest: g, snapname: 'base' });
    const baseMemory = (await configOf(g)).memory;
    await planAndRun({ kind: 'config', guest: g, changes: { description: 'after base' } });
    const changed = await configOf(g);

    const rollback = await fx.ok('plans.build', {
      profileId: ops,
      action: {
        kind: 'snapshot.rollback',
        guest: g,
        snapname: 'base',
        safetySnapshot: true,
        safetyRam: true,
      },
    });
    expect(rollback.destructive).toBe(false);
    expect(rollback.confirmWord).toBeUndefined();
    expect(rollback.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST ${guestApiPath(g)}/snapshot`,
      `POST ${guestApiPath(g)}/snapshot/base/rollback`,
    ]);
    const safety = String(rollback.calls[0]!.params.snapname);
    expect(safety).toMatch(/^proxdeck-before-rollback-\d{8}-\d{6}$/);
    expect(rollback.calls[0]!.params.vmstate).toBe(true);
    expect(rollback.warnings.map((w) => w.code)).toContain('safety-snapshot');
    expect(rollback.diff).toContainEqual(
      expect.objectContaining({ kind: 'snapshot-tree', key: safety, change: 'added' }),
    );
    await fx.ok('plans.run', { planId: rollback.id });
    expect((await configOf(g)).description).not.toBe('after base');
    expect((await configOf(g)).memory).toBe(baseMemory);
    expect(statusOf(g)).toBe('stopped');
    expect(await snapshotNames(g)).toContain(safety);

    const undo = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.undo-rollback', guest: g },
    });
    expect(undo.destructive).toBe(false);
    expect(undo.calls.map((c) => c.path)).toEqual([`${guestApiPath(g)}/snapshot/${safety}/rollback`]);
    expect(undo.diff).toContainEqual(expect.objectContaining({ kind: 'power', after: 'running' }));
    const undone = await fx.ok('plans.run', { planId: undo.id });
    expect(undone.state).toBe('succeeded');
    const restored = await configOf(g);
    expect(restored.description).toBe('after base');
    expect(withoutNoise(restored)).toEqual(withoutNoise(changed));
    expect(statusOf(g)).toBe('running');
  });

  it('without the safety snapshot, rollback still needs the typed guest name', async () => {
    const g = fx.guests({ type: 'qemu', status: 'stopped' })[0]!;
    await planAndRun({ kind: 'snapshot.create', guest: g, snapname: 'plain' });
    const plan = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.rollback', guest: g, snapname: 'plain' },
    });
    expect(plan.destructive).toBe(true);
    expect(plan.calls).toHaveLength(1);
    const refused = await fx.call('plans.run', { planId: plan.id });
    expect(refused.ok).toBe(false);
    expect(await snapshotNames(g)).not.toContainEqual(expect.stringMatching(/^proxdeck-before-rollback-/));
  });

  it('an undo of a container that ran without RAM starts it again', async () => {
    const g = fx.guests({ type: 'lxc', status: 'running' })[0]!;
    await planAndRun({ kind: 'snapshot.create', guest: g, snapname: 'ct-base' });
    await planAndRun({ kind: 'snapshot.rollback', guest: g, snapname: 'ct-base', safetySnapshot: true });
    expect(statusOf(g)).toBe('stopped');
    const { plan } = await planAndRun({ kind: 'snapshot.undo-rollback', guest: g });
    expect(plan.calls[0]!.params).toEqual({ start: true });
    expect(statusOf(g)).toBe('running');
  });

  it('prunes old safety snapshots to the last N in one plan, keeping the newest', async () => {
    const g = fx.guests({ type: 'qemu', status: 'stopped' })[1]!;
    await planAndRun({ kind: 'snapshot.create', guest: g, snapname: 'p0' });
    const safeties: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { plan } = await planAndRun({
        kind: 'snapshot.rollback',
        guest: g,
        snapname: 'p0',
        safetySnapshot: true,
      });
      safeties.push(String(plan.calls[0]!.params.snapname));
    }
    expect(new Set(safeties).size).toBe(3);
    const prune = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.prune-safety', guest: g, keep: 1 },
    });
    expect(prune.calls.map((c) => `${c.method} ${c.path}`)).toEqual(
      safeties.slice(0, 2).map((s) => `DELETE ${guestApiPath(g)}/snapshot/${s}`),
    );
    expect(prune.destructive).toBe(true);
    const result = await fx.ok('plans.run', { planId: prune.id, confirmText: prune.confirmWord! });
    expect(result.state).toBe('succeeded');
    const left = (await snapshotNames(g)).filter((n) => n.startsWith('proxdeck-before-rollback-'));
    expect(left).toEqual([safeties[2]]);
    const again = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'snapshot.prune-safety', guest: g, keep: 1 },
    });
    expect(again.calls).toEqual([]);
  });
});
