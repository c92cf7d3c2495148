// A token setup against what the cluster already has: a wizard re-run updates roles, keeps the user and the ACLs that
// are there, and replaces an existing token (PVE shows a secret only when it creates one) instead of failing creates.
//
// API:
//   interface ExistingAccess { roles: Map<roleid, privs[]>; users: Set<userid>; tokens: Set<full token id>;
//                              acls: Set<aclKey(path, roleid, ugid)> }
//   aclKey(path, roleid, ugid): string
//   reconcileSetup(setup, existing): { calls: CallInput[]; diff: DiffEntry[]; warnings: PlanWarning[] }
import { callFor, type CallInput, type PlanWarning } from '../plans/plan.js';
import type { DiffEntry } from '../plans/diff.js';
import type { TokenSetup } from './setup-types.js';

export interface ExistingAccess {
  roles: ReadonlyMap<string, readonly string[]>;
  users: ReadonlySet<string>;
  tokens: ReadonlySet<string>;
  acls: ReadonlySet<string>;
}

export const aclKey = (path: string, roleid: string, ugid: string): string => `${path} ${roleid} ${ugid}`;

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

export function reconcileSetup(
  setup: TokenSetup,
  existing: ExistingAccess,
): { calls: CallInput[]; diff: DiffEntry[]; warnings: PlanWarning[] } {
  const { userid, tokenid } = setup.input;
  const calls: CallInput[] = [];
  const diff: DiffEntry[] = [];
  const kept: string[] = [];
  for (const r of setup.roles) {
    const privs = r.privs.join(',');
    const had = existing.roles.get(r.roleid);
    if (!had) {
      calls.push(callFor('access.role.create', {}, { roleid: r.roleid, privs }));
      diff.push({ kind: 'role', key: r.roleid, change: 'added', after: privs });
    } else if (!sameSet(had, r.privs)) {
      calls.push(callFor('access.role.update', { roleid: r.roleid }, { privs }));
      diff.push({ kind: 'role', key: r.roleid, change: 'changed', before: had.join(','), after: privs });
    } else kept.push(`role ${r.roleid}`);
  }
  if (existing.users.has(userid)) kept.push(`user ${userid}`);
  else {
    calls.push(callFor('access.user.create', {}, { userid, comment: `Proxdeck (${setup.input.preset})` }));
    diff.push({ kind: 'user', key: userid, change: 'added', after: 'enabled' });
  }
  const warnings: PlanWarning[] = [];
  if (existing.tokens.has(setup.fullTokenId)) {
    calls.push(callFor('access.token.delete', { userid, tokenid }));
    diff.push({
      kind: 'token',
      key: setup.fullTokenId,
      change: 'changed',
      before: 'exists',
      after: 'replaced, privsep=1',
    });
    warnings.push({
      code: 'data-loss',
      message: `token ${setup.fullTokenId} already exists: it is replaced and its old secret stops working`,
    });
  } else diff.push({ kind: 'token', key: setup.fullTokenId, change: 'added', after: 'privsep=1' });
  calls.push(callFor('access.token.create', { userid, tokenid }, { privsep: 1 }));
  let aclsKept = 0;
  for (const a of setup.acls) {
    for (const [who, param] of [
      [userid, 'users'],
      [setup.fullTokenId, 'tokens'],
    ] as const) {
      // a replaced token loses its ACLs with it: set them again
      const tokenReplaced = param === 'tokens' && existing.tokens.has(setup.fullTokenId);
      if (!tokenReplaced && existing.acls.has(aclKey(a.path, a.roleid, who))) {
        aclsKept++;
        continue;
      }
      const base = { path: a.path, roles: a.roleid, propagate: a.propagate ? 1 : 0 };
      calls.push(callFor('access.acl.modify', {}, { ...base, [param]: who }));
      diff.push({
        kind: 'acl',
        key: `${a.path} ${who}`,
        change: 'added',
        after: `${a.roleid}${a.propagate ? '' : ' (no propagate)'}`,
      });
    }
  }
  if (aclsKept > 0) kept.push(`${aclsKept} permission${aclsKept === 1 ? '' : 's'}`);
  if (kept.length > 0)
    warnings.push({
      code: 'already-exists',
      message: `already there and left as they are: ${kept.join(', ')}`,
    });
  return { calls, diff, warnings };
}
