// Guest mutations and the reads a plan needs: power actions, status, config (with digest), config update, pending.
import { z } from 'zod';
import type { GuestRef, PowerAction } from '../../../src-shared/ipc/channels/plans.js';
import type { PendingEntry } from '../../../src-shared/ipc/channels/guest-config.js';
import { pveBool, pveGet, pveNum, pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';
import { getGuestConfigEntries } from './guest-read.js';

const guestPath = (g: GuestRef, rest: string): string =>
  `${pvePath`/nodes/${g.node}/${g.type}/${g.vmid}`}${rest}`;

/** Asynchronous PVE calls answer a task id (UPID). */
export const Upid = z.string().regex(/^UPID:/);
/** Calls PVE runs synchronously answer null (or a UPID when it forked a worker anyway). */
const NullOrUpid = z.union([z.null(), Upid]).transform((v) => v ?? undefined);

export const GuestStatusNow = z.object({
  status: z.string(),
  name: z.string().optional(),
  lock: z.string().optional(),
  qmpstatus: z.string().optional(),
  /** containers before PVE 9 send cpus as a string (tolerance lxc-cpus-string) */
  cpus: pveNum.optional(),
  template: pveBool.optional(),
  ha: z.object({ managed: pveBool, state: z.string().optional() }).partial().optional(),
});
export type GuestStatusNow = z.output<typeof GuestStatusNow>;

export function getGuestStatus(c: PveCaller, g: GuestRef, signal?: AbortSignal): Promise<GuestStatusNow> {
  return pveGet(c, guestPath(g, '/status/current'), GuestStatusNow, undefined, signal);
}

/** Power actions answer a task id; `params` carries timeout/forceStop for shutdown. */
export function powerAction(
  c: PveCaller,
  g: GuestRef,
  action: PowerAction,
  params?: PveParams,
): Promise<string> {
  return pveSend(c, 'POST', guestPath(g, `/status/${action}`), Upid, params);
}

export interface GuestConfigRead {
  /** config with pending values applied, as PVE's GET config answers by default */
  config: Record<string, string>;
  digest: string;
  /** raw `lxc.*` lines in file order: PVE keeps them on every config write, nobody edits them through the API */
  raw: Array<{ key: string; value: string }>;
}

/** The config read lives in guest-read.ts (one place per call); here it is split into values and digest. */
export async function getGuestConfig(c: PveCaller, g: GuestRef): Promise<GuestConfigRead> {
  const entries = await getGuestConfigEntries(c, g.node, g.type, g.vmid);
  const config: Record<string, string> = {};
  const raw: GuestConfigRead['raw'] = [];
  let digest = '';
  for (const { key, value, readonly } of entries) {
    if (readonly) raw.push({ key, value });
    else if (key === 'digest') digest = value;
    else config[key] = value;
  }
  return { config, digest, raw };
}

/** PUT config: synchronous for both guest types; `digest` makes PVE refuse when the file changed meanwhile. */
export function updateGuestConfig(c: PveCaller, g: GuestRef, params: PveParams): Promise<string | undefined> {
  return pveSend(c, 'PUT', guestPath(g, '/config'), NullOrUpid, params);
}

const PendingItem = z
  .object({
    key: z.string(),
    value: z.union([z.string(), z.number()]).optional(),
    pending: z.union([z.string(), z.number()]).optional(),
    delete: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  })
  .transform((p): PendingEntry => ({
    key: p.key,
    ...(p.value !== undefined ? { value: String(p.value) } : {}),
    ...(p.pending !== undefined ? { pending: String(p.pending) } : {}),
    delete: (p.delete ?? 0) > 0,
  }));

export function getGuestPending(c: PveCaller, g: GuestRef): Promise<PendingEntry[]> {
  return pveGet(c, guestPath(g, '/pending'), z.array(PendingItem)).then((items) =>
    items.filter((i) => i.key !== 'digest'),
  );
}

/** Keys whose change waits for a restart: a pending value or a pending delete. */
export function pendingKeys(entries: readonly PendingEntry[]): string[] {
  return entries
    .filter((e) => e.pending !== undefined || e.delete)
    .map((e) => e.key)
    .sort();
}

export { guestPath };
