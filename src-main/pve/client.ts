// The PVE HTTP client: one per cluster profile. Pinned TLS, auth headers, deadline, typed errors,
// zod-checked answers, and retries for idempotent GETs only — a mutation is never sent twice.
import { request, type Agent } from 'undici';
import type { z } from 'zod';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import type { PveCall, PveCaller, PveParams } from './api/caller.js';
import type { AuthProvider } from './auth.js';
import { failureFromResponse, failureFromTransport, isTransient } from './errors.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { createPinnedAgent, type TlsTrust } from './tls-pin.js';

export interface PveClientOptions {
  host: string;
  port?: number;
  auth: AuthProvider;
  trust: TlsTrust;
  /** per-attempt deadline for headers and body */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** answers larger than this are refused (PVE task logs and big inventories reach ~20 MB) */
  maxBodyBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

export function encodeParams(params: PveParams | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined) continue;
    if (typeof v === 'object') for (const item of v) q.append(k, item);
    else q.append(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  }
  return q.toString();
}

async function readBody(
  body: AsyncIterable<Buffer | Uint8Array>,
  limit: number,
  target: string,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit)
      throw new AppFailure('bad_response', `${target} sent more than ${Math.round(limit / 1048576)} MB`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string, status: number, target: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (status >= 400) return undefined;
    throw new AppFailure('bad_response', `${target} sent a malformed or truncated answer`, undefined, status);
  }
}

export class PveClient implements PveCaller {
  readonly baseUrl: string;
  readonly target: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly maxBody: number;
  private fingerprint: string | undefined;
  /** calls without auth: the ticket login itself */
  readonly anonymous: PveCaller = { call: (req) => this.send(req, {}) };

  constructor(private readonly opts: PveClientOptions) {
    const port = opts.port ?? 8006;
    const host = opts.host.includes(':') && !opts.host.startsWith('[') ? `[${opts.host}]` : opts.host;
    this.target = `${host}:${port}`;
    this.baseUrl = `https://${this.target}/api2/json`;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
    this.agent = createPinnedAgent(opts.trust, {
      connectTimeoutMs: this.timeoutMs,
      onVerified: (fp) => {
        this.fingerprint = fp;
      },
    });
  }

  get identity(): string {
    return this.opts.auth.identity;
  }

  /** fingerprint of the certificate the last connection was verified with */
  get verifiedFingerprint(): string | undefined {
    return this.fingerprint;
  }

  /** auth headers and trust for a connection made outside undici (the console's WebSocket, main only) */
  async upgradeCredentials(): Promise<{ headers: Record<string, string>; trust: TlsTrust }> {
    return { headers: await this.opts.auth.headers('GET', this.anonymous), trust: this.opts.trust };
  }

  async call<S extends z.ZodType>(req: PveCall<S>): Promise<{ data: z.output<S>; total?: number }> {
    const once = async (): Promise<{ data: z.output<S>; total?: number }> => {
      try {
        return await this.send(req, await this.opts.auth.headers(req.method, this.anonymous));
      } catch (err) {
        // A 401 is refused before PVE acts, so one fresh login and resend is safe even for writes.
        if (
          err instanceof AppFailure &&
          err.code === 'auth_failed' &&
          err.status === 401 &&
          this.opts.auth.invalidate()
        ) {
          return this.send(req, await this.opts.auth.headers(req.method, this.anonymous));
        }
        throw err;
      }
    };
    if (req.method !== 'GET') return once();
    return withRetry(once, (err) => err instanceof AppFailure && isTransient(err), this.retry, req.signal);
  }

  private async send<S extends z.ZodType>(
    req: PveCall<S>,
    authHeaders: Record<string, string>,
  ): Promise<{ data: z.output<S>; total?: number }> {
    const encoded = encodeParams(req.params);
    const hasBody = req.method === 'POST' || req.method === 'PUT';
    const url = `${this.baseUrl}${req.path}${!hasBody && encoded ? `?${encoded}` : ''}`;
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    let status: number;
    let statusText: string;
    let text: string;
    try {
      const res = await request(url, {
        method: req.method,
        dispatcher: this.agent,
        signal,
        headers: {
          Accept: 'application/json',
          ...(hasBody ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          ...authHeaders,
        },
        ...(hasBody ? { body: encoded } : {}),
      });
      status = res.statusCode;
      statusText = res.statusText;
      text = await readBody(res.body, this.maxBody, this.target);
    } catch (err) {
      if (req.signal?.aborted) throw req.signal.reason;
      throw failureFromTransport(err, {
        target: this.target,
        timedOut: deadline.aborted,
        mutation: req.method !== 'GET',
      });
    }
    const body = parseJson(text, status, this.target);
    if (status < 200 || status >= 300) throw failureFromResponse(status, statusText, body);
    return this.convert(req, body, status);
  }

  private convert<S extends z.ZodType>(
    req: PveCall<S>,
    body: unknown,
    status: number,
  ): { data: z.output<S>; total?: number } {
    if (!body || typeof body !== 'object' || !('data' in body)) {
      throw new AppFailure(
        'bad_response',
        `${req.method} ${req.path}: the answer has no "data" field`,
        undefined,
        status,
      );
    }
    const envelope = body as { data: unknown; total?: unknown };
    const parsed = req.schema.safeParse(envelope.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'shape';
      throw new AppFailure(
        'bad_response',
        `${req.method} ${req.path}: unexpected answer (${where})`,
        undefined,
        status,
      );
    }
    const total = typeof envelope.total === 'number' ? envelope.total : undefined;
    return total !== undefined ? { data: parsed.data, total } : { data: parsed.data };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
