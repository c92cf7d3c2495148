// GET/POST /access/ticket: password login, ticket renewal, PVE 9's TOTP challenge flow and the `cap` object.
import { TOTP } from 'otpauth';
import type { AccessControl } from '../rbac/types.js';
import { splitList } from '../schema/formats.js';
import type { TicketSigner } from './tickets.js';
import { type HandlerRegistry, PveHttpError, type Principal } from './types.js';

const CAP_AREAS: Record<string, { path: string; prefixes: string[] }> = {
  vms: { path: '/vms', prefixes: ['VM.'] },
  storage: { path: '/storage', prefixes: ['Datastore.'] },
  access: { path: '/access', prefixes: ['User.', 'Group.', 'Permissions.', 'Realm.'] },
  nodes: { path: '/nodes', prefixes: ['Sys.'] },
  sdn: { path: '/sdn', prefixes: ['SDN.'] },
  dc: { path: '/', prefixes: ['Sys.Audit', 'Sys.Modify', 'SDN.', 'Pool.'] },
  mapping: { path: '/mapping', prefixes: ['Mapping.'] },
};

export function computeCap(acl: AccessControl, principal: Principal): Record<string, Record<string, 1>> {
  const cap: Record<string, Record<string, 1>> = {};
  for (const [area, { path, prefixes }] of Object.entries(CAP_AREAS)) {
    const privs = [...acl.privileges(principal, path)]
      .filter((p) => prefixes.some((x) => p.startsWith(x)))
      .sort();
    cap[area] = Object.fromEntries(privs.map((p) => [p, 1 as const]));
  }
  return cap;
}

const authFailure = (): PveHttpError => new PveHttpError(401, 'authentication failure\n');

function verifyTotp(secret: string, response: string, now: number): boolean {
  const m = /^totp:(\d{6})$/.exec(response);
  if (!m?.[1]) return false;
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.validate({ token: m[1], timestamp: now, window: 1 }) !== null;
}

export function registerTicketHandlers(
  registry: HandlerRegistry,
  deps: { acl: AccessControl; tickets: TicketSigner; now: () => number; clusterName: () => string },
): void {
  const { acl, tickets, now } = deps;
  const fullLogin = (userid: string): Record<string, unknown> => {
    const principal: Principal = { kind: 'user', userid };
    const out: Record<string, unknown> = {
      username: userid,
      ticket: tickets.create(userid),
      CSRFPreventionToken: tickets.csrfToken(userid),
      cap: computeCap(acl, principal),
    };
    if (acl.privileges(principal, '/').has('Sys.Audit')) out.clustername = deps.clusterName();
    return out;
  };

  registry.add('GET', '/access/ticket', () => null);
  registry.add('POST', '/access/ticket', (req) => {
    const p = req.params;
    const realm = typeof p.realm === 'string' ? p.realm : undefined;
    const name = String(p.username ?? '');
    const userid = realm && !name.includes('@') ? `${name}@${realm}` : name;
    const password = String(p.password ?? '');
    if (typeof p['tfa-challenge'] === 'string') {
      const data = tickets.verify(p['tfa-challenge'], userid);
      const secret = acl.totpSecret(userid);
      if (!data?.startsWith('!tfa!') || !secret || !verifyTotp(secret, password, now())) throw authFailure();
      return fullLogin(userid);
    }
    const ticketUser = password.startsWith('PVE:') ? tickets.verify(password) : undefined;
    if (ticketUser !== undefined && !ticketUser.startsWith('!tfa!')) {
      if ((ticketUser !== userid && ticketUser !== 'root@pam') || !acl.userEnabled(userid, now()))
        throw authFailure();
      // path + privs: only verify the ticket and the privileges, issue nothing new
      if (typeof p.path === 'string' && typeof p.privs === 'string') {
        const have = acl.privileges({ kind: 'user', userid }, p.path);
        if (!splitList(p.privs).every((priv) => have.has(priv))) throw authFailure();
        return { username: userid };
      }
      return fullLogin(userid);
    }
    if (!acl.verifyPassword(userid, password) || !acl.userEnabled(userid, now())) throw authFailure();
    if (acl.totpSecret(userid)) {
      return {
        username: userid,
        ticket: tickets.create(`!tfa!${JSON.stringify({ totp: true })}`, userid),
        CSRFPreventionToken: tickets.csrfToken(userid),
        NeedTFA: 1,
      };
    }
    return fullLogin(userid);
  });
}
