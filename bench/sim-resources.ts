// Bench: GET /cluster/resources on a 32-node, 10,000-guest simulator over loopback HTTPS must answer in < 100 ms.
import { request } from 'node:https';
import { startSimulator } from '../test/pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD, DEMO_TOKENS } from '../test/pve-sim/rbac/index.js';

const LIMIT_MS = 100;
const ROUNDS = 30;

function get(
  url: string,
  ca: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: body ? 'POST' : 'GET',
        ca,
        headers: { ...headers, ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function measure(
  label: string,
  url: string,
  ca: string,
  headers: Record<string, string>,
): Promise<number> {
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const r = await get(url, ca, headers);
    times.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`${label}: HTTP ${r.status}`);
    count = (JSON.parse(r.text) as { data: unknown[] }).data.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p95 = times[Math.floor(times.length * 0.95)] ?? 0;
  console.log(
    `${label}: ${count} entries, median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, first ${times[0]?.toFixed(1)} ms (sorted min)`,
  );
  return median;
}

const sim = await startSimulator({ nodes: 32, guests: 10_000, seed: 1, controlPort: false });
try {
  const login = await get(
    `${sim.url}/api2/json/access/ticket`,
    sim.certPem,
    {},
    new URLSearchParams({ username: 'root@pam', password: DEFAULT_ROOT_PASSWORD }).toString(),
  );
  const ticket = (JSON.parse(login.text) as { data: { ticket: string } }).data.ticket;
  const url = `${sim.url}/api2/json/cluster/resources`;
  const rootMs = await measure('root@pam ticket', url, sim.certPem, {
    cookie: `PVEAuthCookie=${encodeURIComponent(ticket)}`,
  });
  const id = 'OpenVLE@pve!prod01';
  const tokenMs = await measure('privsep pool token', url, sim.certPem, {
    authorization: `PVEAPIToken=${id}=${DEMO_TOKENS[id] ?? ''}`,
  });
  const worst = Math.max(rootMs, tokenMs);
  console.log(
    `sim-resources: worst median ${worst.toFixed(1)} ms (limit ${LIMIT_MS} ms) -> ${worst < LIMIT_MS ? 'PASS' : 'FAIL'}`,
  );
  if (worst >= LIMIT_MS) process.exitCode = 1;
} finally {
  await sim.close();
}
