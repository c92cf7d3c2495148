// What the cluster already has for a token setup (roles, the user, its tokens, ACLs), so a wizard re-run plans updates.
import type { ExistingAccess } from '../../../src-shared/wizard/setup-existing.js';
import { aclKey } from '../../../src-shared/wizard/setup-existing.js';
import { listAcl, listRoles, listTokenIds, listUserIds } from '../../pve/api/access.js';
import type { PveCaller } from '../../pve/api/caller.js';

/** undefined when the identity may not read them: the plan then creates everything, as on a first run. */
export async function readExistingAccess(c: PveCaller, userid: string): Promise<ExistingAccess | undefined> {
  try {
    const [roles, users, acls] = await Promise.all([listRoles(c), listUserIds(c), listAcl(c)]);
    const tokens = users.includes(userid) ? await listTokenIds(c, userid) : [];
    return {
      roles: new Map(roles.map((r) => [r.roleid, r.privs])),
      users: new Set(users),
      tokens: new Set(tokens.map((t) => `${userid}!${t}`)),
      acls: new Set(acls.map((a) => aclKey(a.path, a.roleid, a.ugid))),
    };
  } catch {
    return undefined;
  }
}
