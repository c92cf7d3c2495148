// Shared helpers of the /access and /pools handlers: the engine behind an AccessControl, params, PVE-style errors.
import { PveHttpError, type SimRequest } from '../../http/types.js';
import type { AccessControl } from '../../rbac/types.js';
import { SimAccessControl, principalId } from '../../rbac/access-control.js';
import type { UserEntry } from '../../rbac/user-cfg.js';

/** Optional views of the cluster the access handlers cannot compute themselves. */
export interface AccessHandlerDeps {
  /** the `members` entries of GET /pools?poolid= (PVE: resource entries of the pool's guests and storages) */
  poolMembers?: (poolid: string, req: SimRequest) => unknown[];
  vmExists?: (vmid: number) => boolean;
}

export function engineOf(acl: AccessControl): SimAccessControl {
  if (!(acl instanceof SimAccessControl))
    throw new Error('access handlers need the simulator RBAC engine (createAccessControl)');
  return acl;
}

/** the caller's id: user id or full token id ('' for unauthenticated world calls) */
export const callerOf = (req: SimRequest): string => (req.principal ? principalId(req.principal) : '');

export const strParam = (req: SimRequest, name: string): string | undefined => {
  const v = req.params[name];
  return v === undefined || v === null ? undefined : String(v);
};
export const numParam = (req: SimRequest, name: string): number | undefined => {
  const v = req.params[name];
  return v === undefined || v === null || v === '' ? undefined : Number(v);
};
export const flagParam = (req: SimRequest, name: string): boolean | undefined => {
  const v = numParam(req, name);
  return v === undefined ? undefined : v !== 0;
};

/** a plain `die` in a PVE handler: HTTP 500 with the text */
export const fail = (message: string): PveHttpError => new PveHttpError(500, `${message}\n`);
export const paramFail = (field: string, message: string): PveHttpError =>
  new PveHttpError(400, 'Parameter verification failed.\n', { [field]: message });

/** PVE's check_user_exist, which the handlers run too: root@pam skips the permission check that would catch it */
export function userOf(acl: SimAccessControl, userid: string): UserEntry {
  const user = acl.cfg.users.get(userid);
  if (!user) throw fail(`no such user ('${userid}')`);
  return user;
}

export const sortedKeys = <V>(m: Map<string, V>): string[] =>
  [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
