// The control API: a small JSON HTTP server on another loopback port that drives faults and cluster state from outside.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { faultPatchSchema } from '../faults.js';
import type { RunningSim } from '../index.js';

const guestStatusBody = z.object({ status: z.enum(['running', 'stopped']) }).strict();
const guestConfigBody = z
  .object({ key: z.string().min(1), value: z.union([z.string(), z.number()]).optional() })
  .strict();
const failNextBody = z.object({ type: z.string().min(1), message: z.string().min(1) }).strict();
const taskMsBody = z.object({ ms: z.number().int().min(0) }).strict();

type Route = (sim: RunningSim, m: RegExpExecArray, body: unknown) => unknown;

const ROUTES: [string, RegExp, Route][] = [
  [
    'GET',
    /^\/state$/,
    (sim) => ({
      url: sim.url,
      fingerprint: sim.fingerprint,
      faults: sim.faults.get(),
      cluster: sim.cluster.control.summary(),
    }),
  ],
  ['POST', /^\/faults$/, (sim, _m, body) => sim.faults.set(faultPatchSchema.parse(body ?? {}))],
  [
    'POST',
    /^\/nodes\/([^/]+)\/(online|offline)$/,
    (sim, m) => {
      sim.cluster.control.setNodeOnline(m[1] ?? '', m[2] === 'online');
      return { node: m[1], online: m[2] === 'online' };
    },
  ],
  [
    'POST',
    /^\/guests\/(\d+)\/status$/,
    (sim, m, body) => {
      const { status } = guestStatusBody.parse(body);
      sim.cluster.control.setGuestStatus(Number(m[1]), status);
      return { vmid: Number(m[1]), status };
    },
  ],
  [
    'POST',
    /^\/guests\/(\d+)\/config$/,
    (sim, m, body) => {
      const { key, value } = guestConfigBody.parse(body);
      sim.cluster.control.setGuestConfig(Number(m[1]), key, value);
      return { vmid: Number(m[1]), key };
    },
  ],
  [
    'POST',
    /^\/tasks\/fail-next$/,
    (sim, _m, body) => {
      const { type, message } = failNextBody.parse(body);
      sim.cluster.control.failNextTask(type, message);
      return { type };
    },
  ],
  [
    'POST',
    /^\/tasks\/duration$/,
    (sim, _m, body) => {
      const { ms } = taskMsBody.parse(body);
      sim.cluster.control.setTaskDurationMs(ms);
      return { ms };
    },
  ],
  [
    'POST',
    /^\/tokens\/([^/]+)\/revoke$/,
    (sim, m) => ({ revoked: sim.acl.revokeToken(decodeURIComponent(m[1] ?? '')) }),
  ],
  ['POST', /^\/cert\/swap$/, async (sim) => ({ fingerprint: await sim.swapCertificate() })],
];

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
}

function reply(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function dispatch(sim: RunningSim, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  for (const [method, rx, route] of ROUTES) {
    const m = rx.exec(path);
    if (!m || req.method !== method) continue;
    try {
      reply(res, 200, { ok: true, result: await route(sim, m, await readJson(req)) });
    } catch (e) {
      const message =
        e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : String(e);
      reply(res, 400, { ok: false, error: message });
    }
    return;
  }
  reply(res, 404, { ok: false, error: `no control route ${req.method ?? ''} ${path}` });
}

export async function startControlServer(
  sim: RunningSim,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => void dispatch(sim, req, res));
  const actual = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
