// /access/users: list (filtered as PVE does), create, read, update, delete.
import type { HandlerRegistry, SimRequest } from '../../http/types.js';
import type { SimAccessControl } from '../../rbac/access-control.js';
import { type UserEntry, newUser } from '../../rbac/user-cfg.js';
import { realmOf, splitList } from '../../rbac/ids.js';
import { callerOf, fail, flagParam, numParam, sortedKeys, strParam, userOf } from './common.js';

const USER_FIELDS = ['firstname', 'lastname', 'email', 'comment', 'keys'] as const;

function userFields(u: UserEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { enable: u.enable ? 1 : 0, expire: u.expire };
  for (const f of USER_FIELDS) if (u[f]) out[f] = u[f];
  return out;
}

const tokenList = (u: UserEntry): Record<string, unknown>[] =>
  sortedKeys(u.tokens).map((tokenid) => {
    const t = u.tokens.get(tokenid);
    return {
      tokenid,
      expire: t?.expire ?? 0,
      privsep: t?.privsep ? 1 : 0,
      ...(t?.comment && { comment: t.comment }),
    };
  });

/** users the caller may see: all with User.Modify|Sys.Audit on /access/groups, else members of such groups, plus itself */
function visibleUsers(acl: SimAccessControl, caller: string): (userid: string) => boolean {
  const privs = ['User.Modify', 'Sys.Audit'];
  if (acl.perms.has(caller, '/access/groups', privs, true)) return () => true;
  const groups = acl.perms.groupsWith(caller, privs);
  return (userid) => userid === caller || [...groups].some((g) => acl.cfg.groups.get(g)?.users.has(userid));
}

function setGroups(acl: SimAccessControl, userid: string, groups: string[], append: boolean): void {
  for (const g of groups) if (!acl.cfg.groups.has(g)) throw fail(`no such group '${g}'`);
  const user = acl.cfg.users.get(userid) as UserEntry;
  if (!append) {
    for (const g of user.groups) acl.cfg.groups.get(g)?.users.delete(userid);
    user.groups.clear();
  }
  for (const g of groups) {
    user.groups.add(g);
    acl.cfg.groups.get(g)?.users.add(userid);
  }
}

function applyFields(req: SimRequest, u: UserEntry): void {
  for (const f of USER_FIELDS) {
    const v = strParam(req, f);
    if (v !== undefined) u[f] = v || undefined;
  }
  const enable = flagParam(req, 'enable');
  if (enable !== undefined) u.enable = enable;
  const expire = numParam(req, 'expire');
  if (expire !== undefined) u.expire = expire;
}

export function registerUserHandlers(registry: HandlerRegistry, acl: SimAccessControl): void {
  registry.add('GET', '/access/users', (req) => {
    const sees = visibleUsers(acl, callerOf(req));
    const enabled = flagParam(req, 'enabled');
    const full = flagParam(req, 'full');
    return sortedKeys(acl.cfg.users)
      .filter(sees)
      .flatMap((userid) => {
        const u = acl.cfg.users.get(userid) as UserEntry;
        if (enabled !== undefined && u.enable !== enabled) return [];
        const realm = realmOf(userid);
        const entry: Record<string, unknown> = { userid, ...userFields(u), 'realm-type': realm };
        if (u.groups.size > 0) entry.groups = [...u.groups].sort().join(',');
        if (full) entry.tokens = tokenList(u);
        return [entry];
      });
  });

  registry.add('POST', '/access/users', (req) => {
    const userid = strParam(req, 'userid') ?? '';
    if (acl.cfg.users.has(userid)) throw fail(`create user failed: user '${userid}' already exists`);
    const u = newUser(true);
    applyFields(req, u);
    acl.cfg.users.set(userid, u);
    try {
      setGroups(acl, userid, splitList(strParam(req, 'groups')), true);
    } catch (e) {
      acl.cfg.users.delete(userid);
      throw e;
    }
    const password = strParam(req, 'password');
    if (password !== undefined) acl.setPassword(userid, password);
    acl.changed();
    return null;
  });

  registry.add('GET', '/access/users/{userid}', (req) => {
    const u = userOf(acl, strParam(req, 'userid') ?? '');
    const tokens = Object.fromEntries(tokenList(u).map(({ tokenid, ...rest }) => [String(tokenid), rest]));
    return { ...userFields(u), groups: [...u.groups].sort(), tokens };
  });

  registry.add('PUT', '/access/users/{userid}', (req) => {
    const userid = strParam(req, 'userid') ?? '';
    const u = userOf(acl, userid);
    applyFields(req, u);
    const groups = strParam(req, 'groups');
    if (groups !== undefined) setGroups(acl, userid, splitList(groups), flagParam(req, 'append') ?? false);
    acl.changed();
    return null;
  });

  registry.add('DELETE', '/access/users/{userid}', (req) => {
    const userid = strParam(req, 'userid') ?? '';
    const u = userOf(acl, userid);
    for (const tokenid of [...u.tokens.keys()]) acl.revokeToken(`${userid}!${tokenid}`);
    setGroups(acl, userid, [], false);
    acl.cfg.users.delete(userid);
    acl.dropAclMember('users', userid);
    return null;
  });
}
