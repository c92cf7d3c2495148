// Backups against the simulator: back up, list across storages, restore to a new vmid, verify a restore, a failing backup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { startOpsFixture, type OpsFixture } from './ops-fixture.js';

let fx: OpsFixture;
let vm: GuestRef;

beforeAll(async () => {
  fx = await startOpsFixture();
  vm = fx.guests({ type: 'qemu', status: 'running' })[0]!;
});
afterAll(async () => {
  await fx?.close();
});

const backupsOf = async (vmid: number) =>
  (await fx.ok('operations.backups', { profileId: fx.root, vmid })).backups;

describe('backup now', () => {
  it('plans one vzdump call with the mode trade-off, runs it as a task, and the archive is listed', async () => {
    const before = await backupsOf(vm.vmid);
    const { plan, result } = await fx.buildAndRun({
      kind: 'backup.run',
      guest: vm,
      storage: 'local',
      mode: 'snapshot',
      compress: 'zstd',
      notes: 'before upgrade',
      protected: true,
    });
    expect(plan.calls.map((c) => `${c.method} ${c.path}`)).toEqual([`POST /nodes/${vm.node}/vzdump`]);
    expect(plan.calls[0]!.pvesh).toContain(
      `--vmid ${vm.vmid} --storage local --mode snapshot --compress zstd`,
    );
    expect(plan.diff.find((d) => d.key === 'consistency')?.after).toMatch(/snapshot mode/);
    expect(result.state).toBe('succeeded');
    expect(result.steps[0]!.upid).toMatch(/:vzdump:/);
    expect(result.steps[0]!.log.map((l) => l.t)).toContain('INFO: Backup job finished successfully');
    const after = await backupsOf(vm.vmid);
    expect(after.length).toBe(before.length + 1);
    const fresh = after.find((b) => !before.some((x) => x.volid === b.volid))!;
    expect(fresh).toMatchObject({
      storage: 'local',
      node: vm.node,
      vmid: vm.vmid,
      type: 'qemu',
      protected: true,
      notes: 'before upgrade',
      format: 'vma.zst',
    });
  });

  it("a failing backup ends the plan with PVE's task error and its ERROR log line", async () => {
    fx.sim.cluster.control.failNextTask('vzdump', 'backup storage unreachable');
    const { result } = await fx.buildAndRun({
      kind: 'backup.run',
      guest: vm,
      storage: 'local',
      mode: 'stop',
      compress: 'zstd',
    });
    expect(result.state).toBe('failed');
    expect(result.steps[0]!.exitstatus).toBe('job errors');
    expect(result.steps[0]!.log.map((l) => l.t)).toContain(
      `ERROR: Backup of VM ${vm.vmid} failed - backup storage unreachable`,
    );
  });

  it('lists backups across storages, the shared one once', async () => {
    const all = (await fx.ok('operations.backups', { profileId: fx.root })).backups;
    const shared = all.filter((b) => b.storage === 'nfs-backup');
    expect(shared.length).toBeGreaterThan(0);
    expect(new Set(shared.map((b) => b.volid)).size).toBe(shared.length);
  });
});

describe('restore', () => {
  it('restores to the next free vmid with unique MACs by default', async () => {
    const archive = (await backupsOf(100))[0]!;
    const { plan, result } = await fx.buildAndRun({
      kind: 'backup.restore',
      node: archive.node,
      type: 'qemu',
      volid: archive.volid,
      target: { mode: 'new' },
    });
    expect(plan.destructive).toBe(false);
    const params = plan.calls[0]!.params;
    expect(params).toMatchObject({ archive: archive.volid, unique: true });
    expect(result.state).toBe('succeeded');
    const vmid = Number(params.vmid);
    expect(fx.sim.cluster.guestStatus?.(vmid)?.type).toBe('qemu');
  });

  it('restoring over an existing guest is destructive and needs the typed name; a running guest is refused', async () => {
    const archive = (await backupsOf(100))[0]!;
    const running = fx.sim.cluster.guestStatus?.(100)?.status === 'running';
    if (running) {
      const refused = await fx.call('operations.build', {
        profileId: fx.root,
        action: {
          kind: 'backup.restore',
          node: archive.node,
          type: 'qemu',
          volid: archive.volid,
          target: { mode: 'overwrite', vmid: 100 },
        },
      });
      expect(refused.ok).toBe(false);
      fx.sim.cluster.control.setGuestStatus(100, 'stopped');
    }
    const plan = await fx.build({
      kind: 'backup.restore',
      node: fx.sim.cluster.guestStatus!(100)!.node,
      type: 'qemu',
      volid: archive.volid,
      target: { mode: 'overwrite', vmid: 100 },
    });
    expect(plan.destructive).toBe(true);
    expect(plan.calls[0]!.params).toMatchObject({ force: true });
    expect(plan.warnings.some((w) => w.code === 'data-loss')).toBe(true);
    const wrong = await fx.call('plans.run', { planId: plan.id, confirmText: 'nope' });
    expect(wrong.ok).toBe(false);
    const ok = await fx.ok('plans.run', { planId: plan.id, confirmText: plan.confirmWord! });
    expect(ok.state).toBe('succeeded');
  });
});

describe('restore verification', () => {
  it('restores to a scratch vmid, starts it, waits for running, reports pass with timings and removes the scratch guest', async () => {
    const archive = (await backupsOf(vm.vmid)).find((b) => b.type === 'qemu')!;
    const { plan, result } = await fx.buildAndRun({
      kind: 'backup.verify',
      node: archive.node,
      type: 'qemu',
      volid: archive.volid,
      timeoutSec: 30,
    });
    expect(plan.calls.map((c) => c.method)).toEqual(['POST', 'POST', 'POST', 'POST', 'DELETE']);
    expect(result.state).toBe('succeeded');
    const report = await fx.ok('operations.verifyReport', { planId: plan.id });
    expect(report.state).toBe('pass');
    expect(report.cleanedUp).toBe(true);
    expect(Object.keys(report.timings)).toEqual(expect.arrayContaining(['restore', 'start', 'running']));
    expect(fx.sim.cluster.guestStatus?.(report.scratchVmid)).toBeUndefined();
  }, 60_000);

  it('reports fail when the scratch guest cannot start, and still removes it', async () => {
    const archive = (await backupsOf(vm.vmid)).find((b) => b.type === 'qemu')!;
    fx.sim.cluster.control.failNextTask('qmstart', 'start failed: kvm: no space');
    const { plan, result } = await fx.buildAndRun({
      kind: 'backup.verify',
      node: archive.node,
      type: 'qemu',
      volid: archive.volid,
      timeoutSec: 10,
    });
    expect(result.state).toBe('failed');
    const report = await fx.ok('operations.verifyReport', { planId: plan.id });
    expect(report.state).toBe('fail');
    expect(report.detail).toMatch(/kvm: no space/);
    expect(report.cleanedUp).toBe(true);
    expect(fx.sim.cluster.guestStatus?.(report.scratchVmid)).toBeUndefined();
  }, 60_000);
});
