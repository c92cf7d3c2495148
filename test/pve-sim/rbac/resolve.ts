// PVE's privilege resolution: the ACL-tree walk (roles), pools, NoAccess and the token intersection.
import type { AclMembers, UserConfig } from './user-cfg.js';
import { isUserid, splitTokenId } from './ids.js';

/** role or privilege -> propagate flag */
export type FlagMap = Map<string, boolean>;

function pick(members: AclMembers, member: string, final: boolean): FlagMap | undefined {
  const ri = members.get(member);
  if (!ri) return undefined;
  let found: FlagMap | undefined;
  for (const [role, propagate] of ri) {
    if (final || propagate) (found ??= new Map()).set(role, propagate);
  }
  return found;
}

/** Walk the ACL tree for a user or privsep token (no pools, no owner intersection). */
function walk(cfg: UserConfig, principal: string, path: string): FlagMap {
  const parts =
    path === '/' ? [''] : path.split('/').filter((p, i, a) => p !== '' || i === 0 || i < a.length - 1);
  let roles: FlagMap = new Map();
  let node = path === '' ? undefined : cfg.aclRoot;
  for (let i = 0; i < parts.length && node; i++) {
    const part = parts[i] as string;
    const final = i === parts.length - 1;
    if (part !== '') node = node.children.get(part);
    if (!node) break;
    const own = pick(node.tokens, principal, final) ?? pick(node.users, principal, final);
    if (own) {
      roles = own;
      continue;
    }
    let fromGroups: FlagMap | undefined;
    for (const [g] of node.groups) {
      if (!cfg.groups.get(g)?.users.has(principal)) continue;
      for (const [role, p] of pick(node.groups, g, final) ?? []) {
        (fromGroups ??= new Map()).set(role, (fromGroups.get(role) ?? false) || p);
      }
    }
    if (fromGroups) roles = fromGroups;
  }
  const noAccess = roles.get('NoAccess');
  return noAccess === undefined ? roles : new Map([['NoAccess', noAccess]]);
}

/** PVE::AccessControl::roles(): role names from the ACL tree alone (tests the walk). */
export function resolveRoles(cfg: UserConfig, principal: string, path: string): FlagMap {
  if (principal === 'root@pam') return new Map([['Administrator', true]]);
  const tok = splitTokenId(principal);
  if (tok) {
    const info = cfg.users.get(tok[0])?.tokens.get(tok[1]);
    if (!info) return new Map();
    if (!info.privsep) return resolveRoles(cfg, tok[0], path);
  }
  return walk(cfg, principal, path);
}

/** Roles a path inherits through pool membership (only exact /vms/<id> and /storage/<id>). */
function poolRoles(cfg: UserConfig, principal: string, path: string): FlagMap | undefined {
  const vm = /^\/vms\/(\d+)$/.exec(path);
  if (vm) {
    const pool = cfg.vms.get(parseInt(vm[1] as string, 10));
    return pool === undefined ? undefined : walk(cfg, principal, `/pool/${pool}`);
  }
  const st = /^\/storage\/(\S+)$/.exec(path);
  if (!st) return undefined;
  let acc: FlagMap | undefined;
  for (const [poolid, pool] of [...cfg.pools].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!pool.storage.has(st[1] as string)) continue;
    for (const role of walk(cfg, principal, `/pool/${poolid}`).keys()) (acc ??= new Map()).set(role, false);
  }
  return acc;
}

function privilegesOf(cfg: UserConfig, roles: FlagMap): FlagMap {
  const privs: FlagMap = new Map();
  for (const [role, propagate] of roles) {
    for (const p of cfg.roles.get(role) ?? []) privs.set(p, (privs.get(p) ?? false) || propagate);
  }
  return privs;
}

/** ACL roles plus pool roles, for a user or a privsep token's own ACLs. */
function ownPrivileges(cfg: UserConfig, principal: string, path: string): FlagMap {
  const roles = walk(cfg, principal, path);
  if (roles.has('NoAccess')) return new Map();
  const fromPools = poolRoles(cfg, principal, path);
  if (fromPools?.has('NoAccess')) return new Map();
  for (const role of fromPools?.keys() ?? []) if (!roles.has(role)) roles.set(role, false);
  return privilegesOf(cfg, roles);
}

/** RPCEnvironment::permissions(): effective privileges with propagate flags. */
export function resolvePrivileges(cfg: UserConfig, principal: string, path: string): FlagMap {
  if (principal === 'root@pam') return privilegesOf(cfg, new Map([['Administrator', true]]));
  const tok = splitTokenId(principal);
  if (!tok) return isUserid(principal) ? ownPrivileges(cfg, principal, path) : new Map();
  const info = cfg.users.get(tok[0])?.tokens.get(tok[1]);
  if (!info) return new Map();
  const userPrivs = resolvePrivileges(cfg, tok[0], path);
  if (!info.privsep) return userPrivs;
  const result: FlagMap = new Map();
  for (const [p, flag] of ownPrivileges(cfg, principal, path)) {
    const u = userPrivs.get(p);
    if (u !== undefined) result.set(p, flag && u);
  }
  return result;
}
