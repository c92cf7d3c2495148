// Action-table entries of the token wizard: the roles, user, token and ACLs it creates.
//
// API:
//   WIZARD (as const)   access.role.create, access.role.update, access.user.create, access.token.create,
//                       access.token.delete, access.acl.modify
import { type ActionDef, call, perm } from '../action-builders.js';
import type { Need } from '../requirement.js';

/** a user's own tokens, or User.Modify on some group */
const selfOrUserModify: Need = {
  kind: 'or',
  of: [[{ kind: 'self', param: 'userid' }], [perm('/access/groups', ['User.Modify'], { any: true })]],
};

export const WIZARD = [
  {
    id: 'access.role.create',
    label: 'Create role',
    calls: [call('POST', '/access/roles', [perm('/access', ['Sys.Modify'])])],
  },
  {
    id: 'access.role.update',
    label: 'Update role',
    calls: [call('PUT', '/access/roles/{roleid}', [perm('/access', ['Sys.Modify'])])],
  },
  {
    id: 'access.user.create',
    label: 'Create user',
    calls: [
      call('POST', '/access/users', [
        perm('/access/realm/{realm}', ['Realm.AllocateUser']),
        perm('/access/groups', ['User.Modify'], { any: true }),
      ]),
    ],
  },
  {
    id: 'access.token.create',
    label: 'Create API token',
    calls: [call('POST', '/access/users/{userid}/token/{tokenid}', [selfOrUserModify])],
  },
  {
    id: 'access.token.delete',
    label: 'Remove API token',
    calls: [call('DELETE', '/access/users/{userid}/token/{tokenid}', [selfOrUserModify])],
  },
  {
    id: 'access.acl.modify',
    label: 'Set permissions',
    calls: [call('PUT', '/access/acl', [{ kind: 'perm-modify', path: '{path}' }])],
  },
] as const satisfies readonly ActionDef[];
