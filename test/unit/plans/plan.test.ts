// Plan building: calls from the action table, privilege checks that block, warnings, typed confirmation, read-only refusal.
import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  callFor,
  confirmWordFor,
  guestWarnings,
  isConfirmed,
  Plan,
} from '../../../src-shared/plans/plan.js';
import { diffConfig, diffPower } from '../../../src-shared/plans/diff.js';
import type { PermissionsAnswer } from '../../../src-shared/permissions/evaluate.js';

const vm = { node: 'pve1', vmid: 101, type: 'qemu' };
const target = { kind: 'qemu' as const, id: '101', name: 'web', node: 'pve1' };

describe('buildPlan', () => {
  it('memory change: call, diff, pvesh line, privileges met', () => {
    const answer: PermissionsAnswer = { '/vms': { 'VM.Config.Memory': 1, 'VM.Audit': 1 } };
    const plan = buildPlan(
      {
        id: 'p1',
        title: 'Change memory',
        targets: [target],
        calls: [callFor('guest.config', vm, { memory: 4096, digest: 'abc' })],
        diff: diffConfig({ memory: 2048 }, { memory: 4096 }),
        expect: { digest: 'abc' },
      },
      { answer },
    );
    expect(Plan.parse(plan)).toEqual(plan);
    expect(plan.calls[0]).toMatchObject({
      method: 'PUT',
      path: '/nodes/pve1/qemu/101/config',
      pvesh: 'pvesh set /nodes/pve1/qemu/101/config --memory 4096 --digest abc',
    });
    expect(plan.calls[0]?.check.allowed).toBe(true);
    expect(plan.diff).toEqual([
      { kind: 'config', key: 'memory', change: 'changed', before: '2048', after: '4096' },
    ]);
    expect(plan.blocked).toBe(false);
    expect(plan.destructive).toBe(false);
  });

  it('a missing privilege blocks the plan and names it', () => {
    const plan = buildPlan(
      {
        id: 'p2',
        title: 'Start',
        targets: [target],
        calls: [callFor('guest.start', vm)],
        diff: diffPower('stopped', 'running'),
      },
      { answer: { '/vms': { 'VM.Audit': 1 } } },
    );
    expect(plan.blocked).toBe(true);
    expect(plan.blockReasons).toEqual([
      'POST /nodes/pve1/qemu/101/status/start: needs VM.PowerMgmt on /vms/101',
    ]);
    expect(plan.calls[0]?.privileges).toEqual(['VM.PowerMgmt on /vms/{vmid}']);
  });

  it('destructive plans need the typed word; read-only profiles refuse mutations', () => {
    const input = {
      id: 'p3',
      title: 'Stop',
      targets: [target],
      calls: [callFor('guest.stop', vm)],
      destructive: true,
    };
    const plan = buildPlan(input, { answer: { '/vms': { 'VM.PowerMgmt': 1 } } });
    expect(plan.confirmWord).toBe('web');
    expect(isConfirmed(plan, 'web')).toBe(true);
    expect(isConfirmed(plan, '101')).toBe(false);
    expect(confirmWordFor({ vmid: 101 })).toBe('101');
    const ro = buildPlan(input, { answer: { '/vms': { 'VM.PowerMgmt': 1 } }, readOnly: true });
    expect(ro.readOnlyRefused).toBe(true);
    expect(ro.blockReasons).toEqual(['this profile is read-only']);
  });

  it('bulk: one plan with a line per guest, each checked on its own path', () => {
    const answer: PermissionsAnswer = {
      '/vms/101': { 'VM.PowerMgmt': 0 },
      '/vms/102': { 'VM.PowerMgmt': 0 },
    };
    const calls = [101, 102, 103].map((vmid) => callFor('guest.start', { node: 'pve1', vmid, type: 'lxc' }));
    const plan = buildPlan({ id: 'p4', title: 'Start 3', targets: [target], calls }, { answer });
    expect(plan.calls.map((c) => c.path)).toEqual([
      '/nodes/pve1/lxc/101/status/start',
      '/nodes/pve1/lxc/102/status/start',
      '/nodes/pve1/lxc/103/status/start',
    ]);
    expect(plan.calls.map((c) => c.check.allowed)).toEqual([true, true, false]);
  });

  it('rollback warns when not the latest snapshot, running, HA-managed and locked; unchecked needs become warnings', () => {
    const w = guestWarnings(
      { vmid: 101, name: 'web', status: 'running', hastate: 'started', lock: 'backup' },
      { snapname: 'a', latestSnapshot: 'b', dataLoss: 'state after a is lost' },
    );
    expect(w.map((x) => x.code)).toEqual([
      'guest-running',
      'ha-managed',
      'locked',
      'not-latest-snapshot',
      'data-loss',
    ]);
    const plan = buildPlan(
      {
        id: 'p5',
        title: 'Backup',
        targets: [target],
        calls: [callFor('backup.run', { node: 'pve1' }, { vmid: 101 })],
      },
      { answer: { '/vms': { 'VM.Backup': 1 } } },
    );
    expect(plan.warnings.map((x) => x.message)).toEqual([
      'not checked in advance: Datastore.AllocateSpace on /storage/{storage}',
    ]);
  });
});
