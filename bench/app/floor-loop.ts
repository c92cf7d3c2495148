// The floor for main's polling cost: a bare loop that fetches /cluster/resources and JSON.parses it every 3 s,
// nothing else. Run as its own process by the app bench: `tsx bench/app/floor-loop.ts PORT [PORT...]`.
import { request } from 'node:https';
import { DEFAULT_ROOT_PASSWORD } from '../../test/pve-sim/rbac/index.js';

const EVERY_MS = 3_000;

function fetchText(
  port: number,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      // Loopback to the bench's own simulator: the floor measures parsing, not certificate checks.
      { host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', headers, rejectUnauthorized: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function loop(port: number): Promise<never> {
  const login = await fetchText(
    port,
    '/api2/json/access/ticket',
    { 'content-type': 'application/x-www-form-urlencoded' },
    new URLSearchParams({ username: 'root@pam', password: DEFAULT_ROOT_PASSWORD }).toString(),
  );
  const ticket = (JSON.parse(login) as { data: { ticket: string } }).data.ticket;
  const cookie = `PVEAuthCookie=${encodeURIComponent(ticket)}`;
  for (;;) {
    const t = performance.now();
    JSON.parse(await fetchText(port, '/api2/json/cluster/resources', { cookie }));
    await new Promise((r) => setTimeout(r, Math.max(0, EVERY_MS - (performance.now() - t))));
  }
}

const ports = process.argv.slice(2).map(Number);
console.log('floor loop polling');
await Promise.all(ports.map(loop));
