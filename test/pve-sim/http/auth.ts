// Who is calling: PVEAuthCookie (cookie or Authorization) or PVEAPIToken, checked in PVE's order, with CSRF for tickets.
import type { IncomingHttpHeaders } from 'node:http';
import type { AccessControl } from '../rbac/types.js';
import type { TicketSigner } from './tickets.js';
import type { Principal } from './types.js';

export type AuthOutcome =
  | { ok: true; principal: Principal; via: 'ticket' | 'token' }
  | { ok: false; reason: 'No ticket' | 'Authentication failed!' | 'Permission denied - invalid csrf token' };

function cookieTicket(cookie: string | undefined): string | undefined {
  if (!cookie) return undefined;
  for (const part of cookie.split(';')) {
    const m = /^\s*PVEAuthCookie=(.*)$/.exec(part);
    if (m?.[1] !== undefined) return safeDecode(m[1].trim());
  }
  return undefined;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** PVEAPIToken=USER@REALM!TOKENID=SECRET (a space may replace the first '='); value runs to the first ';' */
export function parseTokenHeader(auth: string): { id: string; secret: string } | undefined {
  const m = /^PVEAPIToken[= ](.*)$/s.exec(auth.trim());
  if (m?.[1] === undefined) return undefined;
  const value = safeDecode(m[1].split(';')[0] ?? '');
  const at = value.lastIndexOf('=');
  if (at <= 0) return undefined;
  return { id: value.slice(0, at), secret: value.slice(at + 1) };
}

export function authenticate(
  headers: IncomingHttpHeaders,
  method: string,
  deps: { acl: AccessControl; tickets: TicketSigner; now: () => number },
  /** PVE skips the CSRF check for file uploads (browsers post those as plain forms) */
  csrfExempt = false,
): AuthOutcome {
  const authHeader = typeof headers.authorization === 'string' ? headers.authorization : undefined;
  const headerTicket = authHeader ? /^PVEAuthCookie=(.*)$/.exec(authHeader.trim())?.[1] : undefined;
  const ticket =
    cookieTicket(headers.cookie) ?? (headerTicket !== undefined ? safeDecode(headerTicket) : undefined);
  if (ticket !== undefined) {
    const userid = deps.tickets.verify(ticket);
    if (userid === undefined || userid.startsWith('!tfa!') || !deps.acl.userEnabled(userid, deps.now())) {
      return { ok: false, reason: 'Authentication failed!' };
    }
    if (method !== 'GET' && !csrfExempt) {
      const csrf = headers.csrfpreventiontoken;
      if (typeof csrf !== 'string' || !deps.tickets.verifyCsrf(userid, csrf)) {
        return { ok: false, reason: 'Permission denied - invalid csrf token' };
      }
    }
    return { ok: true, principal: { kind: 'user', userid }, via: 'ticket' };
  }
  if (authHeader) {
    const tok = parseTokenHeader(authHeader);
    const principal = tok ? deps.acl.authenticateToken(tok.id, tok.secret, deps.now()) : undefined;
    if (!principal) return { ok: false, reason: 'Authentication failed!' };
    return { ok: true, principal, via: 'token' };
  }
  return { ok: false, reason: 'No ticket' };
}

/** "user@realm" or "user@realm!token" for logs */
export function principalName(p: Principal | undefined): string | undefined {
  return p ? (p.kind === 'token' ? p.full : p.userid) : undefined;
}
