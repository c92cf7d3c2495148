// Writes PVE's JSON envelope: headers, reason phrase = first line of the message, gzip over 1024 bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

export function reasonPhrase(status: number, message: string | undefined): string {
  const first = (message ?? '').split('\n')[0] ?? '';
  // a reason phrase may not hold control characters; keep it printable
  const clean = first.replace(/[^\t\x20-\x7e]/g, '?');
  return clean !== '' ? clean : (STATUS_CODES[status] ?? 'Unknown');
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Type': 'application/json;charset=UTF-8',
    Server: 'pve-api-daemon/3.0',
    'Cache-Control': 'max-age=0',
    Pragma: 'no-cache',
    Expires: new Date().toUTCString(),
  };
}

/** gzip runs in the thread pool at level 1: large answers (10k-guest resource lists) must not stall the event loop */
export async function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  reason: string,
  body: Buffer,
): Promise<void> {
  const headers = baseHeaders();
  let out = body;
  const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (accepts && body.length > 1024) {
    out = await gzipAsync(body, { level: constants.Z_BEST_SPEED });
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = String(out.length);
  res.writeHead(status, reason, headers);
  res.end(out);
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  payload: unknown,
  message?: string,
): Promise<void> {
  return sendBody(req, res, status, reasonPhrase(status, message), Buffer.from(JSON.stringify(payload)));
}

/** 401: no body, only the status line */
export function sendAuthFailure(res: ServerResponse, reason: string): void {
  res.writeHead(401, reason, { Server: 'pve-api-daemon/3.0', 'Content-Length': '0' });
  res.end();
}

export function errorPayload(message: string, errors?: Record<string, string>): Record<string, unknown> {
  return errors ? { data: null, message, errors } : { data: null, message };
}
