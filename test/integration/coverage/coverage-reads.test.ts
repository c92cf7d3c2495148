// Backup coverage reads against the simulator: a guest a job excludes is "not covered" (/cluster/backup-info/
// not-backed-up), a failed vzdump marks the guest's last backup failed until a good backup follows, the newest
// archive and protected archives are counted, and an identity without Sys.Audit on / gets "unknown" plus a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageRow } from '../../../src-shared/ipc/channels/coverage.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';
import { login as logIn, type Login } from '../pve-sim/core-client.js';
import { rootApi } from '../pve-sim/root-api.js';

let fx: OpsFixture;
let vm: GuestRef;
let login: Login;
/** the simulator's clock runs ahead by this much: archives and tasks carry whole seconds, so tests move it on */
let skewMs = 0;
const tick = (): void => void (skewMs += 2000);

beforeAll(async () => {
  fx = await startOpsFixture({ now: () => Date.now() + skewMs });
  vm = fx.guests({ type: 'qemu', status: 'running' })[0]!;
  login = await logIn(fx.sim);
});
afterAll(async () => {
  await fx?.close();
});

const rowOf = async (vmid: number, profileId = fx.root): Promise<CoverageRow> => {
  const { clusters } = await fx.ok('coverage.list', { profileIds: [profileId] });
  const row = clusters[0]?.rows.find((r) => r.vmid === vmid);
  if (!row) throw new Error(`no coverage row for ${vmid}`);
  return row;
};

const backUp = (extra: { protected?: boolean } = {}) =>
  fx.buildAndRun({
    kind: 'backup.run',
    guest: vm,
    storage: 'local',
    mode: 'snapshot',
    compress: 'zstd',
    ...extra,
  });

describe('coverage.list', () => {
  it('lists every guest; the seeded all-guests job covers them, so none is uncovered', async () => {
    const { clusters } = await fx.ok('coverage.list', { profileIds: [fx.root] });
    const [c] = clusters;
    expect(c?.error).toBeUndefined();
    expect(c?.notes).toEqual([]);
    expect(c?.nodes.length).toBeGreaterThan(0);
    const resources = (await rootApi(() => ({ sim: fx.sim, root: login })).ok(
      'GET',
      '/cluster/resources',
    )) as Array<{
      type: string;
      vmid?: number;
    }>;
    const vmids = resources.filter((r) => r.type === 'qemu' || r.type === 'lxc').map((r) => r.vmid);
    expect(c?.rows.map((r) => r.vmid)).toEqual(vmids.sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(c?.rows.every((r) => r.covered === true)).toBe(true);
  });

  it('a guest the job excludes is not covered', async () => {
    expect((await rowOf(vm.vmid)).covered).toBe(true);
    await fx.buildAndRun({
      kind: 'backupjob.update',
      id: 'backup-nightly',
      job: {
        schedule: '21:00',
        storage: 'nfs-backup',
        mode: 'snapshot',
        compress: 'zstd',
        enabled: true,
        selection: { kind: 'all', exclude: [vm.vmid] },
      },
    });
    expect((await rowOf(vm.vmid)).covered).toBe(false);
    const others = (await fx.ok('coverage.list', { profileIds: [fx.root] })).clusters[0]!.rows.filter(
      (r) => r.vmid !== vm.vmid,
    );
    expect(others.every((r) => r.covered)).toBe(true);
  });

  it('newest archive, archive counts and protected archives', async () => {
    const before = await rowOf(vm.vmid);
    await backUp({ protected: true });
    const after = await rowOf(vm.vmid);
    expect(after.backupCount).toBe(before.backupCount + 1);
    expect(after.protectedCount).toBe(before.protectedCount + 1);
    expect(after.newest?.storage).toBe('local');
    expect(after.newest?.protected).toBe(true);
    expect(after.newest?.ctime).toBeGreaterThanOrEqual(before.newest?.ctime ?? 0);
    expect(after.newest?.verified).toBeUndefined();
  });

  it('a failed backup marks the last backup failed, and a good one after it clears that', async () => {
    expect((await rowOf(vm.vmid)).lastFailure).toBeUndefined();
    fx.sim.cluster.control.failNextTask('vzdump', 'unable to create temporary directory');
    const { result } = await backUp();
    expect(result.state).toBe('failed');
    const failed = await rowOf(vm.vmid);
    expect(failed.lastFailure).toMatchObject({ node: vm.node, status: 'job errors' });
    expect(failed.lastFailure!.upid).toMatch(/^UPID:.*:vzdump:/);
    // the next archive must be newer than the failed attempt (both carry whole seconds)
    tick();
    await backUp();
    expect((await rowOf(vm.vmid)).lastFailure).toBeUndefined();
  }, 30_000);

  it('a failed job over several guests names the failed guests from its task log', async () => {
    const other = fx
      .guests({ type: 'qemu', status: 'running' })
      .find((g) => g.node === vm.node && g.vmid !== vm.vmid);
    if (!other) throw new Error('need two VMs on one node');
    tick();
    // vzdump with two guests: the task id is empty, and the injected failure hits the first guest only
    fx.sim.cluster.control.failNextTask('vzdump', 'no space left on device');
    const root = rootApi(() => ({ sim: fx.sim, root: login }));
    const [first, second] = [vm.vmid, other.vmid].sort((x, y) => x - y) as [number, number];
    const upid = await root.ok('POST', `/nodes/${vm.node}/vzdump`, {
      vmid: `${first},${second}`,
      storage: 'local',
      compress: 'zstd',
    });
    expect(String(upid)).toMatch(/:vzdump::/);
    expect((await root.waitTask(upid))['exitstatus']).toBe('job errors');
    // the simulator's injected failure fails every guest of that task: both are named in its log only
    expect((await rowOf(first)).lastFailure?.upid).toBe(upid);
    expect((await rowOf(second)).lastFailure?.upid).toBe(upid);
    const untouched = (await fx.ok('coverage.list', { profileIds: [fx.root] })).clusters[0]!.rows.filter(
      (r) => r.lastFailure && r.vmid !== first && r.vmid !== second,
    );
    expect(untouched).toEqual([]);
  }, 30_000);

  it('without Sys.Audit on / coverage by jobs is unknown and a note says why', async () => {
    // PVEVMAdmin on /: every guest, but no Sys.Audit
    const limited = await fx.profile('ops@pve!ops');
    const { clusters } = await fx.ok('coverage.list', { profileIds: [limited] });
    expect(clusters[0]?.notes.join(' ')).toMatch(/no backup job covers is unknown/);
    expect(clusters[0]?.rows.every((r) => r.covered === undefined)).toBe(true);
  });

  it('a cluster that cannot be read answers its error beside the others', async () => {
    const { clusters } = await fx.ok('coverage.list', { profileIds: [fx.root, 'no-such-profile'] });
    expect(clusters.map((c) => c.profileId)).toEqual([fx.root, 'no-such-profile']);
    expect(clusters[1]?.error).toBeTruthy();
    expect(clusters[0]?.error).toBeUndefined();
  });
});
