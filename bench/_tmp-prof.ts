import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { diffRecords } from '../src-main/inventory/delta.js';
import { normaliseResources } from '../src-main/inventory/normalise.js';
import { ClusterResources } from '../src-main/pve/api/cluster.js';
import { InventoryDelta } from '../src-shared/model/inventory.js';
import { startSimulator } from '../test/pve-sim/index.js';
const f1 = '/tmp/perf-before.json',
  f2 = '/tmp/perf-after.json';
if (!existsSync(f2)) {
  const { PveClient } = await import('../src-main/pve/client.js');
  const { ticketAuth } = await import('../src-main/pve/auth.js');
  const { DEFAULT_ROOT_PASSWORD } = await import('../test/pve-sim/rbac/index.js');
  const clock = Date.now();
  const sim = await startSimulator({
    nodes: 32,
    guests: 10_000,
    seed: 3,
    now: () => clock,
    controlPort: false,
  });
  const client = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    trust: { pin: sim.fingerprint },
    auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD, now: () => clock }),
  });
  const cap = async () =>
    JSON.stringify({
      data: (await client.call({ method: 'GET', path: '/cluster/resources', schema: z.array(z.unknown()) }))
        .data,
    });
  const b = await cap();
  const prev = normaliseResources('bench', ClusterResources.parse(JSON.parse(b).data));
  let i = 0;
  for (const g of prev.values())
    if (g.kind === 'guest' && i++ % 100 === 0)
      sim.cluster.control.setGuestStatus(g.vmid, g.status === 'running' ? 'stopped' : 'running');
  writeFileSync(f1, b);
  writeFileSync(f2, await cap());
  await client.close();
  await sim.close();
}
const before = readFileSync(f1, 'utf8'),
  after = readFileSync(f2, 'utf8');
const prev = normaliseResources('bench', ClusterResources.parse(JSON.parse(before).data));
const stages = { parse: 0, check: 0, norm: 0, diff: 0, ev: 0 };
for (let k = 0; k < 40; k++) {
  let t = performance.now();
  const raw = JSON.parse(after);
  stages.parse = Math.min(stages.parse || 1e9, performance.now() - t);
  t = performance.now();
  const entries = ClusterResources.parse(raw.data);
  stages.check = Math.min(stages.check || 1e9, performance.now() - t);
  t = performance.now();
  const next = normaliseResources('bench', entries, prev);
  stages.norm = Math.min(stages.norm || 1e9, performance.now() - t);
  t = performance.now();
  const d = diffRecords(prev, next);
  stages.diff = Math.min(stages.diff || 1e9, performance.now() - t);
  t = performance.now();
  JSON.stringify(InventoryDelta.parse({ clusterId: 'bench', version: 2, ...d }));
  stages.ev = Math.min(stages.ev || 1e9, performance.now() - t);
}
console.log(Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, v.toFixed(1)])));
