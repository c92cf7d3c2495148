// Runs one call of a token setup plan (roles, users, tokens, ACLs) through the typed /access functions in pve/api.
import type { CallInput } from '../../../src-shared/plans/plan.js';
import {
  createRole,
  createToken,
  createUser,
  deleteToken,
  updateAcl,
  updateRole,
  type TokenCreated,
} from '../../pve/api/access.js';
import type { PveCaller, PveParams } from '../../pve/api/caller.js';

const TOKEN_PATH = /^\/access\/users\/([^/]+)\/token\/([^/]+)$/;
const ROLE_PATH = /^\/access\/roles\/([^/]+)$/;

function scalarParams(call: CallInput): PveParams {
  const out: PveParams = {};
  for (const [k, v] of Object.entries(call.params ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(',') : (v as string | number | boolean);
  }
  return out;
}

const str = (p: PveParams, key: string): string => String(p[key] ?? '');

/**
 * Makes one call of a token setup (planTokenSetup's apiCalls) with the matching typed function;
 * answers the secret when the call created the token.
 */
export async function runSetupCall(c: PveCaller, call: CallInput): Promise<TokenCreated | undefined> {
  const params = scalarParams(call);
  const token = TOKEN_PATH.exec(call.path);
  if (call.method === 'POST' && token)
    return createToken(c, decodeURIComponent(token[1]!), decodeURIComponent(token[2]!), params);
  if (call.method === 'DELETE' && token)
    return void (await deleteToken(c, decodeURIComponent(token[1]!), decodeURIComponent(token[2]!)));
  const role = ROLE_PATH.exec(call.path);
  if (call.method === 'PUT' && role)
    return void (await updateRole(c, decodeURIComponent(role[1]!), { privs: str(params, 'privs') }));
  if (call.method === 'POST' && call.path === '/access/roles')
    return void (await createRole(c, { roleid: str(params, 'roleid'), privs: str(params, 'privs') }));
  if (call.method === 'POST' && call.path === '/access/users') {
    return void (await createUser(c, {
      userid: str(params, 'userid'),
      ...(params.comment !== undefined ? { comment: str(params, 'comment') } : {}),
    }));
  }
  if (call.method === 'PUT' && call.path === '/access/acl') return void (await updateAcl(c, params));
  throw new Error(`not a token setup call: ${call.method} ${call.path}`);
}
