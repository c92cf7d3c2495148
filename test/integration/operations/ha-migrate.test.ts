// HA, migrate, backup jobs against the simulator: add a VM to HA, see its state, migrate it through HA; plain migrations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { startOpsFixture, type OpsFixture } from './ops-fixture.js';

let fx: OpsFixture;
let running: GuestRef[];

beforeAll(async () => {
  fx = await startOpsFixture();
  running = fx.guests({ type: 'qemu', status: 'running' }).filter((g) => g.vmid !== 101);
});
afterAll(async () => {
  await fx?.close();
});

const other = (node: string): string => (node === 'pve1' ? 'pve2' : 'pve1');

describe('HA', () => {
  it('adds a VM, shows requested vs current state, changes limits, migrates through HA and removes it', async () => {
    const g = running[0]!;
    const sid = `vm:${g.vmid}`;
    const { plan, result } = await fx.buildAndRun({
      kind: 'ha.add',
      guest: g,
      state: 'started',
      maxRestart: 2,
      maxRelocate: 1,
    });
    expect(plan.calls[0]).toMatchObject({
      method: 'POST',
      path: '/cluster/ha/resources',
      params: { sid, state: 'started', max_restart: 2, max_relocate: 1 },
    });
    expect(result.state).toBe('succeeded');
    let view = await fx.ok('operations.ha', { profileId: fx.root });
    expect(view.quorate).toBe(true);
    expect(view.resources.find((r) => r.sid === sid)).toMatchObject({
      requested: 'started',
      current: 'started',
      node: g.node,
      maxRestart: 2,
    });
    expect(view.rules).toBeDefined();

    const upd = await fx.buildAndRun({ kind: 'ha.update', sid, maxRestart: 3 });
    expect(upd.plan.diff).toEqual([
      { kind: 'config', key: `ha ${sid} max_restart`, change: 'changed', before: '2', after: '3' },
    ]);

    // a plain migrate of an HA-managed guest goes through the HA manager
    const target = other(g.node);
    const mig = await fx.buildAndRun({ kind: 'migrate', guest: g, target });
    expect(mig.plan.calls[0]).toMatchObject({
      method: 'POST',
      path: `/cluster/ha/resources/${encodeURIComponent(sid)}/migrate`.replace('%3A', ':'),
      params: { node: target },
    });
    expect(mig.plan.warnings.some((w) => w.code === 'ha-managed')).toBe(true);
    expect(mig.result.state).toBe('succeeded');
    view = await fx.ok('operations.ha', { profileId: fx.root });
    expect(view.resources.find((r) => r.sid === sid)?.node).toBe(target);

    const rm = await fx.buildAndRun({ kind: 'ha.remove', sid });
    expect(rm.result.state).toBe('succeeded');
    view = await fx.ok('operations.ha', { profileId: fx.root });
    expect(view.resources.some((r) => r.sid === sid)).toBe(false);
  }, 30_000);

  it('an identity without Sys.Console gets a blocked plan naming the privilege', async () => {
    const ops = await fx.profile('ops@pve!ops');
    const plan = await fx.build({ kind: 'ha.add', guest: running[1]!, state: 'started' }, ops);
    expect(plan.blocked).toBe(true);
    expect(plan.blockReasons.join(' ')).toMatch(/Sys\.Console/);
  });
});

describe('migrate', () => {
  it('a running VM migrates online and lists its local disks as a precondition', async () => {
    const g = running[2]!;
    const info = await fx.ok('operations.migrateInfo', { profileId: fx.root, guest: g });
    expect(info.mode).toBe('online');
    expect(info.localDisks.length).toBeGreaterThan(0);
    const { plan, result } = await fx.buildAndRun({ kind: 'migrate', guest: g, target: other(g.node) });
    expect(plan.calls[0]!.params).toMatchObject({
      target: other(g.node),
      online: true,
      'with-local-disks': true,
    });
    expect(result.state).toBe('succeeded');
    expect(fx.sim.cluster.guestStatus?.(g.vmid)?.node).toBe(other(g.node));
  });

  it('a running container migrates in restart mode', async () => {
    const ct = fx.guests({ type: 'lxc', status: 'running' })[0]!;
    const { plan, result } = await fx.buildAndRun({ kind: 'migrate', guest: ct, target: other(ct.node) });
    expect(plan.calls[0]!.params).toMatchObject({ restart: true });
    expect(plan.warnings.map((w) => w.message).join(' ')).toMatch(/restart mode/);
    expect(result.state).toBe('succeeded');
  });

  it('refuses the node the guest already runs on', async () => {
    const g = running[3]!;
    const r = await fx.call('operations.build', {
      profileId: fx.root,
      action: { kind: 'migrate', guest: g, target: g.node },
    });
    expect(r.ok).toBe(false);
  });
});

describe('backup jobs', () => {
  it('creates, edits (dropping options) and deletes a job', async () => {
    const job = {
      schedule: 'mon,fri 02:30',
      storage: 'nfs-backup',
      mode: 'snapshot' as const,
      compress: 'zstd' as const,
      selection: { kind: 'vmids' as const, vmids: [100, 102] },
      enabled: true,
      comment: 'twice weekly',
    };
    const created = await fx.buildAndRun({ kind: 'backupjob.create', id: 'test-job', job });
    expect(created.result.state).toBe('succeeded');
    let jobs = (await fx.ok('operations.backupJobs', { profileId: fx.root })).jobs;
    expect(jobs.find((j) => j.id === 'test-job')).toMatchObject({
      schedule: 'mon,fri 02:30',
      selection: 'vmid 100,102',
      enabled: true,
    });
    expect(jobs.find((j) => j.id === 'test-job')?.nextRun).toBeGreaterThan(0);
    const edit = await fx.buildAndRun({
      kind: 'backupjob.update',
      id: 'test-job',
      job: { ...job, selection: { kind: 'all' }, comment: undefined },
    });
    expect(edit.plan.calls[0]!.params).toMatchObject({ all: 1, delete: 'vmid,comment' });
    jobs = (await fx.ok('operations.backupJobs', { profileId: fx.root })).jobs;
    expect(jobs.find((j) => j.id === 'test-job')).toMatchObject({ selection: 'all' });
    expect(jobs.find((j) => j.id === 'test-job')?.comment).toBeUndefined();
    const del = await fx.buildAndRun({ kind: 'backupjob.delete', id: 'test-job' });
    expect(del.plan.destructive).toBe(true);
    jobs = (await fx.ok('operations.backupJobs', { profileId: fx.root })).jobs;
    expect(jobs.some((j) => j.id === 'test-job')).toBe(false);
  });
});
