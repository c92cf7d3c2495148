// Plans against the simulator over the real dispatcher: config edit with digest, run at most once, stale plans, read-only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { guestApiPath, startPlanFixture, type PlanFixture } from './plan-fixture.js';

let fx: PlanFixture;
let ops: string;
let stopped: GuestRef[];

const memoryOf = async (profileId: string, g: GuestRef): Promise<string | undefined> =>
  (await fx.ok('inventory.guestConfig', { clusterId: profileId, ...g })).entries.find(
    (e) => e.key === 'memory',
  )?.value;

beforeAll(async () => {
  fx = await startPlanFixture();
  ops = await fx.profile('ops@pve!ops');
  stopped = fx.guests({ type: 'qemu', status: 'stopped' });
  expect(stopped.length).toBeGreaterThanOrEqual(5);
});
afterAll(async () => {
  await fx?.close();
});

describe('config plan', () => {
  it('shows memory before → after, sends the digest once, and the config then has the new value', async () => {
    const g = stopped[0]!;
    const before = await memoryOf(ops, g);
    const next = String(Number(before) * 2);
    const plan = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'config', guest: g, changes: { memory: Number(next) } },
    });
    expect(plan.diff).toEqual([{ kind: 'config', key: 'memory', change: 'changed', before, after: next }]);
    expect(plan.blocked).toBe(false);
    expect(plan.calls).toHaveLength(1);
    expect(plan.calls[0]!.method).toBe('PUT');
    expect(plan.calls[0]!.pvesh).toBe(
      `pvesh set ${guestApiPath(g)}/config --memory ${next} --digest ${plan.expect?.digest}`,
    );
    const puts = fx.requests('PUT', `${guestApiPath(g)}/config`);
    const result = await fx.ok('plans.run', { planId: plan.id });
    expect(result.state).toBe('succeeded');
    expect(fx.requests('PUT', `${guestApiPath(g)}/config`)).toBe(puts + 1);
    const sent = fx.sim.requestLog
      .filter((r) => r.method === 'PUT' && r.path === `${guestApiPath(g)}/config`)
      .at(-1);
    expect(sent?.params).toMatchObject({ memory: next, digest: plan.expect?.digest });
    expect(await memoryOf(ops, g)).toBe(next);
  });

  it('runs a double-clicked plan exactly once and answers both clicks with the same result', async () => {
    const g = stopped[1]!;
    const plan = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'config', guest: g, changes: { description: 'double click' } },
    });
    const puts = fx.requests('PUT', `${guestApiPath(g)}/config`);
    const [a, b] = await Promise.all([
      fx.call('plans.run', { planId: plan.id }),
      fx.call('plans.run', { planId: plan.id }),
    ]);
    const again = await fx.call('plans.run', { planId: plan.id });
    expect(fx.requests('PUT', `${guestApiPath(g)}/config`)).toBe(puts + 1);
    expect(a).toEqual(b);
    expect(again).toEqual(a);
    expect(a.ok && a.value.state).toBe('succeeded');
  });

  it('refuses a plan whose target changed since it was built (stale digest) and asks to re-plan', async () => {
    const g = stopped[2]!;
    const memory = Number(await memoryOf(ops, g)) + 512;
    const plan = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'config', guest: g, changes: { memory } },
    });
    fx.sim.cluster.control.setGuestConfig(g.vmid, 'description', 'changed by a second client');
    const puts = fx.requests('PUT', `${guestApiPath(g)}/config`);
    const reply = await fx.call('plans.run', { planId: plan.id });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('stale_plan');
    expect(!reply.ok && reply.error.message).toMatch(/changed by someone else.*Build the plan again/);
    expect(fx.requests('PUT', `${guestApiPath(g)}/config`)).toBe(puts);
    const fresh = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'config', guest: g, changes: { memory } },
    });
    expect((await fx.ok('plans.run', { planId: fresh.id })).state).toBe('succeeded');
  });

  it('writes every run to the audit log, without secrets, newest first', async () => {
    const { entries } = await fx.ok('audit.list', {});
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(entries[0]!.title).toMatch(/^Edit config of VM/);
    expect(entries.map((e) => e.result.state)).toContain('stale');
    expect(entries[0]).toMatchObject({ identity: 'ops@pve!ops', cluster: { profileId: ops } });
    const text = await readFile(join(fx.configDir, 'audit.jsonl'), 'utf8');
    for (const secret of Object.values((await import('../../pve-sim/rbac/index.js')).DEMO_TOKENS))
      expect(text).not.toContain(secret);
    const exported = await fx.ok('audit.export', {});
    expect(exported.content.trim().split('\n')).toHaveLength(entries.length);
    expect(exported.filename).toMatch(/^proxdeck-audit-\d{4}-\d{2}-\d{2}\.jsonl$/);
  });
});

describe('blocked and read-only plans', () => {
  it('a token without VM.PowerMgmt gets a blocked plan naming what is missing, and running it sends nothing', async () => {
    const auditor = await fx.profile('auditor@pve!ro');
    const g = stopped[3]!;
    const plan = await fx.ok('plans.build', {
      profileId: auditor,
      action: { kind: 'power', action: 'start', guests: [g] },
    });
    expect(plan.blocked).toBe(true);
    expect(plan.calls[0]!.check.missing).toEqual([`needs VM.PowerMgmt on /vms/${g.vmid}`]);
    expect(plan.blockReasons.join()).toContain('VM.PowerMgmt');
    const posts = fx.requests('POST', `${guestApiPath(g)}/status`);
    const reply = await fx.call('plans.run', { planId: plan.id });
    expect(!reply.ok && reply.error.code).toBe('permission_denied');
    expect(fx.requests('POST', `${guestApiPath(g)}/status`)).toBe(posts);
  });

  it('a read-only profile: the dispatcher refuses plans.run with read_only before any API call', async () => {
    const ro = await fx.profile('ops@pve!ops', { readOnly: true });
    const g = stopped[3]!;
    const plan = await fx.ok('plans.build', {
      profileId: ro,
      action: { kind: 'power', action: 'start', guests: [g] },
    });
    expect(plan.readOnlyRefused).toBe(true);
    const posts = fx.requests('POST', `${guestApiPath(g)}/status`);
    const reply = await fx.call('plans.run', { planId: plan.id });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'read_only', message: expect.stringMatching(/read-only/) },
    });
    expect(fx.requests('POST', `${guestApiPath(g)}/status`)).toBe(posts);
  });

  it('a power plan is stale when the guest was started elsewhere in between', async () => {
    const g = stopped[4]!;
    const plan = await fx.ok('plans.build', {
      profileId: ops,
      action: { kind: 'power', action: 'start', guests: [g] },
    });
    expect(plan.diff).toEqual([
      { kind: 'power', key: 'status', change: 'changed', before: 'stopped', after: 'running' },
    ]);
    fx.sim.cluster.control.setGuestStatus(g.vmid, 'running');
    const reply = await fx.call('plans.run', { planId: plan.id });
    expect(!reply.ok && reply.error.code).toBe('stale_plan');
    fx.sim.cluster.control.setGuestStatus(g.vmid, 'stopped');
  });
});
