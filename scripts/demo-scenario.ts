// The demo cluster's safety-net story, set up as another PVE client would: one guest left out of the nightly backup
// job and one guest whose last backup failed, so the Backup coverage view has something to show on first start.
import type { RunningSim } from '../test/pve-sim/index.js';
import { login } from '../test/integration/pve-sim/core-client.js';
import { rootApi } from '../test/integration/pve-sim/root-api.js';

export async function setUpDemoScenario(sim: RunningSim): Promise<string[]> {
  const session = await login(sim);
  const root = rootApi(() => ({ sim, root: session }));
  const resources = (await root.ok('GET', '/cluster/resources?type=vm')) as Array<{
    vmid: number;
    node: string;
    template?: number;
  }>;
  const guests = resources.filter((g) => !g.template).sort((a, b) => a.vmid - b.vmid);
  const uncovered = guests.at(-1);
  const failing = guests[1];
  const said: string[] = [];
  if (uncovered) {
    await root.ok('PUT', '/cluster/backup/backup-nightly', { exclude: String(uncovered.vmid) });
    said.push(`guest ${uncovered.vmid} is left out of the nightly backup job`);
  }
  if (failing) {
    sim.cluster.control.failNextTask('vzdump', 'unable to create temporary directory');
    const upid = await root.ok('POST', `/nodes/${failing.node}/vzdump`, {
      vmid: String(failing.vmid),
      storage: 'local',
    });
    await root.waitTask(upid);
    said.push(`guest ${failing.vmid}'s last backup failed`);
  }
  return said;
}
