// The /access calls the token wizard makes (roles, users, tokens, ACLs, token info); belongs in pve/api/access.ts, kept here until its owner takes it.
import { z } from 'zod';
import { pveBool, pveGet, pvePath, pveSend, type PveCaller, type PveParams } from '../pve/api/caller.js';
import type { CallInput } from '../../src-shared/plans/plan.js';

export const TokenInfo = z.object({ privsep: pveBool.optional(), expire: z.number().optional(), comment: z.string().optional() });
export type TokenInfo = z.output<typeof TokenInfo>;

export const TokenCreated = z.object({ 'full-tokenid': z.string(), value: z.string(), info: TokenInfo.optional() });
export type TokenCreated = z.output<typeof TokenCreated>;

export function getTokenInfo(c: PveCaller, userid: string, tokenid: string): Promise<TokenInfo> {
  return pveGet(c, pvePath`/access/users/${userid}/token/${tokenid}`, TokenInfo);
}

export async function createRole(c: PveCaller, params: { roleid: string; privs: string }): Promise<void> {
  await pveSend(c, 'POST', '/access/roles', z.unknown(), params);
}

export async function createUser(c: PveCaller, params: { userid: string; comment?: string }): Promise<void> {
  await pveSend(c, 'POST', '/access/users', z.unknown(), params);
}

/** The only moment PVE shows the token's secret. */
export function createToken(c: PveCaller, userid: string, tokenid: string, params: PveParams): Promise<TokenCreated> {
  return pveSend(c, 'POST', pvePath`/access/users/${userid}/token/${tokenid}`, TokenCreated, params);
}

export async function updateAcl(c: PveCaller, params: PveParams): Promise<void> {
  await pveSend(c, 'PUT', '/access/acl', z.unknown(), params);
}

const TOKEN_PATH = /^\/access\/users\/([^/]+)\/token\/([^/]+)$/;

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
  if (call.method === 'POST' && token) return createToken(c, decodeURIComponent(token[1]!), decodeURIComponent(token[2]!), params);
  if (call.method === 'POST' && call.path === '/access/roles') return void (await createRole(c, { roleid: str(params, 'roleid'), privs: str(params, 'privs') }));
  if (call.method === 'POST' && call.path === '/access/users') {
    return void (await createUser(c, { userid: str(params, 'userid'), ...(params.comment !== undefined ? { comment: str(params, 'comment') } : {}) }));
  }
  if (call.method === 'PUT' && call.path === '/access/acl') return void (await updateAcl(c, params));
  throw new Error(`not a token setup call: ${call.method} ${call.path}`);
}
