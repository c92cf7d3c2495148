// /access/acl: the list the caller may see, and PUT with PVE's delegation limits.
import { type HandlerRegistry, type SimRequest, paramError } from '../../http/types.js';
import type { SimAccessControl } from '../../rbac/access-control.js';
import { type AclNode, addAclMember, aclNodeFor } from '../../rbac/user-cfg.js';
import { isUserid, normalizePath, splitList, splitTokenId } from '../../rbac/ids.js';
import { callerOf, fail, flagParam, paramFail, sortedKeys, strParam } from './common.js';

const ID = '[A-Za-z0-9.\\-_]+';
/** PVE 9's check_path: the ACL paths that may be granted */
const VALID_ACL_PATH = new RegExp(
  [
    '/',
    '/access',
    '/access/groups',
    `/access/groups/${ID}`,
    '/access/realm',
    `/access/realm/${ID}`,
    '/mapping',
    `/mapping/${ID}`,
    `/mapping/${ID}/${ID}`,
    '/nodes',
    `/nodes/${ID}`,
    '/pool',
    `/pool/${ID}(?:/${ID}){0,2}`,
    '/sdn',
    `/sdn/(?:controllers|dns|fabrics|ipams|prefix-lists|route-maps)(?:/${ID})?`,
    `/sdn/zones(?:/${ID}(?:/${ID}(?:/[1-9][0-9]{0,3})?)?)?`,
    '/storage',
    `/storage/${ID}`,
    '/vms',
    '/vms/[1-9][0-9]{2,}',
  ]
    .map((p) => `(?:${p})`)
    .join('|')
    .replace(/^/, '^(?:')
    .replace(/$/, ')$'),
);

const TYPES = [
  ['user', 'users'],
  ['group', 'groups'],
  ['token', 'tokens'],
] as const;

function listAcl(acl: SimAccessControl, req: SimRequest): Record<string, unknown>[] {
  const caller = callerOf(req);
  const audit = acl.perms.has(caller, '/access', ['Sys.Audit'], false);
  const out: Record<string, unknown>[] = [];
  const visit = (path: string, node: AclNode): void => {
    if (audit || acl.perms.requireModify(caller, path, true)) {
      for (const [type, bucket] of TYPES) {
        for (const ugid of sortedKeys(node[bucket])) {
          const roles = node[bucket].get(ugid) ?? new Map<string, boolean>();
          for (const roleid of sortedKeys(roles))
            out.push({ path, type, ugid, roleid, propagate: roles.get(roleid) ? 1 : 0 });
        }
      }
    }
    for (const name of sortedKeys(node.children))
      visit(`${path === '/' ? '' : path}/${name}`, node.children.get(name) as AclNode);
  };
  visit('/', acl.cfg.aclRoot);
  return out;
}

/** Without Permissions.Modify a caller may only hand out (or take back) privileges it holds itself. */
function checkDelegation(
  acl: SimAccessControl,
  caller: string,
  path: string,
  role: string,
  propagate: boolean,
  del: boolean,
): void {
  const mine = acl.flags(caller, path);
  if (mine.has('Permissions.Modify')) return;
  const verb = del ? 'remove' : 'add';
  for (const priv of acl.cfg.roles.get(role) ?? []) {
    const flag = mine.get(priv);
    if (flag === undefined)
      throw paramFail(
        'role',
        `Cannot ${verb} role '${role}' - requires 'Permissions.Modify' or superset of privileges.`,
      );
    if (propagate && !flag && !del) {
      throw paramFail(
        'role',
        `Cannot ${verb} role '${role}' with propagation - requires 'Permissions.Modify' or propagated superset of privileges.`,
      );
    }
  }
  if (role === 'NoAccess')
    throw paramFail('role', `Cannot ${verb} role '${role}' - requires 'Permissions.Modify'`);
}

function updateAcl(acl: SimAccessControl, req: SimRequest): null {
  const users = splitList(strParam(req, 'users'));
  const groups = splitList(strParam(req, 'groups'));
  const tokens = splitList(strParam(req, 'tokens'));
  if (users.length + groups.length + tokens.length === 0) {
    const msg = "either 'users', 'groups' or 'tokens' is required.";
    throw paramError({ users: msg, groups: msg, tokens: msg });
  }
  const raw = strParam(req, 'path') ?? '';
  const path = normalizePath(raw);
  const del = flagParam(req, 'delete') ?? false;
  if (!path || (!del && !VALID_ACL_PATH.test(path))) throw paramFail('path', `invalid ACL path '${raw}'`);
  const propagate = flagParam(req, 'propagate') ?? true;
  const caller = callerOf(req);
  const members = [
    ...groups.map((g) => {
      if (!acl.cfg.groups.has(g)) throw fail(`ACL update failed: group '${g}' does not exist`);
      return { bucket: 'groups' as const, id: g, ug: `@${g}` };
    }),
    ...users.map((u) => {
      if (!isUserid(u) || !acl.cfg.users.has(u)) throw fail(`ACL update failed: user '${u}' does not exist`);
      return { bucket: 'users' as const, id: u, ug: u };
    }),
    ...tokens.map((t) => {
      const split = splitTokenId(t);
      if (!split || !acl.cfg.users.get(split[0])?.tokens.has(split[1]))
        throw fail(`ACL update failed: no such token '${split?.[1] ?? t}' for user '${split?.[0] ?? t}'`);
      return { bucket: 'tokens' as const, id: t, ug: t };
    }),
  ];
  for (const role of splitList(strParam(req, 'roles'))) {
    if (!acl.cfg.roles.has(role)) throw fail(`ACL update failed: role '${role}' does not exist`);
    checkDelegation(acl, caller, path, role, propagate, del);
    for (const m of members) {
      if (del) aclNodeFor(acl.cfg.aclRoot, path, false)?.[m.bucket].get(m.id)?.delete(role);
      else addAclMember(acl.cfg, path, m.ug, role, propagate);
    }
  }
  acl.changed();
  return null;
}

export function registerAclHandlers(registry: HandlerRegistry, acl: SimAccessControl): void {
  registry.add('GET', '/access/acl', (req) => listAcl(acl, req));
  registry.add('PUT', '/access/acl', (req) => updateAcl(acl, req));
}
