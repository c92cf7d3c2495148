// The simulator's HTTPS server: loopback only, PVE envelope, 401 delays, faults, request log and WebSocket upgrades.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Faults } from '../faults.js';
import { HUGE_RESPONSE_BYTES } from '../faults.js';
import type { RequestLog } from '../log.js';
import { principalName } from './auth.js';
import { mergeInput, readBody } from './body.js';
import { AuthFailure, type CoreDeps, prepareRequest } from './prepare.js';
import { errorPayload, reasonPhrase, sendAuthFailure, sendBody, sendJson } from './respond.js';
import type { CertPair } from './tls.js';
import { type HandlerRegistry, PveHttpError, type SimRequest } from './types.js';

export interface ServerDeps extends CoreDeps {
  registry: HandlerRegistry;
  faults: Faults;
  log: RequestLog;
  authFailDelayMs: number;
}

const API_PREFIX = '/api2/json';

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function splitUrl(url: string): { rel: string | undefined; query: string; format: string | undefined } {
  const q = url.indexOf('?');
  const pathname = q >= 0 ? url.slice(0, q) : url;
  const query = q >= 0 ? url.slice(q + 1) : '';
  const m = /^\/api2\/([^/]+)(\/.*)?$/.exec(pathname);
  if (!m) return { rel: undefined, query, format: undefined };
  return { rel: (m[2] ?? '/').replace(/\/+$/, '') || '/', query, format: m[1] };
}

interface Outcome {
  status: number;
  body: Buffer | undefined;
  message?: string;
  simReq?: SimRequest;
  params: Record<string, unknown>;
}

function envelope(result: unknown): Buffer {
  if (
    result &&
    typeof result === 'object' &&
    typeof (result as { __rawJson?: unknown }).__rawJson === 'string'
  ) {
    return Buffer.from(`{"data":${(result as { __rawJson: string }).__rawJson}}`);
  }
  return Buffer.from(JSON.stringify(envelopeObject(result)));
}

function envelopeObject(result: unknown): unknown {
  if (result && typeof result === 'object' && (result as { __envelope?: unknown }).__envelope === true) {
    const { data, total, changes } = result as { data: unknown; total?: number; changes?: unknown };
    const out: Record<string, unknown> = { data: data ?? null };
    if (total) out.total = total;
    if (changes) out.changes = changes;
    return out;
  }
  return { data: result ?? null };
}

function errorOutcome(e: unknown, params: Record<string, unknown>): Outcome {
  if (e instanceof PveHttpError) {
    return {
      status: e.status,
      body: Buffer.from(JSON.stringify(errorPayload(e.message, e.errors))),
      message: e.message,
      params,
    };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { status: 500, body: Buffer.from(JSON.stringify(errorPayload(message))), message, params };
}

async function handle(deps: ServerDeps, req: IncomingMessage, rel: string, query: string): Promise<Outcome> {
  let params: Record<string, unknown> = {};
  try {
    const input = mergeInput(req.method ?? 'GET', query, await readBody(req), req.headers['content-type']);
    params = input.params;
    const simReq = prepareRequest(deps, req.method ?? 'GET', rel, req.headers, input);
    params = simReq.params;
    const handler = deps.registry.get(simReq.method, simReq.template);
    if (!handler)
      throw new PveHttpError(501, `Method '${simReq.method} ${rel}' not implemented in simulator`);
    const result = await handler(simReq, { acl: deps.acl });
    return { status: 200, body: envelope(result), simReq, params };
  } catch (e) {
    if (e instanceof AuthFailure) return { status: 401, body: undefined, message: e.message, params };
    return errorOutcome(e, params);
  }
}

function applyBodyFault(action: string, body: Buffer): Buffer {
  if (action === 'truncate') return body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
  if (action === 'malformed') return Buffer.from('<html><body>502 Bad Gateway</body></html>\n');
  if (action === 'huge') {
    const pad = Math.max(0, HUGE_RESPONSE_BYTES - body.length - 16);
    return Buffer.concat([body.subarray(0, body.length - 1), Buffer.from(`,"pad":"${'x'.repeat(pad)}"}`)]);
  }
  return body;
}

async function onRequest(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { rel, query, format } = splitUrl(req.url ?? '/');
  const method = req.method ?? 'GET';
  if (rel === undefined || format !== 'json') {
    const msg = rel === undefined ? 'no such uri' : `format '${format ?? ''}' not implemented in simulator`;
    await sendJson(req, res, 501, errorPayload(msg), msg);
    return;
  }
  const fault = deps.faults.decide(rel);
  if (fault.latencyMs > 0) await delay(fault.latencyMs);
  if (fault.action === 'reset') {
    req.socket.destroy();
    deps.log.write({ time: deps.now(), method, path: rel, params: {}, principal: undefined, status: 0 });
    return;
  }
  let out = await handle(deps, req, rel, query);
  if (fault.action === 'error') {
    out = errorOutcome(new PveHttpError(500, 'simulated server failure (fault injection)\n'), out.params);
  }
  deps.log.write({
    time: deps.now(),
    method,
    path: rel,
    params: out.params,
    principal: principalName(out.simReq?.principal),
    status: out.status,
  });
  if (out.status === 401) {
    if (deps.authFailDelayMs > 0) await delay(deps.authFailDelayMs);
    if (out.body && out.message) await sendBody(req, res, 401, reasonPhrase(401, out.message), out.body);
    else sendAuthFailure(res, out.message ?? 'Unauthorized');
    return;
  }
  const body =
    out.status === 200
      ? applyBodyFault(fault.action, out.body ?? Buffer.alloc(0))
      : (out.body ?? Buffer.alloc(0));
  await sendBody(req, res, out.status, reasonPhrase(out.status, out.message), body);
}

function rawReply(socket: Duplex, status: number, message: string): void {
  const reason = reasonPhrase(status, message);
  const body = status === 401 ? '' : JSON.stringify(errorPayload(message));
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nServer: pve-api-daemon/3.0\r\nContent-Type: application/json;charset=UTF-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

async function onUpgrade(
  deps: ServerDeps,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  const { rel, query } = splitUrl(req.url ?? '/');
  if (rel === undefined) return rawReply(socket, 501, 'no such uri');
  try {
    const simReq = prepareRequest(
      deps,
      'GET',
      rel,
      req.headers,
      mergeInput('GET', query, Buffer.alloc(0), undefined),
    );
    const handler = deps.registry.getUpgrade(simReq.template);
    if (!handler) throw new PveHttpError(501, `Method 'GET ${rel}' not implemented in simulator`);
    deps.log.write({
      time: deps.now(),
      method: 'GET',
      path: rel,
      params: simReq.params,
      principal: principalName(simReq.principal),
      status: 101,
    });
    await handler(simReq, { acl: deps.acl }, { request: req, socket, head });
  } catch (e) {
    if (e instanceof AuthFailure) {
      if (deps.authFailDelayMs > 0) await delay(deps.authFailDelayMs);
      return rawReply(socket, 401, e.message);
    }
    const o = errorOutcome(e, {});
    rawReply(socket, o.status, o.message ?? '');
  }
}

export function createSimServer(deps: ServerDeps, cert: CertPair): Server {
  const server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    onRequest(deps, req, res).catch((e: unknown) => {
      if (!res.headersSent) void sendJson(req, res, 500, errorPayload(String(e)), String(e));
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void onUpgrade(deps, req, socket, head);
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  return server;
}

export { API_PREFIX };
