// Plan building in main for every action against the simulator: calls, diff, privileges, warnings, pvesh lines, blocking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../../src-main/features/connect/client-factory.js';
import { buildActionPlan } from '../../../src-main/features/plan-actions.js';
import { createSnapshot } from '../../../src-main/pve/api/snapshots.js';
import type { PveClient } from '../../../src-main/pve/client.js';
import { trackTask } from '../../../src-main/pollers/task-tracker.js';
import type { GuestRef, PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import { Profile } from '../../../src-shared/model/profile.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';

let sim: RunningSim;
const clients: PveClient[] = [];
const NOW = new Date(2026, 0, 2, 3, 4, 5);

function profileFor(tokenId: string, readOnly = false): Profile {
  return Profile.parse({
    id: tokenId.replace(/[^A-Za-z0-9]/g, '_'),
    name: tokenId,
    host: '127.0.0.1',
    port: sim.port,
    auth: { kind: 'token', tokenId },
    pinnedFingerprint: sim.fingerprint,
    readOnly,
  });
}

function plan(action: PlanAction, tokenId = 'ops@pve!ops', readOnly = false) {
  const profile = profileFor(tokenId, readOnly);
  const client = buildClient(profile, DEMO_TOKENS[tokenId], undefined, {});
  clients.push(client);
  return buildActionPlan(action, { caller: client, profile, now: () => NOW, newId: () => 'plan-0001' }).then(
    (s) => s.plan,
  );
}

function guest(status: 'running' | 'stopped', type: GuestRef['type'] = 'qemu', skip = 0): GuestRef {
  const found: GuestRef[] = [];
  for (let vmid = 100; vmid < 112; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g && g.type === type && g.status === status) found.push({ node: g.node, type, vmid });
  }
  if (!found[skip]) throw new Error(`no ${status} ${type} #${skip} in the simulated cluster`);
  return found[skip];
}
const path = (g: GuestRef): string => `/nodes/${g.node}/${g.type}/${g.vmid}`;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 12, seed: 11, controlPort: false, taskDurationMs: 0 });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim.close();
});

describe('power plans', () => {
  it('start: one POST, stopped → running, VM.PowerMgmt on the guest, pvesh create line', async () => {
    const g = guest('stopped');
    const p = await plan({ kind: 'power', action: 'start', guests: [g] });
    expect(p.id).toBe('plan-0001');
    expect(p.calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `${path(g)}/status/start`,
        params: {},
        privileges: ['VM.PowerMgmt on /vms/{vmid}'],
        pvesh: `pvesh create ${path(g)}/status/start`,
      }),
    ]);
    expect(p.calls[0]!.check).toEqual({ allowed: true, missing: [], unchecked: [] });
    expect(p.diff).toEqual([
      { kind: 'power', key: 'status', change: 'changed', before: 'stopped', after: 'running' },
    ]);
    expect(p.destructive).toBe(false);
    expect(p.expect).toEqual({ status: 'stopped' });
  });

  it('stop is destructive: typed confirmation of the guest name and a data-loss warning', async () => {
    const g = guest('running');
    const p = await plan({ kind: 'power', action: 'stop', guests: [g] });
    expect(p.destructive).toBe(true);
    expect(p.confirmWord).toBe(p.targets[0]!.name ?? String(g.vmid));
    expect(p.warnings.map((w) => w.code)).toEqual(['data-loss']);
  });

  it('is blocked, naming the missing privilege, for a token that may only use consoles', async () => {
    const g = guest('running');
    const p = await plan({ kind: 'power', action: 'reboot', guests: [g] }, 'support@pve!console');
    expect(p.blocked).toBe(true);
    expect(p.calls[0]!.check.allowed).toBe(false);
    expect(p.blockReasons).toEqual([`POST ${path(g)}/status/reboot: needs VM.PowerMgmt on /vms/${g.vmid}`]);
  });

  it('is refused as read-only for a read-only profile even with every privilege', async () => {
    const p = await plan({ kind: 'power', action: 'start', guests: [guest('stopped')] }, 'ops@pve!ops', true);
    expect(p).toMatchObject({
      readOnlyRefused: true,
      blocked: true,
      blockReasons: ['this profile is read-only'],
    });
  });

  it('bulk: one line per guest, duplicates folded, reset refused for containers', async () => {
    const a = guest('stopped');
    const b = guest('stopped', 'qemu', 1);
    const p = await plan({ kind: 'power', action: 'start', guests: [a, b, a] });
    expect(p.calls).toHaveLength(2);
    expect(p.diff.map((d) => d.key)).toEqual([
      expect.stringMatching(new RegExp(`^VM ${a.vmid}.*status$`)),
      expect.stringMatching(new RegExp(`^VM ${b.vmid}.*status$`)),
    ]);
    await expect(
      plan({ kind: 'power', action: 'reset', guests: [guest('running', 'lxc')] }),
    ).rejects.toMatchObject({ code: 'bad_parameter' });
  });

  it('snapshot before risky change puts a snapshot call first', async () => {
    const g = guest('running');
    const p = await plan({ kind: 'power', action: 'reboot', guests: [g], snapshotFirst: true });
    expect(p.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST ${path(g)}/snapshot`,
      `POST ${path(g)}/status/reboot`,
    ]);
    expect(p.calls[0]!.params.snapname).toBe('auto-20260102-030405');
    expect(p.calls[0]!.privileges).toEqual(['VM.Snapshot on /vms/{vmid}']);
  });
});

describe('config plans', () => {
  it('diffs the edited keys, sends the digest, and asks for any of the config privileges', async () => {
    const g = guest('stopped');
    const p = await plan({
      kind: 'config',
      guest: g,
      changes: { memory: 4096, description: null, tags: 'web;prod' },
    });
    const call = p.calls[0]!;
    expect(call.method).toBe('PUT');
    expect(call.params.digest).toBe(p.expect?.digest);
    expect(call.params.memory).toBe(4096);
    expect(call.privileges[0]).toMatch(
      /^one of VM\.Config\.Disk, .*VM\.Config\.Memory.* on \/vms\/\{vmid\}$/,
    );
    expect(call.pvesh).toContain(`pvesh set ${path(g)}/config --`);
    const keys = p.diff.map((d) => d.key);
    expect(keys).toContain('memory');
    expect(keys).toContain('tags');
    expect(p.diff.every((d) => d.kind === 'config')).toBe(true);
  });

  it('marks cold keys of a running VM as pending with a needs-reboot warning', async () => {
    const g = guest('running');
    const p = await plan({ kind: 'config', guest: g, changes: { cores: 9, name: 'renamed-vm' } });
    expect(p.diff.find((d) => d.key === 'cores')?.kind).toBe('pending');
    expect(p.diff.find((d) => d.key === 'name')?.kind).toBe('config');
    expect(p.warnings.find((w) => w.code === 'needs-reboot')?.message).toMatch(/^cores will stay pending/);
  });

  it('answers an edit that changes nothing with a plan that has nothing to do (a normal state, not an error)', async () => {
    const g = guest('stopped');
    const first = await plan({ kind: 'config', guest: g, changes: { description: 'x' } });
    const name = first.targets[0]!.name!;
    const same = await plan({ kind: 'config', guest: g, changes: { name } });
    expect(same.calls).toEqual([]);
    expect(same.diff).toEqual([]);
    expect(same.blocked).toBe(false);
    expect(same.changes).toEqual([]);
    expect(same.title).toMatch(/^No changes/);
  });
});

describe('snapshot plans', () => {
  it('one-click snapshot: auto-named from the clock, tree diff, VM.Snapshot', async () => {
    const g = guest('stopped', 'lxc');
    const p = await plan({ kind: 'snapshot.create', guest: g });
    expect(p.title).toMatch(/^One-click snapshot 'auto-20260102-030405' of CT /);
    expect(p.calls[0]!.pvesh).toBe(`pvesh create ${path(g)}/snapshot --snapname auto-20260102-030405`);
    expect(p.diff).toContainEqual(
      expect.objectContaining({
        kind: 'snapshot-tree',
        key: 'current',
        change: 'changed',
        after: 'parent: auto-20260102-030405',
      }),
    );
  });

  it('rollback and delete are destructive; rolling back past a later snapshot warns', async () => {
    const g = guest('stopped', 'qemu', 2);
    const client = clients[0]!;
    for (const snapname of ['first', 'second'])
      await trackTask(client, await createSnapshot(client, g, { snapname }), { intervalMs: 10 });
    const latest = await plan({ kind: 'snapshot.rollback', guest: g });
    expect(latest.title).toMatch(/to 'second'$/);
    expect(latest.calls[0]).toMatchObject({
      method: 'POST',
      path: `${path(g)}/snapshot/second/rollback`,
      privileges: ['one of VM.Snapshot, VM.Snapshot.Rollback on /vms/{vmid}'],
    });
    expect(latest.warnings.map((w) => w.code)).toEqual(['data-loss']);
    const older = await plan({ kind: 'snapshot.rollback', guest: g, snapname: 'first' });
    expect(older.warnings.map((w) => w.code)).toEqual(['not-latest-snapshot', 'data-loss']);
    const del = await plan({ kind: 'snapshot.delete', guest: g, snapname: 'first' });
    expect(del.destructive).toBe(true);
    expect(del.calls[0]!.pvesh).toBe(`pvesh delete ${path(g)}/snapshot/first`);
    expect(del.diff).toContainEqual(
      expect.objectContaining({
        key: 'second',
        change: 'changed',
        before: 'parent: first',
        after: 'parent: (root)',
      }),
    );
    await expect(plan({ kind: 'snapshot.delete', guest: g, snapname: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
