// The HA view by PVE version: PVE 9 reads rules, PVE 8 reads groups (the simulator gets a groups handler for this test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import { haView } from '../../../src-main/features/ha/ha-view.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';

const AUDITOR = 'auditor@pve!ro';
const sims: RunningSim[] = [];
const clients: PveClient[] = [];

async function clientFor(version: string): Promise<{ sim: RunningSim; client: PveClient }> {
  const sim = await startSimulator({ nodes: 2, guests: 6, seed: 3, controlPort: false, version });
  const client = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    auth: tokenAuth(AUDITOR, DEMO_TOKENS[AUDITOR]!),
    trust: { pin: sim.fingerprint },
  });
  sims.push(sim);
  clients.push(client);
  return { sim, client };
}

let v8: { sim: RunningSim; client: PveClient };
let v9: { sim: RunningSim; client: PveClient };

beforeAll(async () => {
  [v8, v9] = await Promise.all([clientFor('8.4'), clientFor('9.1')]);
  v8.sim.registry.add('GET', '/cluster/ha/groups', () => [
    { group: 'prefer-pve1', nodes: 'pve1:2,pve2', restricted: 1, type: 'group' },
  ]);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(sims.map((s) => s.close()));
});

describe('HA view by version', () => {
  it('PVE 8: groups, no rules read', async () => {
    const view = await haView(v8.client);
    expect(view.version).toMatch(/^8\.4/);
    expect(view.groups).toEqual([
      { id: 'prefer-pve1', nodes: 'pve1:2,pve2', restricted: true, nofailback: false },
    ]);
    expect(view.rules).toEqual([]);
    expect(v8.sim.requestLog.some((r) => r.path === '/cluster/ha/rules')).toBe(false);
  });

  it('PVE 9: rules, no groups read; resources with requested and current state', async () => {
    const view = await haView(v9.client);
    expect(view.groups).toEqual([]);
    expect(v9.sim.requestLog.some((r) => r.path === '/cluster/ha/groups')).toBe(false);
    expect(view.quorate).toBe(true);
    expect(view.resources.find((r) => r.sid === 'vm:101')).toMatchObject({ requested: 'started' });
    expect(view.nodes.map((n) => n.node)).toEqual(['pve1', 'pve2']);
  });
});
