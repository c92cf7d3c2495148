// Test helpers for the console tests: a logged-in HTTPS client for the simulator, a WSS opener, and QEMU process look-ups.
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { z } from 'zod';

export interface SimClient {
  ticket: string;
  csrf: string;
  call(
    method: 'GET' | 'POST',
    path: string,
    params?: Record<string, string | number>,
  ): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

const loginReply = z.object({ data: z.object({ ticket: z.string(), CSRFPreventionToken: z.string() }) });

export async function login(url: string, ca: string, username: string, password: string): Promise<SimClient> {
  const dispatcher = new Agent({ connect: { ca } });
  const res = await request(`${url}/api2/json/access/ticket`, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  const { ticket, CSRFPreventionToken: csrf } = loginReply.parse(await res.body.json()).data;
  return {
    ticket,
    csrf,
    async call(method, path, params = {}) {
      const form = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
      const r = await request(`${url}/api2/json${path}${method === 'GET' && form ? `?${form}` : ''}`, {
        method,
        dispatcher,
        headers: {
          cookie: `PVEAuthCookie=${encodeURIComponent(ticket)}`,
          CSRFPreventionToken: csrf,
          ...(method === 'POST' && { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        ...(method === 'POST' && { body: form }),
      });
      const text = await r.body.text();
      return { status: r.statusCode, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    close: () => dispatcher.close(),
  };
}

export const vncReply = z.object({
  user: z.string(),
  ticket: z.string(),
  port: z.number().int(),
  password: z.string().optional(),
  cert: z.string(),
  upid: z.string(),
});
export type VncReply = z.infer<typeof vncReply>;

export type WsOutcome =
  | { kind: 'open'; ws: WebSocket; protocol: string; firstMessage: Promise<Buffer>; closed: Promise<number> }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'dropped' };

/** Opens vncwebsocket and reports what happened: an open socket, an HTTP refusal, or a dropped connection. */
export function openVncWebSocket(
  url: string,
  ca: string,
  path: string,
  port: number,
  vncticket: string,
  headers: Record<string, string>,
): Promise<WsOutcome> {
  const wsUrl = `${url.replace(/^https/, 'wss')}/api2/json${path}?${new URLSearchParams({ port: String(port), vncticket }).toString()}`;
  const ws = new WebSocket(wsUrl, ['binary'], { ca, headers });
  const firstMessage = new Promise<Buffer>((resolve, reject) => {
    ws.once('message', (d: Buffer) => resolve(d));
    ws.once('close', () => reject(new Error('closed before any message')));
  });
  firstMessage.catch(() => {});
  const closed = new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));
  return new Promise((resolve) => {
    ws.once('open', () => resolve({ kind: 'open', ws, protocol: ws.protocol, firstMessage, closed }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ kind: 'http', status: res.statusCode ?? 0, message: res.statusMessage ?? '' });
      res.resume();
      ws.terminate();
    });
    ws.once('error', () => resolve({ kind: 'dropped' }));
  });
}

/** Live qemu-system processes started (through any depth of children) by this test process. */
export function qemuDescendants(): number[] {
  const parent = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      if (fields[0] === 'Z') continue;
      parent.set(Number(entry), Number(fields[1]));
      comm.set(Number(entry), stat.slice(stat.indexOf('(') + 1, close));
    } catch {
      // the process ended while we looked
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  return [...comm].filter(([pid, name]) => name.startsWith('qemu-system') && mine(pid)).map(([pid]) => pid);
}

/** Polls a condition with a bounded deadline (for process exits, which have no event we can await here). */
export async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}
