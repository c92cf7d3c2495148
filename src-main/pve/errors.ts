// Turns PVE HTTP answers and transport failures into the app's typed AppFailure taxonomy.
import { AppFailure } from '../../src-shared/ipc/errors.js';

/** PVE answers 500 for guest-state errors; these texts mean "the object is busy or in the wrong state". */
const CONFLICT_PATTERNS = [
  /is locked \(/,
  /already running/,
  /\bnot running\b/,
  /is running - /,
  /detected modified configuration/,
  /checksum mismatch/,
  /already exists/,
  /already used/,
  /protection mode enabled/,
  /cannot shutdown/,
];

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

function bodyMessage(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'message' in body) {
    const m = (body as { message: unknown }).message;
    if (typeof m === 'string' && m.trim() !== '') return m;
  }
  return undefined;
}

function bodyErrors(body: unknown): Record<string, string> | undefined {
  if (!body || typeof body !== 'object' || !('errors' in body)) return undefined;
  const errors = (body as { errors: unknown }).errors;
  if (!errors || typeof errors !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) out[k] = String(v).replace(/\n$/, '');
  return out;
}

/** Parses "Permission check failed (/vms/100, VM.PowerMgmt)" into path and privilege. */
export function parsePermissionMessage(text: string): { path: string; privilege: string } | undefined {
  const m = /Permission check failed \(([^,]+), ([^)]+)\)/.exec(text);
  if (!m) return undefined;
  return { path: m[1]!.trim(), privilege: m[2]!.trim() };
}

/** Maps a non-2xx PVE answer. statusText is PVE's reason phrase: the first line of its message. */
export function failureFromResponse(status: number, statusText: string, body: unknown): AppFailure {
  const text = bodyMessage(body) ?? statusText;
  const message = firstLine(text) || `HTTP ${status}`;
  if (status === 401) {
    const reason = message === 'No ticket' ? 'No credentials were sent' : message;
    return new AppFailure('auth_failed', `Authentication failed: ${reason}`, undefined, status);
  }
  if (status === 403) {
    const perm = parsePermissionMessage(text);
    return new AppFailure(
      'permission_denied',
      message,
      perm ? { path: perm.path, privilege: perm.privilege } : undefined,
      status,
    );
  }
  if (status === 400) {
    return new AppFailure('bad_parameter', message, bodyErrors(body), status);
  }
  if (status === 500 && /does not exist|no such /i.test(text)) {
    return new AppFailure('not_found', message, undefined, status);
  }
  if (status === 500 && CONFLICT_PATTERNS.some((re) => re.test(text))) {
    return new AppFailure('conflict', message, undefined, status);
  }
  if (status === 404) return new AppFailure('not_found', message, undefined, status);
  if (status === 409 || status === 423) return new AppFailure('conflict', message, undefined, status);
  return new AppFailure('server_error', message, undefined, status);
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

function errorCode(err: unknown): string | undefined {
  if (
    err &&
    typeof err === 'object' &&
    'code' in err &&
    typeof (err as { code: unknown }).code === 'string'
  ) {
    return (err as { code: string }).code;
  }
  return undefined;
}

/** Walks err.cause to the first AppFailure or known code; undici wraps connector errors. */
function unwrap(err: unknown): unknown[] {
  const chain: unknown[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur; i++) {
    chain.push(cur);
    cur = cur && typeof cur === 'object' && 'cause' in cur ? (cur as { cause: unknown }).cause : undefined;
  }
  return chain;
}

export interface TransportContext {
  target: string;
  /** our own deadline fired */
  timedOut: boolean;
  /** the request was not a GET and may have reached the server */
  mutation: boolean;
}

/** Maps a thrown transport error (connect, TLS, socket, deadline) to an AppFailure. */
export function failureFromTransport(err: unknown, ctx: TransportContext): AppFailure {
  const chain = unwrap(err);
  const found = chain.find((e) => e instanceof AppFailure);
  if (found instanceof AppFailure) return found;
  const maybeSent = ctx.mutation ? { requestSent: 'unknown' } : undefined;
  if (ctx.timedOut || chain.some((e) => TIMEOUT_CODES.has(errorCode(e) ?? ''))) {
    return new AppFailure('timeout', `${ctx.target} did not answer in time`, maybeSent);
  }
  const code = chain.map(errorCode).find((c) => c !== undefined);
  if (code && UNREACHABLE_CODES.has(code)) {
    return new AppFailure('unreachable', `Cannot reach ${ctx.target} (${code})`, maybeSent);
  }
  if (code && /^ERR_TLS|^ERR_SSL|CERT|SELF_SIGNED/.test(code)) {
    return new AppFailure('tls_untrusted', `TLS handshake with ${ctx.target} failed (${code})`);
  }
  return new AppFailure('unreachable', `Cannot reach ${ctx.target}${code ? ` (${code})` : ''}`, maybeSent);
}

/** Failures worth another try for an idempotent GET: the server or the path hiccupped. */
export function isTransient(f: AppFailure): boolean {
  if (f.code === 'unreachable') return true;
  return f.code === 'server_error' && f.status !== undefined && f.status >= 500 && f.status !== 501;
}
