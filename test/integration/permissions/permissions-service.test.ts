// permissions.* and wizard.* through the real app services and dispatcher against the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROOT_PASSWORD, DEMO_POOL } from '../../pve-sim/rbac/index.js';
import { startPlanFixture, type PlanFixture } from '../plans/plan-fixture.js';

let f: PlanFixture;
let root: string;
const changed: string[] = [];

beforeAll(async () => {
  f = await startPlanFixture();
  f.services.events.subscribe((m) => {
    if (m.event === 'permissions.changed') changed.push((m.payload as { profileId: string }).profileId);
  });
  await f.ok('connect.probe', { host: '127.0.0.1', port: f.sim.port, userTyped: true });
  const view = await f.ok('profiles.save', {
    profile: {
      name: 'root',
      host: `127.0.0.1:${f.sim.port}`,
      auth: { kind: 'password', username: 'root', realm: 'pam' },
      pinnedFingerprint: f.sim.fingerprint,
    },
    secret: DEFAULT_ROOT_PASSWORD,
  });
  await f.ok('connect.open', { profileId: view.id });
  root = view.id;
});
afterAll(async () => {
  await f?.close();
});

describe('permissions service', () => {
  it('privsep pool token: effective answer; user side and privsep unknown without Sys.Audit on /access', async () => {
    const id = await f.profile('OpenVLE@pve!prod01');
    const info = await f.ok('permissions.get', { profileId: id });
    expect(info).toMatchObject({
      identity: 'OpenVLE@pve!prod01',
      isToken: true,
      privsep: null,
      major: 9,
      canSetUpTokens: false,
    });
    expect(info.answer[`/pool/${DEMO_POOL}`]?.['VM.PowerMgmt']).toBe(1);
    expect(info.userAnswer).toBeUndefined();
    expect(info.userAnswerProblem).toContain('Sys.Audit on /access');
    await expect.poll(() => changed.includes(id)).toBe(true);
  });

  it('matrix: the support token may use consoles but not power actions, with the missing privilege named', async () => {
    const id = await f.profile('support@pve!console');
    const m = await f.ok('permissions.matrix', { profileId: id });
    const row = (fid: string) => m.effective.find((r) => r.id === fid);
    expect(row('console')?.state).toBe('allowed');
    expect(row('power')?.state).not.toBe('allowed');
    expect(row('power')?.gaps[0]?.reason).toMatch(/^needs VM\.PowerMgmt on \/vms\/\d+$/);
    expect(m.targetCount).toBe(24);
  });

  it('root may set up tokens; the wizard plan runs through plans.run, refreshes permissions and verifies', async () => {
    expect((await f.ok('permissions.get', { profileId: root })).canSetUpTokens).toBe(true);
    const input = {
      preset: 'operator' as const,
      scope: { kind: 'pool' as const, pool: DEMO_POOL, storages: ['local'] },
      userid: 'svc-ops@pve',
      tokenid: 'app',
    };
    const gen = await f.ok('wizard.generate', { ...input, profileId: root });
    expect(gen.commands.map((c) => c.line)).toContain('pveum user token add svc-ops@pve app --privsep 1');
    expect(gen.commands.every((c) => c.explain.length > 0)).toBe(true);
    const plan = await f.ok('wizard.plan', { ...input, profileId: root });
    expect(plan.blocked).toBe(false);
    const before = changed.length;
    const run = await f.ok('plans.run', { planId: plan.id });
    expect(run.state).toBe('succeeded');
    expect(changed.length).toBeGreaterThan(before);
    const v = await f.ok('wizard.verify', {
      source: { kind: 'plan', planId: plan.id },
      preset: input.preset,
      scope: input.scope,
    });
    expect(v.passed).toBe(true);
    expect(v.checks.length).toBeGreaterThan(0);
    const saved = await f.ok('wizard.saveProfile', { planId: plan.id, name: 'svc-ops' });
    expect(saved).toMatchObject({ auth: { kind: 'token', tokenId: 'svc-ops@pve!app' }, hasSecret: true });
  });

  it('a token without the rights gets a blocked plan that names the missing privilege', async () => {
    const id = await f.profile('auditor@pve!ro');
    const plan = await f.ok('wizard.plan', {
      preset: 'audit',
      scope: { kind: 'cluster' },
      userid: 'nope@pve',
      tokenid: 'x1',
      profileId: id,
    });
    expect(plan.blocked).toBe(true);
    expect(plan.blockReasons.join('\n')).toContain('Sys.Modify on /access');
    const refused = await f.call('plans.run', { planId: plan.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'permission_denied' } });
  });

  it('generate without a profile leaves out privileges PVE 8 does not know', async () => {
    const out = await f.ok('wizard.generate', {
      preset: 'audit',
      scope: { kind: 'cluster' },
      userid: 'a@pve',
      tokenid: 'b1',
      major: 8,
    });
    expect(out.dropped).toContain('VM.GuestAgent.Audit');
    expect(out.commands.map((c) => c.line).join('\n')).not.toContain('VM.GuestAgent');
  });
});
