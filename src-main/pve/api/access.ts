// /access: the ticket (login, renewal, TFA step) and the identity's effective permissions.
import { z } from 'zod';
import { pveBool, pveGet, type PveCaller } from './caller.js';

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
