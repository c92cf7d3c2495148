// Updates overview and cross-cluster migration through the real app services against simulators over HTTPS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../../pve-sim/rbac/default-state.js';
import { MIGRATE_SECRET, MIGRATE_TOKEN, startFleetFixture, type FleetFixture } from './fleet-fixture.js';

let fx: FleetFixture;

beforeAll(async () => {
  fx = await startFleetFixture({ sims: 2, guests: 8 });
});
afterAll(async () => {
  await fx?.close();
});

describe('updates', () => {
  it('lists updates per node with kernel and pve-manager marked, and refreshes the index through a plan', async () => {
    const profileId = fx.roots[0]!;
    const before = await fx.ok('updates.list', { profileId });
    expect(before.map((n) => n.node)).toEqual(['pve1', 'pve2', 'pve3']);
    expect(before[0]!.updates).toEqual([]);
    const second = before[1]!;
    expect(second.updates.find((u) => u.kind === 'kernel')).toMatchObject({
      from: '6.17.2-1',
      to: '6.17.2-2',
    });
    expect(second.needsReboot).toBe(true);
    expect(second.updates.some((u) => u.kind === 'pve-manager')).toBe(false);

    const log = await fx.ok('updates.changelog', { profileId, node: 'pve2', name: 'qemu-server' });
    expect(log.text).toMatch(/^qemu-server \(9\.1\.1\)/);

    const plan = await fx.ok('updates.refreshPlan', { profileId, nodes: ['pve1', 'pve2'] });
    expect(plan.calls.map((c) => c.pvesh)).toEqual([
      'pvesh create /nodes/pve1/apt/update',
      'pvesh create /nodes/pve2/apt/update',
    ]);
    expect(plan.calls[0]!.privileges).toEqual(['Sys.Modify on /nodes/{node}']);
    expect((await fx.run(plan)).state).toBe('succeeded');
    const after = await fx.ok('updates.list', { profileId });
    expect(after[0]!.updates.map((u) => u.name)).toContain('pve-manager');
    expect(after[1]!.updates.find((u) => u.name === 'pve-manager')).toMatchObject({
      from: '9.1.1',
      to: '9.1.2',
    });
    expect(after[2]!.updates.some((u) => u.name === 'pve-manager')).toBe(false); // not refreshed
  });
});

describe('cross-cluster migrate', () => {
  it('hands a guest to the other simulator over HTTPS; the plan shows the mapping and the token it sends', async () => {
    const target = await fx.tokenProfile(1, MIGRATE_TOKEN, MIGRATE_SECRET);
    const src = fx.sims[0]!.cluster;
    const vmid = Array.from({ length: 8 }, (_v, i) => 100 + i).find(
      (v) => src.guestStatus?.(v)?.type === 'qemu',
    )!;
    const g = src.guestStatus!(vmid)!;
    const guest = { node: g.node, type: g.type, vmid };
    const info = await fx.ok('migrate.remoteInfo', {
      profileId: fx.roots[0]!,
      guest,
      targetProfileId: target,
    });
    expect(info.targetHasToken).toBe(true);
    expect(info.targetBridges).toEqual(['vmbr0', 'vmbr1']);
    expect(info.vmidTaken).toBe(true); // both simulators number guests from 100
    const targetVmid = 500;
    const plan = await fx.ok('migrate.remotePlan', {
      profileId: fx.roots[0]!,
      guest,
      targetProfileId: target,
      storageMap: Object.fromEntries(info.sourceStorages.map((s) => [s, 'local-lvm'])),
      bridgeMap: Object.fromEntries(info.sourceBridges.map((b) => [b, 'vmbr1'])),
      targetVmid,
      deleteSource: false,
    });
    expect(plan.destructive).toBe(true);
    expect(plan.diff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'bridge vmbr0', before: 'vmbr0', after: 'vmbr1' }),
        expect.objectContaining({ key: 'ID', before: String(vmid), after: String(targetVmid) }),
      ]),
    );
    expect(plan.warnings.find((w) => w.code === 'secret-sent')?.message).toContain(MIGRATE_TOKEN);
    const endpoint = String(plan.calls[0]!.params['target-endpoint']);
    expect(endpoint).toContain(`PVEAPIToken=${MIGRATE_TOKEN}=<secret from the keychain>`);
    expect(JSON.stringify(plan)).not.toContain(MIGRATE_SECRET);
    expect(plan.calls[0]!.params['target-bridge']).toBe('vmbr0:vmbr1');

    const result = await fx.run(plan);
    expect(result.state, result.error?.message).toBe('succeeded');
    const moved = fx.sims[1]!.cluster.guestStatus?.(targetVmid);
    expect(moved).toMatchObject({ type: 'qemu', status: g.status });
    expect(src.guestStatus?.(vmid)).toMatchObject({ status: 'stopped' });
    // the source called the target over HTTPS with the token: the target saw the mtunnel request from it
    expect(
      fx.sims[1]!.requestLog.some(
        (r) => r.path === `/nodes/${moved!.node}/qemu/${targetVmid}/mtunnel` && r.principal === MIGRATE_TOKEN,
      ),
    ).toBe(true);
  });

  it('refuses to plan when the target token may not receive the guest (no VM.Allocate / Sys.Incoming there)', async () => {
    const auditor = await fx.tokenProfile(1, 'auditor@pve!ro', DEMO_TOKENS['auditor@pve!ro']!);
    const src = fx.sims[0]!.cluster;
    const vmid = Array.from({ length: 8 }, (_v, i) => 100 + i).find(
      (v) => src.guestStatus?.(v) !== undefined,
    )!;
    const g = src.guestStatus!(vmid)!;
    const guest = { node: g.node, type: g.type, vmid };
    const info = await fx.ok('migrate.remoteInfo', {
      profileId: fx.roots[0]!,
      guest,
      targetProfileId: auditor,
    });
    const err = await fx.fail('migrate.remotePlan', {
      profileId: fx.roots[0]!,
      guest,
      targetProfileId: auditor,
      storageMap: Object.fromEntries(info.sourceStorages.map((s) => [s, 'local-lvm'])),
      bridgeMap: Object.fromEntries(info.sourceBridges.map((b) => [b, 'vmbr0'])),
      targetVmid: 600,
      deleteSource: false,
    });
    expect(err.code).toBe('permission_denied');
    expect(err.message).toMatch(/VM\.Allocate|Sys\.Incoming/);
  });
});
