// Reads a request body and merges it with the query string the way PVE does (query wins, _dc dropped).
import type { IncomingMessage } from 'node:http';
import { parseMultipart } from './multipart.js';
import { PveHttpError } from './types.js';

export interface ParsedInput {
  params: Record<string, unknown>;
  /** JSON bodies may carry real booleans and arrays */
  json: boolean;
}

const MAX_BODY = 64 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    const b = c as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new PveHttpError(413, 'request entity too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function addParam(target: Record<string, unknown>, key: string, value: string): void {
  const prev = target[key];
  if (prev === undefined) target[key] = value;
  else target[key] = Array.isArray(prev) ? [...(prev as unknown[]), value] : [prev, value];
}

function formParams(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) addParam(out, k, v);
  return out;
}

export function mergeInput(
  method: string,
  query: string,
  body: Buffer,
  contentType: string | undefined,
): ParsedInput {
  if ((method === 'GET' || method === 'DELETE') && body.length > 0) {
    throw new PveHttpError(501, `Unexpected content for method '${method}'`);
  }
  let bodyParams: Record<string, unknown> = {};
  let json = false;
  if (body.length > 0) {
    if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data')) {
      bodyParams = parseMultipart(body, contentType ?? '');
    } else if ((contentType ?? '').toLowerCase().startsWith('application/json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch (e) {
        throw new PveHttpError(400, `unable to parse JSON body - ${(e as Error).message}\n`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new PveHttpError(400, 'JSON body must be an object\n');
      }
      bodyParams = parsed as Record<string, unknown>;
      json = true;
    } else {
      bodyParams = formParams(body.toString('utf8'));
    }
  }
  const params = { ...bodyParams, ...formParams(query) };
  delete params._dc;
  return { params, json };
}
