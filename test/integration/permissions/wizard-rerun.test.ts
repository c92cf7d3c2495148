// Applying the token wizard twice for the same user: the second plan sees the roles, user, token and ACLs the first
// created, plans updates (replace the token, keep the rest) instead of failing creates, and runs green.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';

let fx: OpsFixture;

beforeAll(async () => {
  fx = await startOpsFixture();
});
afterAll(async () => {
  await fx?.close();
});

const input = { preset: 'audit', scope: { kind: 'cluster' }, userid: 'rerun@pve', tokenid: 'app' } as const;

async function planAndRun() {
  const plan = await fx.ok('wizard.plan', { profileId: fx.root, ...input });
  expect(plan.blocked).toBe(false);
  const result = await fx.ok('plans.run', {
    planId: plan.id,
    ...(plan.confirmWord ? { confirmText: plan.confirmWord } : {}),
  });
  return { plan, result };
}

describe('wizard re-run', () => {
  it('plans updates for what exists and runs green the second time', async () => {
    const first = await planAndRun();
    expect(first.result.state).toBe('succeeded');
    expect(first.plan.calls.some((c) => c.method === 'POST' && c.path === '/access/users')).toBe(true);
    expect(first.plan.changes).toContainEqual({ kind: 'cluster', area: 'access' });

    const second = await planAndRun();
    const calls = second.plan.calls.map((c) => `${c.method} ${c.path}`);
    expect(calls).not.toContain('POST /access/users');
    expect(calls).not.toContain('POST /access/roles');
    expect(calls).toContain('DELETE /access/users/rerun@pve/token/app');
    expect(second.plan.diff.find((d) => d.kind === 'token')?.change).toBe('changed');
    expect(second.plan.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['data-loss', 'already-exists']),
    );
    expect(second.result.state).toBe('succeeded');
  }, 60_000);
});
