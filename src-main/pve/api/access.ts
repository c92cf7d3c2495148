// /access: the ticket (login, renewal, TFA step), the identity's effective permissions, and the admin writes the token
// wizard makes (roles, users, tokens, ACLs) plus token info.
import { z } from 'zod';
import { pveBool, pveGet, pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';

export const TicketReply = z.object({
  username: z.string(),
  ticket: z.string().optional(),
  CSRFPreventionToken: z.string().optional(),
  clustername: z.string().optional(),
  NeedTFA: pveBool.optional(),
});
export type TicketReply = z.output<typeof TicketReply>;

export type TicketRequest =
  | { username: string; password: string }
  /** PVE 7+ second step: answer the signed challenge with "totp:<code>" */
  | { username: string; 'tfa-challenge': string; password: string };

export async function createTicket(anonymous: PveCaller, req: TicketRequest): Promise<TicketReply> {
  const r = await anonymous.call({
    method: 'POST',
    path: '/access/ticket',
    schema: TicketReply,
    params: { ...req, 'new-format': 1 },
  });
  return r.data;
}

/** path -> privilege -> propagates */
export const Permissions = z.record(z.string(), z.record(z.string(), pveBool));
export type Permissions = z.output<typeof Permissions>;

export function getPermissions(
  c: PveCaller,
  opts: { path?: string; userid?: string } = {},
  signal?: AbortSignal,
): Promise<Permissions> {
  const params = {
    ...(opts.path ? { path: opts.path } : {}),
    ...(opts.userid ? { userid: opts.userid } : {}),
  };
  return pveGet(c, '/access/permissions', Permissions, params, signal);
}

export const TokenInfo = z.object({
  privsep: pveBool.optional(),
  expire: z.number().optional(),
  comment: z.string().optional(),
});
export type TokenInfo = z.output<typeof TokenInfo>;

export const TokenCreated = z.object({
  'full-tokenid': z.string(),
  value: z.string(),
  info: TokenInfo.optional(),
});
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
export function createToken(
  c: PveCaller,
  userid: string,
  tokenid: string,
  params: PveParams,
): Promise<TokenCreated> {
  return pveSend(c, 'POST', pvePath`/access/users/${userid}/token/${tokenid}`, TokenCreated, params);
}

export async function updateAcl(c: PveCaller, params: PveParams): Promise<void> {
  await pveSend(c, 'PUT', '/access/acl', z.unknown(), params);
}

const RoleEntry = z.object({ roleid: z.string(), privs: z.string().optional() }).passthrough();
const UserEntry = z.object({ userid: z.string() }).passthrough();
const TokenEntry = z.object({ tokenid: z.string() }).passthrough();
const AclEntry = z
  .object({ path: z.string(), roleid: z.string(), ugid: z.string(), type: z.string() })
  .passthrough();

/** Roles with their privileges, split. */
export async function listRoles(c: PveCaller): Promise<Array<{ roleid: string; privs: string[] }>> {
  const list = await pveGet(c, '/access/roles', z.array(RoleEntry));
  return list.map((r) => ({ roleid: r.roleid, privs: (r.privs ?? '').split(',').filter(Boolean) }));
}

export async function listUserIds(c: PveCaller): Promise<string[]> {
  return (await pveGet(c, '/access/users', z.array(UserEntry))).map((u) => u.userid);
}

/** The user's token names (without the user part). */
export async function listTokenIds(c: PveCaller, userid: string): Promise<string[]> {
  return (await pveGet(c, pvePath`/access/users/${userid}/token`, z.array(TokenEntry))).map((t) => t.tokenid);
}

export function listAcl(c: PveCaller): Promise<Array<z.output<typeof AclEntry>>> {
  return pveGet(c, '/access/acl', z.array(AclEntry));
}

export async function updateRole(c: PveCaller, roleid: string, params: { privs: string }): Promise<void> {
  await pveSend(c, 'PUT', pvePath`/access/roles/${roleid}`, z.unknown(), params);
}

export async function deleteToken(c: PveCaller, userid: string, tokenid: string): Promise<void> {
  await pveSend(c, 'DELETE', pvePath`/access/users/${userid}/token/${tokenid}`, z.unknown());
}
