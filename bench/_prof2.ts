import { z } from 'zod';
import { normaliseResources } from '../src-main/features/inventory/normalise.js';
import { ClusterResources } from '../src-main/pve/api/cluster.js';
import { ticketAuth } from '../src-main/pve/auth.js';
import { PveClient } from '../src-main/pve/client.js';
import { startSimulator } from '../test/pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../test/pve-sim/rbac/index.js';
const clock = Date.now();
const sim = await startSimulator({ nodes: 32, guests: 10000, seed: 3, now: () => clock, controlPort: false });
const client = new PveClient({ host: '127.0.0.1', port: sim.port, trust: { pin: sim.fingerprint }, auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD, now: () => clock }) });
const capture = async () => JSON.stringify({ data: (await client.call({ method: 'GET', path: '/cluster/resources', schema: z.array(z.unknown()) })).data });
const before = await capture();
await sim.close();
const prev = normaliseResources('b', ClusterResources.parse((JSON.parse(before) as {data:unknown}).data));
const raws = Array.from({length: 40}, () => (JSON.parse(before) as {data:unknown}).data);
const tc = performance.now();
const arrs = raws.map((r) => ClusterResources.parse(r));
console.log('check ms each', ((performance.now() - tc) / arrs.length).toFixed(2));
const t0 = performance.now();
for (const a of arrs) normaliseResources('b', a, prev, []);
console.log('norm ms each', ((performance.now() - t0) / arrs.length).toFixed(2));
const F = ['id','type','node','status','name','vmid','template','lock','tags','pool','hastate','cpu','maxcpu','mem','maxmem','disk','maxdisk','uptime','netin','netout','diskread','diskwrite','storage','plugintype','content','shared','sdn','network','networkType','level'];
// eslint-disable-next-line no-new-func
const mk = new Function('e', 'return {' + F.map((f) => `${JSON.stringify(f)}: e[${JSON.stringify(f)}]`).join(',') + '};') as (e: unknown) => any;
const tm = performance.now();
const fixed = arrs.map((a) => a.map(mk));
console.log('copy ms each', ((performance.now() - tm) / arrs.length).toFixed(2));
const t2 = performance.now();
for (const a of fixed) normaliseResources('b', a, prev, []);
console.log('norm fixed ms each', ((performance.now() - t2) / fixed.length).toFixed(2));
const t3 = performance.now();
let hits = 0;
for (const a of arrs) { const out = new Map(); for (const e of a) { const o = prev.get(e.id); if (o) hits++; out.set(e.id, o); } }
console.log('map get+set ms each', ((performance.now() - t3) / arrs.length).toFixed(2), hits);
const arrs2 = raws.map((r) => ClusterResources.parse(r));
const t4 = performance.now();
for (const a of arrs2) { for (const e of a) { if (prev.get(e.id)) hits++; } }
console.log('map get only (hashed) ms each', ((performance.now() - t4) / arrs.length).toFixed(2));
const prevArr = [...prev.values()];
const t5 = performance.now();
let miss = 0;
for (const a of arrs) { const out = new Map(); for (let i = 0; i < a.length; i++) { const e = a[i]!; const p0 = prevArr[i]; const o = p0 !== undefined && p0.id === e.id ? p0 : (miss++, prev.get(e.id)); out.set(o ? o.id : e.id, o); } }
console.log('positional get + set(old key) ms each', ((performance.now() - t5) / arrs.length).toFixed(2), miss);
const t6 = performance.now();
for (const a of arrs) { const out = new Map(prev); if (out.size < 0) console.log(a); }
console.log('clone map ms each', ((performance.now() - t6) / arrs.length).toFixed(2));
const t7 = performance.now();
for (const a of arrs) { for (const e of a) { if (prev.get(e.id)) hits++; } }
console.log('fresh get ms each', ((performance.now() - t7) / arrs.length).toFixed(2));
const t1 = performance.now();
for (let i = 0; i < 10; i++) JSON.parse(before);
console.log('parse ms each', ((performance.now() - t1) / 10).toFixed(2));
