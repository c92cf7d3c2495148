// /access/users/{userid}/token[/{tokenid}]: list, read, create (fresh secret), update, delete.
import { randomUUID } from 'node:crypto';
import type { HandlerRegistry, SimRequest } from '../../http/types.js';
import type { SimAccessControl } from '../../rbac/access-control.js';
import type { TokenEntry, UserEntry } from '../../rbac/user-cfg.js';
import { fail, flagParam, numParam, sortedKeys, strParam, userOf } from './common.js';

const info = (t: TokenEntry): Record<string, unknown> => ({
  expire: t.expire,
  privsep: t.privsep ? 1 : 0,
  ...(t.comment && { comment: t.comment }),
});

function target(
  acl: SimAccessControl,
  req: SimRequest,
): { userid: string; user: UserEntry; tokenid: string } {
  const userid = strParam(req, 'userid') ?? '';
  return { userid, user: userOf(acl, userid), tokenid: strParam(req, 'tokenid') ?? '' };
}

function existing(acl: SimAccessControl, req: SimRequest): { full: string; token: TokenEntry } {
  const { userid, user, tokenid } = target(acl, req);
  const token = user.tokens.get(tokenid);
  if (!token) throw fail(`no such token '${tokenid}' for user '${userid}'`);
  return { full: `${userid}!${tokenid}`, token };
}

export function registerTokenHandlers(registry: HandlerRegistry, acl: SimAccessControl): void {
  registry.add('GET', '/access/users/{userid}/token', (req) => {
    const { user } = target(acl, req);
    return sortedKeys(user.tokens).map((tokenid) => ({
      tokenid,
      ...info(user.tokens.get(tokenid) as TokenEntry),
    }));
  });

  registry.add('GET', '/access/users/{userid}/token/{tokenid}', (req) => info(existing(acl, req).token));

  registry.add('POST', '/access/users/{userid}/token/{tokenid}', (req) => {
    const { userid, user, tokenid } = target(acl, req);
    if (user.tokens.has(tokenid)) throw fail('Token already exists.');
    const token: TokenEntry = {
      privsep: flagParam(req, 'privsep') ?? true,
      expire: numParam(req, 'expire') ?? user.expire,
      comment: strParam(req, 'comment') || undefined,
    };
    const full = `${userid}!${tokenid}`;
    const value = randomUUID();
    user.tokens.set(tokenid, token);
    acl.setTokenSecret(full, value);
    acl.changed();
    return { 'full-tokenid': full, info: info(token), value };
  });

  registry.add('PUT', '/access/users/{userid}/token/{tokenid}', (req) => {
    const { token } = existing(acl, req);
    const privsep = flagParam(req, 'privsep');
    if (privsep !== undefined) token.privsep = privsep;
    const expire = numParam(req, 'expire');
    if (expire !== undefined) token.expire = expire;
    const comment = strParam(req, 'comment');
    if (comment !== undefined) token.comment = comment || undefined;
    if (
      strParam(req, 'delete')
        ?.split(/[,;\s]+/)
        .includes('comment')
    )
      token.comment = undefined;
    acl.changed();
    return info(token);
  });

  registry.add('DELETE', '/access/users/{userid}/token/{tokenid}', (req) => {
    acl.revokeToken(existing(acl, req).full);
    return null;
  });
}
