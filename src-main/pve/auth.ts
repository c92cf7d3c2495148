// Authentication for PVE calls: API token header, or ticket login with CSRF, renewal and TOTP.
import { AppFailure } from '../../src-shared/ipc/errors.js';
import { createTicket, type TicketReply } from './api/access.js';
import type { HttpMethod, PveCaller } from './api/caller.js';

export interface AuthProvider {
  /** user@realm or user@realm!token, for display */
  readonly identity: string;
  readonly kind: 'token' | 'password';
  /** headers for one request; logs in or renews first when needed */
  headers(method: HttpMethod, anonymous: PveCaller): Promise<Record<string, string>>;
  /** a request got 401: drop the session. Returns true when logging in again may help. */
  invalidate(): boolean;
}

export function tokenAuth(tokenId: string, secret: string): AuthProvider {
  const header = `PVEAPIToken=${tokenId}=${secret}`;
  return {
    identity: tokenId,
    kind: 'token',
    headers: () => Promise.resolve({ Authorization: header }),
    invalidate: () => false,
  };
}

/** A PVE ticket is valid for 2 h from the hex time inside it. */
export const TICKET_LIFETIME_MS = 2 * 60 * 60 * 1000;
/** Renew well before expiry so a slow poll never carries an expired ticket. */
export const TICKET_RENEW_AFTER_MS = 60 * 60 * 1000;

/** Reads the issue time (ms) from "PVE:<data>:<8 hex>::<signature>". */
export function ticketIssuedAt(ticket: string): number | undefined {
  const m = /:([0-9A-F]{8})::/.exec(ticket);
  return m ? parseInt(m[1]!, 16) * 1000 : undefined;
}

export interface TicketAuthOptions {
  /** user@realm */
  userid: string;
  password: string;
  /** asked for a TOTP code only when PVE says the account needs one */
  otp?: () => string | Promise<string>;
  /** clock used to decide renewal (injectable for tests) */
  now?: () => number;
  renewAfterMs?: number;
}

interface Session {
  ticket: string;
  csrf: string;
  issuedAt: number;
}

export function ticketAuth(opts: TicketAuthOptions): AuthProvider {
  const now = opts.now ?? Date.now;
  const renewAfter = opts.renewAfterMs ?? TICKET_RENEW_AFTER_MS;
  let session: Session | undefined;
  let pending: Promise<Session> | undefined;

  function toSession(reply: TicketReply, fallbackTime: number): Session {
    if (!reply.ticket || !reply.CSRFPreventionToken) {
      throw new AppFailure('bad_response', 'PVE answered the login without a ticket');
    }
    return {
      ticket: reply.ticket,
      csrf: reply.CSRFPreventionToken,
      issuedAt: ticketIssuedAt(reply.ticket) ?? fallbackTime,
    };
  }

  async function login(anonymous: PveCaller): Promise<Session> {
    const first = await createTicket(anonymous, { username: opts.userid, password: opts.password });
    const needsTfa = first.NeedTFA === true || (first.ticket?.includes('!tfa!') ?? false);
    if (!needsTfa) return toSession(first, now());
    if (!opts.otp || !first.ticket) {
      throw new AppFailure(
        'tfa_required',
        `${opts.userid} needs a second factor: enter the current TOTP code`,
      );
    }
    const code = (await opts.otp()).trim();
    const second = await createTicket(anonymous, {
      username: opts.userid,
      'tfa-challenge': first.ticket,
      password: `totp:${code}`,
    });
    return toSession(second, now());
  }

  async function renew(anonymous: PveCaller, current: Session): Promise<Session> {
    try {
      // PVE accepts a still-valid ticket as the password and returns a fresh one, no second factor.
      return toSession(
        await createTicket(anonymous, { username: opts.userid, password: current.ticket }),
        now(),
      );
    } catch (err) {
      if (err instanceof AppFailure && err.code === 'auth_failed') return login(anonymous);
      throw err;
    }
  }

  function ensure(anonymous: PveCaller): Promise<Session> {
    if (session && now() - session.issuedAt < renewAfter) return Promise.resolve(session);
    if (!pending) {
      const current = session;
      const fresh =
        current && now() - current.issuedAt < TICKET_LIFETIME_MS
          ? renew(anonymous, current)
          : login(anonymous);
      pending = fresh
        .then((s) => {
          session = s;
          return s;
        })
        .finally(() => {
          pending = undefined;
        });
    }
    return pending;
  }

  return {
    identity: opts.userid,
    kind: 'password',
    async headers(method, anonymous) {
      const s = await ensure(anonymous);
      const h: Record<string, string> = { Cookie: `PVEAuthCookie=${s.ticket}` };
      if (method !== 'GET') h.CSRFPreventionToken = s.csrf;
      return h;
    },
    invalidate() {
      const had = session !== undefined;
      session = undefined;
      return had;
    },
  };
}
