// The app against the simulator as PVE 8.4 and 9.1 (full) and 7.4 (read-only smoke), with the odd-but-real data on
// (`quirks`): raw lxc lines, PBS backups, locks, odd tasks, an unreadable LRM entry, per-version RRD columns and HA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { getClusterResources } from '../../../src-main/pve/api/cluster.js';
import { runVzdump } from '../../../src-main/pve/api/backups.js';
import { getTaskStatus } from '../../../src-main/pve/api/tasks.js';
import { ticketAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/default-state.js';
import { RAW_LXC_LINES } from '../../pve-sim/version/quirks.js';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';

/** First two containers carry raw lxc lines in the quirks dataset (seed 7: 113 and 114, both stopped). */
const RAW_CT = 113;

async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function setup(version: string): { fx: () => OpsFixture; ct: () => GuestRef } {
  let fx: OpsFixture;
  beforeAll(async () => {
    fx = await startOpsFixture({ version, quirks: true });
  });
  afterAll(async () => {
    await fx?.close();
  });
  return {
    fx: () => fx,
    ct: () => {
      const g = fx.sim.cluster.guestStatus!(RAW_CT)!;
      return { node: g.node, type: g.type, vmid: RAW_CT };
    },
  };
}

const rawLines = (entries: Array<{ key: string; value: string; readonly?: true }>) =>
  entries.filter((e) => e.readonly).map((e) => [e.key, e.value]);

/** Reads every version supports (7.4 included): connect, inventory, config view, RRD, snapshots, backups, HA. */
function readChecks(version: string, ctx: ReturnType<typeof setup>): void {
  const { fx, ct } = ctx;

  it('connects and reads the inventory: odd values normalised, nothing skipped', async () => {
    const summary = await fx().ok('connect.test', { profileId: fx().root });
    expect(summary.version.startsWith(version)).toBe(true);
    const snap = await fx().ok('inventory.subscribe', { clusterId: fx().root });
    expect(snap.skipped).toBe(0);
    const guests = snap.records.filter((r) => r.kind === 'guest');
    expect(guests.length).toBeGreaterThanOrEqual(24);
    for (const g of guests) {
      expect(typeof g.vmid).toBe('number');
      expect(g.name).not.toBe('');
      expect(g.cpu ?? 0).toBeGreaterThanOrEqual(0);
    }
    expect(guests.find((g) => g.vmid === 101)?.name).toBe('VM 101');
  });

  it('shows a container config with its raw lxc lines, read-only', async () => {
    const { entries } = await fx().ok('inventory.guestConfig', { clusterId: fx().root, ...ct() });
    expect(rawLines(entries)).toEqual(RAW_LXC_LINES);
    expect(entries.find((e) => e.key === 'hostname')?.readonly).toBeUndefined();
  });

  it('reads RRD with the columns of this version', async () => {
    const { samples } = await fx().ok('rrd.node', {
      clusterId: fx().root,
      node: 'pve1',
      timeframe: 'hour',
      cf: 'AVERAGE',
    });
    const last = samples.filter((s) => s.memused !== undefined).at(-1)!;
    const guest = (
      await fx().ok('rrd.guest', {
        clusterId: fx().root,
        node: 'pve2',
        type: 'qemu',
        vmid: 101,
        timeframe: 'hour',
        cf: 'AVERAGE',
      })
    ).samples.filter((s) => s.mem !== undefined);
    if (version.startsWith('9')) {
      expect(last.memavailable).toBeGreaterThan(0);
      expect(typeof last.pressurecpusome).toBe('number');
      expect(guest.at(-1)!.memhost).toBeGreaterThan(guest.at(-1)!.mem!);
    } else {
      expect(last).not.toHaveProperty('memavailable');
      expect(guest.at(-1)).not.toHaveProperty('memhost');
    }
  });

  it('lists snapshots of the raw-lxc container', async () => {
    const r = await fx().ok('snapshots.list', { profileId: fx().root, guest: ct() });
    expect(Array.isArray(r.snapshots)).toBe(true);
  });

  it('lists file and PBS backups, with the PBS verification state', async () => {
    const backups = (await fx().ok('operations.backups', { profileId: fx().root })).backups;
    const pbs = backups.filter((b) => b.storage === 'pbs-store');
    expect(backups.some((b) => b.storage === 'nfs-backup')).toBe(true);
    expect(pbs.map((b) => b.format).sort()).toEqual(['pbs-ct', 'pbs-vm', 'pbs-vm']);
    expect(pbs.map((b) => b.verification ?? 'none').sort()).toEqual(['failed', 'none', 'ok']);
    expect(pbs.some((b) => b.protected)).toBe(true);
    expect(pbs.some((b) => b.encrypted)).toBe(true);
    expect(pbs.find((b) => b.format === 'pbs-ct')?.type).toBe('lxc');
  });

  it('shows HA: the unreadable LRM entry is a problem, not a node; PVE dates are read', async () => {
    const ha = await fx().ok('operations.ha', { profileId: fx().root });
    expect(ha.nodes.map((n) => n.node).sort()).toEqual(['pve1', 'pve2']);
    expect(ha.nodes.every((n) => typeof n.since === 'number')).toBe(true);
    expect(ha.problems).toEqual(['unable to read lrm status']);
    // PVE 9 migrated groups to rules; before it, groups are the only placement config
    if (version.startsWith('9')) expect(ha.groups).toEqual([]);
    else
      expect({ rules: ha.rules, groups: ha.groups.map((g) => g.id) }).toEqual({
        rules: [],
        groups: ['prefer-pve1'],
      });
  });

  it('lists odd tasks: non-numeric ids and free-text exit statuses, warnings not failures', async () => {
    const { tasks } = await fx().ok('tasks.list', { profileId: fx().root, node: 'pve1', filter: {} });
    const byType = (t: string) => tasks.find((x) => x.type === t);
    expect(byType('srvreload')).toMatchObject({
      id: 'networking',
      statusClass: 'error',
      status: 'unexpected status',
    });
    expect(byType('aptupdate')).toMatchObject({ id: '', statusClass: 'warning', status: 'WARNINGS: 2' });
    expect(tasks.find((x) => x.type === 'vzdump' && x.id === '')).toMatchObject({
      statusClass: 'error',
      status: 'job errors',
    });
  });
}

describe.each(['8.4', '9.1'])('PVE %s', (version) => {
  const ctx = setup(version);
  const { fx, ct } = ctx;
  readChecks(version, ctx);

  it('edits another key of the raw-lxc container and keeps its raw lines', async () => {
    const plan = await fx().ok('plans.build', {
      profileId: fx().root,
      action: { kind: 'config', guest: ct(), changes: { description: `edited on ${version}` } },
    });
    expect(plan.blocked).toBe(false);
    const result = await fx().ok('plans.run', { planId: plan.id });
    expect(result.state).toBe('succeeded');
    const { entries } = await fx().ok('inventory.guestConfig', { clusterId: fx().root, ...ct() });
    expect(entries.find((e) => e.key === 'description')?.value).toBe(`edited on ${version}`);
    expect(rawLines(entries)).toEqual(RAW_LXC_LINES);
  });

  it('plans snapshot, backup and migrate of the raw-lxc container', async () => {
    const snap = await fx().ok('plans.build', {
      profileId: fx().root,
      action: { kind: 'snapshot.create', guest: ct(), snapname: 'rawlxc' },
    });
    expect(snap.blocked).toBe(false);
    expect((await fx().ok('plans.run', { planId: snap.id })).state).toBe('succeeded');
    const backup = await fx().build({
      kind: 'backup.run',
      guest: ct(),
      storage: 'local',
      mode: 'snapshot',
      compress: 'zstd',
    });
    expect(backup.blocked).toBe(false);
    const target = ct().node === 'pve1' ? 'pve2' : 'pve1';
    const migrate = await fx().build({ kind: 'migrate', guest: ct(), target });
    expect(migrate.blocked).toBe(false);
  });

  it('restores a PBS archive to a new guest and verifies a PBS restore', async () => {
    const pbs = (await fx().ok('operations.backups', { profileId: fx().root })).backups.find(
      (b) => b.storage === 'pbs-store' && b.type === 'qemu' && !b.encrypted,
    )!;
    const { plan, result } = await fx().buildAndRun({
      kind: 'backup.restore',
      node: pbs.node,
      type: 'qemu',
      volid: pbs.volid,
      target: { mode: 'new' },
    });
    expect(plan.calls[0]!.params).toMatchObject({ archive: pbs.volid });
    expect(result.state).toBe('succeeded');
    expect(fx().sim.cluster.guestStatus?.(Number(plan.calls[0]!.params.vmid))?.type).toBe('qemu');
    const verify = await fx().buildAndRun({
      kind: 'backup.verify',
      node: pbs.node,
      type: 'qemu',
      volid: pbs.volid,
      timeoutSec: 30,
    });
    expect(verify.result.state).toBe('succeeded');
    expect((await fx().ok('operations.verifyReport', { planId: verify.plan.id })).state).toBe('pass');
  }, 60_000);

  it('a backup task locks the guest in /cluster/resources; the lock clears when the task ends', async () => {
    const c = new PveClient({
      host: '127.0.0.1',
      port: fx().sim.port,
      auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD }),
      trust: { pin: fx().sim.fingerprint },
    });
    try {
      fx().sim.cluster.control.setTaskDurationMs(1500);
      const upid = await runVzdump(c, ct().node, {
        vmid: String(RAW_CT),
        storage: 'local',
        mode: 'snapshot',
      });
      const lockOf = async () => (await getClusterResources(c, 'vm')).find((r) => r.vmid === RAW_CT)?.lock;
      expect(await until('lock', lockOf, (l) => l === 'backup')).toBe('backup');
      await until(
        'task end',
        () => getTaskStatus(c, ct().node, upid),
        (t) => t.status === 'stopped',
      );
      expect(await until('unlock', lockOf, (l) => l === undefined)).toBeUndefined();
    } finally {
      fx().sim.cluster.control.setTaskDurationMs(50);
      await c.close();
    }
  });
});

describe('an entry PVE sends in a shape we cannot read', () => {
  const { fx } = setup('9.1');

  it('is skipped and counted in the inventory, not fatal to it', async () => {
    const inner = fx().sim.registry.get('GET', '/cluster/resources')!;
    fx().sim.registry.add('GET', '/cluster/resources', async (req, ctx) => {
      const a = (await inner(req, ctx)) as { __rawJson?: string } | unknown[];
      const rows = Array.isArray(a) ? a : (JSON.parse(a.__rawJson!) as unknown[]);
      return [...rows, { id: 'qemu/9999', type: 'qemu', vmid: 'not-a-number', node: 'pve1' }];
    });
    const snap = await fx().ok('inventory.subscribe', { clusterId: fx().root });
    expect(snap.skipped).toBe(1);
    expect(snap.records.filter((r) => r.kind === 'guest').length).toBeGreaterThanOrEqual(24);
    expect(snap.records.some((r) => r.id === 'qemu/9999')).toBe(false);
  });
});

describe('PVE 7.4 (read-only smoke)', () => {
  const ctx = setup('7.4');
  readChecks('7.4', ctx);

  it('says on Connect what an older cluster lacks', async () => {
    const { versionNotice } = await import('../../../src-shared/model/pve-support.js');
    const summary = await ctx.fx().ok('connect.test', { profileId: ctx.fx().root });
    expect(versionNotice(summary.version)).toBe('PVE 7.4: HA rules and some views unavailable');
  });
});
