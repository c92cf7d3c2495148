// The policy scheduler on an injected clock: a policy runs once a full period passed since its last run (or save),
// not before; a profile that is not connected waits; overlapping ticks do not run a policy twice.
import { describe, expect, it } from 'vitest';
import type { SnapshotPolicy } from '../../../src-shared/ipc/channels/snapshot-policy.js';
import { createPolicyScheduler, PERIOD_MS } from '../../../src-main/features/snapshot-policy/scheduler.js';

const T0 = Date.UTC(2026, 11, 5, 6, 0, 0);
const policy = (over: Partial<SnapshotPolicy>): SnapshotPolicy => ({
  id: 'guest-101-hourly',
  profileId: 'p1',
  target: { kind: 'guest', guest: { node: 'pve1', type: 'qemu', vmid: 101 } },
  frequency: 'hourly',
  keep: 3,
  savedAt: T0,
  ...over,
});

function setup(policies: SnapshotPolicy[], connected = (_: string) => true) {
  let now = T0;
  const ran: string[] = [];
  const s = createPolicyScheduler({
    now: () => new Date(now),
    policies: () => policies,
    connected,
    run: async (p) => {
      ran.push(p.id);
      const i = policies.findIndex((q) => q.id === p.id);
      policies[i] = { ...p, lastRun: { at: now, planId: `plan-${ran.length}`, state: 'succeeded' } };
    },
  });
  return { s, ran, advance: (ms: number) => void (now += ms) };
}

describe('policy scheduler', () => {
  it('runs an hourly policy once per hour and a daily one once per day', async () => {
    const { s, ran, advance } = setup([policy({}), policy({ id: 'tag-web-daily', frequency: 'daily' })]);
    expect(await s.tick()).toEqual([]);
    advance(PERIOD_MS.hourly - 1);
    expect(await s.tick()).toEqual([]);
    advance(1);
    expect(await s.tick()).toEqual(['guest-101-hourly']);
    expect(await s.tick()).toEqual([]);
    advance(23 * PERIOD_MS.hourly);
    expect(await s.tick()).toEqual(['guest-101-hourly', 'tag-web-daily']);
    expect(ran).toEqual(['guest-101-hourly', 'guest-101-hourly', 'tag-web-daily']);
  });

  it('skips the policies of a profile that is not connected', async () => {
    const { s, advance } = setup([policy({}), policy({ id: 'other', profileId: 'p2' })], (id) => id === 'p2');
    advance(PERIOD_MS.hourly);
    expect(await s.tick()).toEqual(['other']);
  });

  it('two ticks at once run a due policy once', async () => {
    const { s, ran, advance } = setup([policy({})]);
    advance(PERIOD_MS.hourly);
    await Promise.all([s.tick(), s.tick()]);
    expect(ran).toEqual(['guest-101-hourly']);
  });
});
