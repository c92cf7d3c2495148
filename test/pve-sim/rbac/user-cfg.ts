// PVE's user.cfg: the in-memory model, the parser (lenient, line by line) and the canonical writer.
import { SPECIAL_ROLES, VALID_PRIVILEGES, isSpecialRole } from './privileges.js';
import {
  decodeText,
  encodeText,
  isGroupId,
  isPoolId,
  isRoleId,
  isStorageId,
  isUserid,
  normalizePath,
  splitList,
  splitTokenId,
} from './ids.js';

export interface TokenEntry {
  privsep: boolean;
  expire: number;
  comment?: string;
}
export interface UserEntry {
  enable: boolean;
  expire: number;
  firstname?: string;
  lastname?: string;
  email?: string;
  comment?: string;
  keys?: string;
  groups: Set<string>;
  tokens: Map<string, TokenEntry>;
}
export interface GroupEntry {
  comment?: string;
  users: Set<string>;
}
export interface PoolEntry {
  comment?: string;
  vms: Set<number>;
  storage: Set<string>;
  parent?: string;
  pools: Set<string>;
}
/** member -> role -> propagate */
export type AclMembers = Map<string, Map<string, boolean>>;
export interface AclNode {
  users: AclMembers;
  groups: AclMembers;
  tokens: AclMembers;
  children: Map<string, AclNode>;
}

export interface UserConfig {
  users: Map<string, UserEntry>;
  groups: Map<string, GroupEntry>;
  roles: Map<string, Set<string>>;
  pools: Map<string, PoolEntry>;
  /** vmid -> pool */
  vms: Map<number, string>;
  aclRoot: AclNode;
}

export const newAclNode = (): AclNode => ({
  users: new Map(),
  groups: new Map(),
  tokens: new Map(),
  children: new Map(),
});
export const newUser = (enable: boolean): UserEntry => ({
  enable,
  expire: 0,
  groups: new Set(),
  tokens: new Map(),
});
export const newPool = (): PoolEntry => ({ vms: new Set(), storage: new Set(), pools: new Set() });

export function emptyUserConfig(): UserConfig {
  const cfg: UserConfig = {
    users: new Map(),
    groups: new Map(),
    roles: new Map(),
    pools: new Map(),
    vms: new Map(),
    aclRoot: newAclNode(),
  };
  forceDefaults(cfg);
  return cfg;
}

/** Built-in roles always win; root@pam always exists. */
function forceDefaults(cfg: UserConfig): void {
  for (const [name, privs] of SPECIAL_ROLES) cfg.roles.set(name, new Set(privs));
  if (!cfg.users.has('root@pam')) cfg.users.set('root@pam', newUser(true));
}

/** Find or create the ACL tree node of a normalised path. */
export function aclNodeFor(root: AclNode, path: string, create = true): AclNode | undefined {
  let node = root;
  for (const part of path.split('/').filter((p) => p !== '')) {
    let child = node.children.get(part);
    if (!child) {
      if (!create) return undefined;
      child = newAclNode();
      node.children.set(part, child);
    }
    node = child;
  }
  return node;
}

/** Create a pool and any missing parents (nested pools use '/'). */
export function ensurePool(cfg: UserConfig, poolid: string): PoolEntry {
  let pool = cfg.pools.get(poolid);
  if (!pool) cfg.pools.set(poolid, (pool = newPool()));
  let curr = poolid;
  for (let cut = curr.lastIndexOf('/'); cut > 0; cut = curr.lastIndexOf('/')) {
    const parent = curr.slice(0, cut);
    const child = cfg.pools.get(curr);
    if (child) child.parent = parent;
    if (!cfg.pools.has(parent)) cfg.pools.set(parent, newPool());
    cfg.pools.get(parent)?.pools.add(curr);
    curr = parent;
  }
  return pool;
}

const flag = (s: string | undefined): boolean => !!s && s !== '0';
const optText = (s: string | undefined): string | undefined => (s ? decodeText(s) : undefined);

function parseExpire(s: string | undefined): number | undefined {
  const v = s || '0';
  return /^\d+$/.test(v) ? parseInt(v, 10) : undefined;
}

type LineParser = (cfg: UserConfig, f: (string | undefined)[]) => void;

const PARSERS: Record<string, LineParser> = {
  user(cfg, [userid = '', enable, expire, firstname, lastname, email, comment, keys]) {
    const exp = parseExpire(expire);
    if (!isUserid(userid) || exp === undefined) return;
    const u = newUser(flag(enable));
    u.expire = exp;
    u.firstname = optText(firstname);
    u.lastname = optText(lastname);
    u.email = email || undefined;
    u.comment = optText(comment);
    u.keys = keys || undefined;
    cfg.users.set(userid, u);
  },
  token(cfg, [fullid = '', expire, privsep, comment]) {
    const split = splitTokenId(fullid);
    const exp = parseExpire(expire);
    if (!split || exp === undefined) return;
    const user = cfg.users.get(split[0]);
    if (!user) return;
    user.tokens.set(split[1], { privsep: flag(privsep), expire: exp, comment: optText(comment) });
  },
  group(cfg, [groupid = '', members, comment]) {
    if (!isGroupId(groupid)) return;
    let g = cfg.groups.get(groupid);
    if (!g) cfg.groups.set(groupid, (g = { users: new Set() }));
    if (comment) g.comment = decodeText(comment);
    for (const m of splitList(members)) {
      if (!isUserid(m)) continue;
      cfg.users.get(m)?.groups.add(groupid);
      g.users.add(m);
    }
  },
  pool(cfg, [poolid = '', comment, vmlist, storelist]) {
    if (!isPoolId(poolid)) return;
    const pool = ensurePool(cfg, poolid);
    if (comment) pool.comment = decodeText(comment);
    for (const v of splitList(vmlist)) {
      if (!/^\d+$/.test(v)) continue;
      const vmid = parseInt(v, 10);
      if (cfg.vms.has(vmid)) continue;
      pool.vms.add(vmid);
      cfg.vms.set(vmid, poolid);
    }
    for (const s of splitList(storelist)) if (isStorageId(s)) pool.storage.add(s);
  },
  role(cfg, [roleid = '', privlist]) {
    if (!isRoleId(roleid)) return;
    let privs = cfg.roles.get(roleid);
    if (!privs) cfg.roles.set(roleid, (privs = new Set()));
    for (const p of splitList(privlist)) if (VALID_PRIVILEGES.has(p)) privs.add(p);
  },
  acl(cfg, [propagate, pathtxt = '', members, rolelist]) {
    const path = normalizePath(pathtxt);
    if (!path) return;
    for (const role of splitList(rolelist)) {
      if (!isRoleId(role) || !cfg.roles.has(role)) continue;
      for (const ug of splitList(members)) addAclMember(cfg, path, ug, role, flag(propagate));
    }
  },
};

/** Add one (member, role) pair to an ACL path, as the parser and PUT /access/acl do. False if refused. */
export function addAclMember(
  cfg: UserConfig,
  path: string,
  ug: string,
  role: string,
  propagate: boolean,
): boolean {
  const group = /^@(\S+)$/.exec(ug)?.[1];
  let bucket: keyof Pick<AclNode, 'users' | 'groups' | 'tokens'>;
  let member = ug;
  if (group && isGroupId(group)) {
    bucket = 'groups';
    member = group;
  } else if (isUserid(ug)) {
    bucket = 'users';
  } else {
    const split = splitTokenId(ug);
    if (!split || !cfg.users.get(split[0])?.tokens.has(split[1])) return false;
    bucket = 'tokens';
  }
  const node = aclNodeFor(cfg.aclRoot, path) as AclNode;
  let roles = node[bucket].get(member);
  if (!roles) node[bucket].set(member, (roles = new Map()));
  roles.set(role, propagate);
  return true;
}

export function parseUserCfg(raw: string): UserConfig {
  const cfg = emptyUserConfig();
  for (const rawLine of raw.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    const fields = line.split(':').map((f) => f.trim());
    const parser = PARSERS[fields[0] ?? ''];
    if (parser) parser(cfg, fields.slice(1));
  }
  forceDefaults(cfg);
  return cfg;
}

const byteSort = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (it: Iterable<string>): string[] => [...it].sort(byteSort);
const enc = (s: string | undefined): string => (s ? encodeText(s) : '');

function writeAclNode(path: string, node: AclNode, out: string[]): void {
  // propagate flag -> role list -> members
  const byList: [Map<string, Set<string>>, Map<string, Set<string>>] = [new Map(), new Map()];
  const collect = (members: AclMembers, prefix: string, exclude?: string): void => {
    for (const [member, roles] of members) {
      if (member === exclude) continue;
      for (const prop of [0, 1] as const) {
        const list = sorted([...roles].filter(([, p]) => Number(p) === prop).map(([r]) => r)).join(',');
        if (!list) continue;
        const bucket = byList[prop];
        if (!bucket.has(list)) bucket.set(list, new Set());
        bucket.get(list)?.add(prefix + member);
      }
    }
  };
  collect(node.groups, '@');
  collect(node.users, '', 'root@pam');
  collect(node.tokens, '');
  for (const prop of [0, 1] as const) {
    for (const list of sorted(byList[prop].keys())) {
      out.push(`acl:${prop}:${path}:${sorted(byList[prop].get(list) ?? []).join(',')}:${list}:\n`);
    }
  }
  for (const child of sorted(node.children.keys())) {
    const next = node.children.get(child);
    if (next) writeAclNode(`${path === '/' ? '' : path}/${child}`, next, out);
  }
}

export function writeUserCfg(cfg: UserConfig): string {
  const out: string[] = [];
  for (const id of sorted(cfg.users.keys())) {
    const u = cfg.users.get(id) as UserEntry;
    const fields = [
      id,
      u.enable ? 1 : 0,
      u.expire,
      enc(u.firstname),
      enc(u.lastname),
      u.email ?? '',
      enc(u.comment),
      u.keys ?? '',
    ];
    out.push(`user:${fields.join(':')}:\n`);
    for (const name of sorted(u.tokens.keys())) {
      const t = u.tokens.get(name) as TokenEntry;
      out.push(`token:${id}!${name}:${t.expire}:${t.privsep ? 1 : 0}:${enc(t.comment)}:\n`);
    }
  }
  out.push('\n');
  for (const id of sorted(cfg.groups.keys())) {
    const g = cfg.groups.get(id) as GroupEntry;
    out.push(`group:${id}:${sorted(g.users).join(',')}:${enc(g.comment)}:\n`);
  }
  out.push('\n');
  for (const id of sorted(cfg.pools.keys())) {
    const p = cfg.pools.get(id) as PoolEntry;
    out.push(
      `pool:${id}:${enc(p.comment)}:${sorted([...p.vms].map(String)).join(',')}:${sorted(p.storage).join(',')}:\n`,
    );
  }
  out.push('\n');
  for (const id of sorted(cfg.roles.keys())) {
    if (isSpecialRole(id)) continue;
    out.push(`role:${id}:${sorted(cfg.roles.get(id) ?? []).join(',')}:\n`);
  }
  out.push('\n');
  writeAclNode('/', cfg.aclRoot, out);
  return out.join('');
}
