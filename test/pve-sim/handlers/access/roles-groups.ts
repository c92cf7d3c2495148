// /access/roles and /access/groups: list, create, read, update, delete.
import type { HandlerRegistry } from '../../http/types.js';
import type { SimAccessControl } from '../../rbac/access-control.js';
import { VALID_PRIVILEGES, isSpecialRole } from '../../rbac/privileges.js';
import { splitList } from '../../rbac/ids.js';
import { callerOf, fail, flagParam, paramFail, sortedKeys, strParam } from './common.js';

const byteSort = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function parsePrivs(list: string | undefined): string[] {
  const privs = splitList(list);
  for (const p of privs) if (!VALID_PRIVILEGES.has(p)) throw fail(`invalid privilege '${p}'`);
  return privs;
}

function registerRoles(registry: HandlerRegistry, acl: SimAccessControl): void {
  const roles = acl.cfg.roles;
  const mustExist = (roleid: string): Set<string> => {
    const r = roles.get(roleid);
    if (!r) throw fail(`role '${roleid}' does not exist`);
    return r;
  };
  registry.add('GET', '/access/roles', () =>
    sortedKeys(roles).map((roleid) => ({
      roleid,
      privs: byteSort(roles.get(roleid) ?? []).join(','),
      special: isSpecialRole(roleid) ? 1 : 0,
    })),
  );
  registry.add('GET', '/access/roles/{roleid}', (req) =>
    Object.fromEntries(byteSort(mustExist(strParam(req, 'roleid') ?? '')).map((p) => [p, 1])),
  );
  registry.add('POST', '/access/roles', (req) => {
    const roleid = strParam(req, 'roleid') ?? '';
    if (/^PVE/i.test(roleid)) throw paramFail('roleid', "cannot use role ID starting with 'PVE'");
    if (roles.has(roleid)) throw fail(`role '${roleid}' already exists`);
    roles.set(roleid, new Set(parsePrivs(strParam(req, 'privs'))));
    acl.changed();
    return null;
  });
  registry.add('PUT', '/access/roles/{roleid}', (req) => {
    const roleid = strParam(req, 'roleid') ?? '';
    if (isSpecialRole(roleid)) throw fail(`cannot modify special role '${roleid}'`);
    const role = mustExist(roleid);
    const privs = parsePrivs(strParam(req, 'privs'));
    if (!flagParam(req, 'append')) role.clear();
    for (const p of privs) role.add(p);
    acl.changed();
    return null;
  });
  registry.add('DELETE', '/access/roles/{roleid}', (req) => {
    const roleid = strParam(req, 'roleid') ?? '';
    if (isSpecialRole(roleid)) throw fail(`cannot delete special role '${roleid}'`);
    mustExist(roleid);
    roles.delete(roleid);
    const strip = (node: SimAccessControl['cfg']['aclRoot']): void => {
      for (const bucket of [node.users, node.groups, node.tokens])
        for (const r of bucket.values()) r.delete(roleid);
      node.children.forEach(strip);
    };
    strip(acl.cfg.aclRoot);
    acl.changed();
    return null;
  });
}

function registerGroups(registry: HandlerRegistry, acl: SimAccessControl): void {
  const groups = acl.cfg.groups;
  const mustExist = (groupid: string) => {
    const g = groups.get(groupid);
    if (!g) throw fail(`group '${groupid}' does not exist`);
    return g;
  };
  registry.add('GET', '/access/groups', (req) => {
    const visible = acl.perms.groupsWith(callerOf(req), ['User.Modify', 'Sys.Audit', 'Group.Allocate']);
    return sortedKeys(groups)
      .filter((g) => visible.has(g))
      .map((groupid) => {
        const g = mustExist(groupid);
        return { groupid, users: byteSort(g.users).join(','), ...(g.comment && { comment: g.comment }) };
      });
  });
  registry.add('GET', '/access/groups/{groupid}', (req) => {
    const g = mustExist(strParam(req, 'groupid') ?? '');
    return { members: byteSort(g.users), ...(g.comment && { comment: g.comment }) };
  });
  registry.add('POST', '/access/groups', (req) => {
    const groupid = strParam(req, 'groupid') ?? '';
    if (groups.has(groupid)) throw fail(`create group failed: group '${groupid}' already exists`);
    groups.set(groupid, { users: new Set(), comment: strParam(req, 'comment') || undefined });
    return null;
  });
  registry.add('PUT', '/access/groups/{groupid}', (req) => {
    const g = mustExist(strParam(req, 'groupid') ?? '');
    const comment = strParam(req, 'comment');
    if (comment !== undefined) g.comment = comment || undefined;
    return null;
  });
  registry.add('DELETE', '/access/groups/{groupid}', (req) => {
    const groupid = strParam(req, 'groupid') ?? '';
    for (const userid of mustExist(groupid).users) acl.cfg.users.get(userid)?.groups.delete(groupid);
    groups.delete(groupid);
    acl.dropAclMember('groups', groupid);
    return null;
  });
}

export function registerRoleAndGroupHandlers(registry: HandlerRegistry, acl: SimAccessControl): void {
  registerRoles(registry, acl);
  registerGroups(registry, acl);
}
