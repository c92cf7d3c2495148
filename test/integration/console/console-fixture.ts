// Shared set-up for the console tests: a simulator, pinned PVE clients for its demo identities, guest look-ups,
// and a viewer that connects to a relay URL the way noVNC does.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import WebSocket from 'ws';
import { tokenAuth, ticketAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import type { RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';

export function tokenClient(sim: RunningSim, tokenId: string, pin = sim.fingerprint): PveClient {
  const secret = DEMO_TOKENS[tokenId];
  if (!secret) throw new Error(`no demo token ${tokenId}`);
  return new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    auth: tokenAuth(tokenId, secret),
    trust: { pin },
    timeoutMs: 10_000,
  });
}

export function rootClient(sim: RunningSim, password: string): PveClient {
  return new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    auth: ticketAuth({ userid: 'root@pam', password }),
    trust: { pin: sim.fingerprint },
    timeoutMs: 10_000,
  });
}

/** The first `count` guests of a type in a power state, read from the simulated cluster itself. */
export function guests(
  sim: RunningSim,
  type: 'qemu' | 'lxc',
  status: 'running' | 'stopped',
  count = 1,
): Array<{ node: string; vmid: number }> {
  const found: Array<{ node: string; vmid: number }> = [];
  for (let vmid = 100; vmid < 10_100 && found.length < count; vmid++) {
    const g = sim.cluster.guestStatus?.(vmid);
    if (g && g.type === type && g.status === status) found.push({ node: g.node, vmid });
  }
  if (found.length < count) throw new Error(`not enough ${status} ${type} guests`);
  return found;
}

export type ViewerOutcome =
  | { kind: 'open'; ws: WebSocket; first: Promise<Buffer>; closed: Promise<number> }
  | { kind: 'refused'; status: number }
  | { kind: 'failed'; code: string };

/** Connects to a relay like noVNC (subprotocol "binary"); `localAddress` picks the source address. */
export function connectViewer(url: string, opts: { localAddress?: string } = {}): Promise<ViewerOutcome> {
  const ws = new WebSocket(url, ['binary'], opts.localAddress ? { localAddress: opts.localAddress } : {});
  const first = new Promise<Buffer>((resolve, reject) => {
    ws.once('message', (d: Buffer) => resolve(d));
    ws.once('close', () => reject(new Error('closed before any message')));
  });
  first.catch(() => {});
  const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ kind: 'open', ws, first, closed }));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      ws.terminate();
      resolve({ kind: 'refused', status: res.statusCode ?? 0 });
    });
    ws.once('error', (err: NodeJS.ErrnoException) =>
      resolve({ kind: 'failed', code: err.code ?? err.message }),
    );
  });
}

/**
 * TCP ports in LISTEN state on 127.0.0.1 (from /proc/net/tcp); with `pid`, only the sockets that process holds,
 * so servers of other test runs on this machine do not count.
 */
export function loopbackListeners(pid?: number): Set<number> {
  const owned = pid === undefined ? undefined : socketInodes(pid);
  const ports = new Set<number>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    const [addr, port] = (f[1] ?? '').split(':');
    if (f[3] !== '0A' || addr !== '0100007F' || !port) continue;
    if (owned && !owned.has(f[9] ?? '')) continue;
    ports.add(parseInt(port, 16));
  }
  return ports;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // the descriptor closed while we looked
    }
  }
  return inodes;
}

/** The pid of a child process of this test whose command line contains `needle` (the web host). */
export function childPid(needle: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(needle))
        return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no child process running ${needle}`);
}
