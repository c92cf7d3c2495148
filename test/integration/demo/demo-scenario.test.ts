// `npm run demo` sets its cluster up so the Backup coverage view has a story on first start: one guest left out of
// the nightly job, one whose last backup failed. Checked through the app's own coverage read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpDemoScenario } from '../../../scripts/demo-scenario.js';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';

let fx: OpsFixture;

beforeAll(async () => {
  fx = await startOpsFixture({ nodes: 3, guests: 40, seed: 1, taskDurationMs: 50 });
});
afterAll(async () => {
  await fx?.close();
});

describe('the demo scenario', () => {
  it('leaves one guest out of every backup job and fails the last backup of another', async () => {
    const said = await setUpDemoScenario(fx.sim);
    expect(said).toHaveLength(2);
    const { clusters } = await fx.ok('coverage.list', { profileIds: [fx.root] });
    const rows = clusters[0]!.rows.filter((r) => !r.template);
    expect(rows.filter((r) => r.covered === false).map((r) => r.vmid)).toEqual([
      Math.max(...rows.map((r) => r.vmid)),
    ]);
    const failed = rows.filter((r) => r.lastFailure);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.lastFailure!.status).toMatch(/temporary directory|job errors/);
  });
});
