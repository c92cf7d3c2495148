// Plan store (run at most once), the read-only guard, the pending estimate and audit scrubbing: pure logic.
import { describe, expect, it } from 'vitest';
import { scrubParams } from '../../../src-main/plans/audit-log.js';
import { goesPending } from '../../../src-main/features/guest-config/build-config.js';
import { createPlanStore, type StoredPlan } from '../../../src-main/plans/plan-store.js';
import { autoSnapName } from '../../../src-main/plans/plan-types.js';
import { createReadOnlyGuard } from '../../../src-main/plans/read-only-guard.js';
import type { RunResult } from '../../../src-shared/ipc/channels/plans.js';
import { buildPlan } from '../../../src-shared/plans/plan.js';

const stored = (id: string, profileId = 'p1'): StoredPlan => ({
  plan: buildPlan({ id, title: 't', targets: [], calls: [] }, {}),
  profileId,
  identity: 'u@pve',
  steps: [],
  preconditions: [],
  targets: [],
});
const result = (planId: string): RunResult => ({
  planId,
  state: 'succeeded',
  steps: [],
  endState: [],
  startedAt: 1,
  finishedAt: 2,
});

describe('plan store', () => {
  it('runs a plan once: concurrent and later calls share the first run', async () => {
    const store = createPlanStore();
    store.add(stored('plan-aaaa'));
    let runs = 0;
    const run = async (p: StoredPlan): Promise<RunResult> => {
      runs++;
      return result(p.plan.id);
    };
    const [a, b] = await Promise.all([store.runOnce('plan-aaaa', run), store.runOnce('plan-aaaa', run)]);
    const c = await store.runOnce('plan-aaaa', run);
    expect(runs).toBe(1);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(store.resultOf('plan-aaaa')).toBe(a);
  });

  it('a failed first run answers every retry with the same failure, without running again', async () => {
    const store = createPlanStore();
    store.add(stored('plan-bbbb'));
    let runs = 0;
    const run = async (): Promise<RunResult> => {
      runs++;
      throw new Error('stale');
    };
    await expect(store.runOnce('plan-bbbb', run)).rejects.toThrow('stale');
    await expect(store.runOnce('plan-bbbb', run)).rejects.toThrow('stale');
    expect(runs).toBe(1);
    expect(store.started('plan-bbbb')).toBe(true);
  });

  it('answers not_found for an unknown plan', () => {
    expect(() => createPlanStore().get('plan-none')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('read-only guard', () => {
  const guard = createReadOnlyGuard({
    isReadOnly: (id) => (id === 'ro' ? true : id === 'rw' ? false : undefined),
    profileOfPlan: (id) => (id === 'plan-ro' ? 'ro' : undefined),
  });
  it('refuses by profileId, clusterId or the plan a run names', () => {
    expect(guard('plans.run', { planId: 'plan-ro' })?.code).toBe('read_only');
    expect(guard('plans.run', { profileId: 'ro' })?.code).toBe('read_only');
    expect(guard('plans.run', { clusterId: 'ro' })?.code).toBe('read_only');
  });
  it('lets writable and unknown profiles through to the handler', () => {
    expect(guard('plans.run', { profileId: 'rw' })).toBeUndefined();
    expect(guard('plans.run', { planId: 'plan-unknown' })).toBeUndefined();
    expect(guard('plans.run', null)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('estimates which keys stay pending on a running guest', () => {
    expect(goesPending('qemu', 'memory', undefined)).toBe(true);
    expect(goesPending('qemu', 'memory', 'network,disk,memory')).toBe(false);
    expect(goesPending('qemu', 'net0', undefined)).toBe(false);
    expect(goesPending('qemu', 'net0', '0')).toBe(true);
    expect(goesPending('qemu', 'name', '0')).toBe(false);
    expect(goesPending('lxc', 'memory', undefined)).toBe(false);
    expect(goesPending('lxc', 'mp0', undefined)).toBe(true);
  });
  it('names auto snapshots so PVE accepts them (letter first, sortable)', () => {
    expect(autoSnapName(new Date(2026, 10, 9, 8, 7, 6))).toBe('auto-20261109-080706');
  });
  it('never writes secret-looking parameters to the audit log', () => {
    expect(
      scrubParams({ memory: 4096, cipassword: 'hunter22', sshkeys: 'ssh-rsa AAA', name: 'web' }),
    ).toEqual({ memory: 4096, cipassword: '[redacted]', sshkeys: '[redacted]', name: 'web' });
  });
});
