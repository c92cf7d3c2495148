// Firewall, SDN, Ceph and replication through the real app services against the simulator: views, plans, runs, refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestArgs } from '../../../src-shared/ipc/contract.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';

let fx: OpsFixture;
let auditor: string;

beforeAll(async () => {
  fx = await startOpsFixture();
  auditor = await fx.profile('auditor@pve!ro');
});
afterAll(async () => {
  await fx?.close();
});

async function run(plan: Plan) {
  expect(plan.blocked, plan.blockReasons.join('; ')).toBe(false);
  return fx.ok('plans.run', {
    planId: plan.id,
    ...(plan.confirmWord ? { confirmText: plan.confirmWord } : {}),
  });
}
const fwBuild = (action: RequestArgs<'firewall.build'>['action'], profileId = fx.root) =>
  fx.ok('firewall.build', { profileId, action });

describe('firewall', () => {
  const scope = { kind: 'cluster' } as const;
  it('shows the cluster rules and options converted', async () => {
    const v = await fx.ok('firewall.view', { profileId: fx.root, scope });
    expect(v.options).toMatchObject({ enable: '1', policy_in: 'DROP' });
    expect(v.rules[0]).toEqual({
      pos: 0,
      type: 'in',
      action: 'ACCEPT',
      enabled: true,
      macro: 'SSH',
      source: '10.0.0.0/8',
      comment: 'admin ssh',
    });
    expect(v.digest).toMatch(/^[0-9a-f]{40}$/);
  });

  it('adds a rule through a plan with the pvesh line and the digest, then edits and deletes it', async () => {
    const rule = {
      type: 'in',
      action: 'DROP',
      enabled: true,
      proto: 'tcp',
      dport: '23',
      comment: 'no telnet',
    } as const;
    const plan = await fwBuild({ kind: 'firewall.rule.add', scope, rule });
    expect(plan.calls[0]!.pvesh).toMatch(
      /^pvesh create \/cluster\/firewall\/rules --type in --action DROP --enable 1 --proto tcp --dport 23 --comment 'no telnet' --digest [0-9a-f]{40}$/,
    );
    expect(plan.calls[0]!.privileges).toEqual(['Sys.Modify on /']);
    expect(plan.diff[0]).toMatchObject({ change: 'added', after: 'IN DROP -p tcp -dport 23 # no telnet' });
    expect((await run(plan)).state).toBe('succeeded');
    let v = await fx.ok('firewall.view', { profileId: fx.root, scope });
    expect(v.rules[0]).toMatchObject({ pos: 0, action: 'DROP', dport: '23' });
    const edit = await fwBuild({
      kind: 'firewall.rule.edit',
      scope,
      pos: 0,
      rule: { ...rule, enabled: false, comment: undefined } as never,
    });
    expect(edit.calls[0]!.pvesh).toContain(
      'pvesh set /cluster/firewall/rules/0 --type in --action DROP --enable 0 --proto tcp --dport 23 --delete comment',
    );
    expect(edit.diff[0]).toMatchObject({
      before: 'IN DROP -p tcp -dport 23 # no telnet',
      after: '|IN DROP -p tcp -dport 23',
    });
    expect((await run(edit)).state).toBe('succeeded');
    const del = await fwBuild({ kind: 'firewall.rule.delete', scope, pos: 0 });
    expect((await run(del)).state).toBe('succeeded');
    v = await fx.ok('firewall.view', { profileId: fx.root, scope });
    expect(v.rules.map((r) => r.dport ?? r.macro)).toEqual(['SSH', '8006', undefined]);
  });

  it("a plan built before someone else changed the rules fails on PVE's digest check, nothing changed", async () => {
    const plan = await fwBuild({ kind: 'firewall.rule.delete', scope, pos: 2 });
    const other = await fwBuild({
      kind: 'firewall.rule.add',
      scope,
      rule: { type: 'out', action: 'ACCEPT', enabled: true },
    });
    await run(other);
    const r = await run(plan);
    expect(r.state).toBe('failed');
    expect(r.error?.message).toContain('detected modified configuration');
  });

  it('the auditor gets a blocked plan naming Sys.Modify on /', async () => {
    const plan = await fwBuild(
      { kind: 'firewall.rule.add', scope, rule: { type: 'in', action: 'ACCEPT', enabled: true } },
      auditor,
    );
    expect(plan.blocked).toBe(true);
    expect(plan.blockReasons.join(' ')).toContain('Sys.Modify');
  });
});

describe('sdn', () => {
  it('creates a vnet as pending, apply lists it and runs the reload task', async () => {
    const create = await fx.ok('sdn.build', {
      profileId: fx.root,
      action: { kind: 'sdn.vnet.create', vnet: 'vnet30', zone: 'vlanzone', tag: 30 },
    });
    expect(create.calls[0]!.privileges).toEqual(['SDN.Allocate on /sdn/zones/{zone}']);
    await run(create);
    let v = await fx.ok('sdn.view', { profileId: fx.root });
    expect(v.vnets.find((n) => n.id === 'vnet30')).toMatchObject({ state: 'new', zone: 'vlanzone' });
    expect(v.pendingCount).toBe(1);
    const apply = await fx.ok('sdn.build', { profileId: fx.root, action: { kind: 'sdn.apply' } });
    expect(apply.diff).toEqual([
      { kind: 'config', key: 'vnet vnet30', change: 'added', after: 'type=vnet, zone=vlanzone, tag=30' },
    ]);
    const r = await run(apply);
    expect(r.state).toBe('succeeded');
    expect(r.steps[0]!.upid).toMatch(/:reloadnetworkall:/);
    v = await fx.ok('sdn.view', { profileId: fx.root });
    expect(v.pendingCount).toBe(0);
    const none = await fx.call('sdn.build', { profileId: fx.root, action: { kind: 'sdn.apply' } });
    expect(none.ok ? '' : none.error.message).toBe('There are no pending SDN changes to apply');
  });

  it('the auditor sees zones, vnets and subnets, and apply is blocked for SDN.Allocate', async () => {
    const v = await fx.ok('sdn.view', { profileId: auditor });
    expect(v.zones.map((z) => z.id)).toEqual(['simple1', 'vlanzone']);
    expect(v.subnets[0]).toMatchObject({
      vnet: 'vnet1',
      cidr: '10.10.0.0/24',
      gateway: '10.10.0.1',
      snat: true,
    });
    await run(
      await fx.ok('sdn.build', {
        profileId: fx.root,
        action: { kind: 'sdn.subnet.create', vnet: 'vnet30', cidr: '10.30.0.0/24' },
      }),
    );
    const apply = await fx.ok('sdn.build', { profileId: auditor, action: { kind: 'sdn.apply' } });
    expect(apply.blocked).toBe(true);
    expect(apply.blockReasons.join(' ')).toContain('SDN.Allocate');
  });
});

describe('ceph', () => {
  it('reads health, OSDs per host and pools', async () => {
    const v = await fx.ok('ceph.view', { profileId: auditor });
    expect(v).toMatchObject({ configured: true, health: 'HEALTH_OK', osdCounts: { total: 4, up: 4, in: 4 } });
    expect(v.osds.map((o) => `${o.host}/${o.name}`)).toEqual([
      'pve1/osd.0',
      'pve1/osd.1',
      'pve2/osd.2',
      'pve2/osd.3',
    ]);
    expect(v.pools.map((p) => p.name)).toEqual(['.mgr', 'ceph-vm', 'ceph-ct']);
  });
});

describe('replication', () => {
  it('lists jobs with their state, runs one now through a plan and shows the new sync time', async () => {
    const { jobs } = await fx.ok('replication.view', { profileId: fx.root });
    expect(jobs.length).toBeGreaterThan(0);
    const job = jobs[0]!;
    expect(job.lastSync).toBeGreaterThan(0);
    const plan = await fx.ok('replication.build', {
      profileId: fx.root,
      action: { kind: 'replication.runNow', id: job.id },
    });
    expect(plan.calls[0]!.pvesh).toBe(`pvesh create /nodes/${job.source}/replication/${job.id}/schedule_now`);
    expect((await run(plan)).state).toBe('succeeded');
    const after = (await fx.ok('replication.view', { profileId: fx.root })).jobs.find(
      (j) => j.id === job.id,
    )!;
    expect(after.lastSync).toBeGreaterThan(job.lastSync);
  });

  it('creates a job to another node; the auditor is blocked for VM.Replicate', async () => {
    const before = (await fx.ok('replication.view', { profileId: fx.root })).jobs;
    const taken = before[0]!;
    const dup = await fx.call('replication.build', {
      profileId: fx.root,
      action: { kind: 'replication.create', guest: taken.guest, target: taken.target },
    });
    expect(dup.ok ? '' : dup.error.message).toBe(
      `Guest ${taken.guest} already replicates to ${taken.target}`,
    );
    const g = [...fx.guests({ status: 'stopped' }), ...fx.guests({ status: 'running' })].find(
      (x) => !before.some((j) => j.guest === x.vmid),
    );
    const target = g!.node === 'pve1' ? 'pve2' : 'pve1';
    const denied = await fx.ok('replication.build', {
      profileId: auditor,
      action: { kind: 'replication.create', guest: g!.vmid, target },
    });
    expect(denied.blockReasons.join(' ')).toContain(`VM.Replicate on /vms/${g!.vmid}`);
    const plan = await fx.ok('replication.build', {
      profileId: fx.root,
      action: { kind: 'replication.create', guest: g!.vmid, target, schedule: '*/30' },
    });
    const r = await run(plan);
    expect(r.error?.message).toBeUndefined();
    const { jobs } = await fx.ok('replication.view', { profileId: fx.root });
    expect(jobs.find((j) => j.guest === g!.vmid && j.target === target)).toMatchObject({
      schedule: '*/30',
      source: g!.node,
    });
  });
});
