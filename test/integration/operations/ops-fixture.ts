// Operations test setup: the plan fixture (simulator + real app services) plus a root@pam password profile and helpers.
import type { RequestArgs } from '../../../src-shared/ipc/contract.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import type { RunResult } from '../../../src-shared/ipc/channels/plans.js';
import type { SimOptions } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/default-state.js';
import { startPlanFixture, type PlanFixture } from '../plans/plan-fixture.js';

export interface OpsFixture extends PlanFixture {
  root: string;
  build(action: RequestArgs<'operations.build'>['action'], profileId?: string): Promise<Plan>;
  /** builds, checks the plan is not blocked, runs it (typing the confirm word when destructive) */
  buildAndRun(action: RequestArgs<'operations.build'>['action']): Promise<{ plan: Plan; result: RunResult }>;
}

export async function startOpsFixture(simOpts: SimOptions = {}): Promise<OpsFixture> {
  const fx = await startPlanFixture(simOpts);
  await fx.ok('connect.probe', { host: '127.0.0.1', port: fx.sim.port, userTyped: true });
  const view = await fx.ok('profiles.save', {
    profile: {
      name: 'root',
      host: `127.0.0.1:${fx.sim.port}`,
      auth: { kind: 'password', username: 'root', realm: 'pam' },
      pinnedFingerprint: fx.sim.fingerprint,
      readOnly: false,
    },
    secret: DEFAULT_ROOT_PASSWORD,
  });
  await fx.ok('connect.open', { profileId: view.id });
  const root = view.id;
  const build: OpsFixture['build'] = (action, profileId = root) =>
    fx.ok('operations.build', { profileId, action });
  return {
    ...fx,
    root,
    build,
    async buildAndRun(action) {
      const plan = await build(action);
      if (plan.blocked) throw new Error(`plan blocked: ${plan.blockReasons.join('; ')}`);
      const result = await fx.ok('plans.run', {
        planId: plan.id,
        ...(plan.confirmWord ? { confirmText: plan.confirmWord } : {}),
      });
      return { plan, result };
    },
  };
}
