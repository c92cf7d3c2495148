// Firewall at cluster, node and guest level: options and rules (by position, with the file digest), add/update/delete a rule.
import { z } from 'zod';
import { pveBool, pveGet, pveInt, pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';

export type FirewallScope =
  | { kind: 'cluster' }
  | { kind: 'node'; node: string }
  | { kind: 'guest'; node: string; type: 'qemu' | 'lxc'; vmid: number };

/** the API path of a scope's firewall directory */
export function firewallBase(s: FirewallScope): string {
  if (s.kind === 'cluster') return '/cluster/firewall';
  if (s.kind === 'node') return pvePath`/nodes/${s.node}/firewall`;
  return pvePath`/nodes/${s.node}/${s.type}/${s.vmid}/firewall`;
}

const RuleItem = z
  .looseObject({
    pos: pveInt,
    type: z.string(),
    action: z.string(),
    enable: pveBool.optional(),
    macro: z.string().optional(),
    proto: z.string().optional(),
    source: z.string().optional(),
    dest: z.string().optional(),
    dport: z.string().optional(),
    sport: z.string().optional(),
    iface: z.string().optional(),
    log: z.string().optional(),
    'icmp-type': z.string().optional(),
    comment: z.string().optional(),
    digest: z.string().optional(),
  })
  .transform((r) => ({
    pos: r.pos,
    type: r.type,
    action: r.action,
    enabled: r.enable ?? false,
    ...(r.macro ? { macro: r.macro } : {}),
    ...(r.proto ? { proto: r.proto } : {}),
    ...(r.source ? { source: r.source } : {}),
    ...(r.dest ? { dest: r.dest } : {}),
    ...(r.dport ? { dport: r.dport } : {}),
    ...(r.sport ? { sport: r.sport } : {}),
    ...(r.iface ? { iface: r.iface } : {}),
    ...(r.log ? { log: r.log } : {}),
    ...(r['icmp-type'] ? { icmpType: r['icmp-type'] } : {}),
    ...(r.comment ? { comment: r.comment } : {}),
    ...(r.digest ? { digest: r.digest } : {}),
  }));
export type FirewallRule = z.output<typeof RuleItem>;

/** options differ per level; every value is shown as text (booleans as 0/1, as PVE stores them) */
const Options = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).transform((o) => {
  const { digest, ...rest } = o;
  return {
    digest: typeof digest === 'string' ? digest : '',
    options: Object.fromEntries(
      Object.entries(rest).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)]),
    ),
  };
});
export type FirewallOptions = z.output<typeof Options>;

const Null = z.null();

export function listFirewallRules(c: PveCaller, s: FirewallScope): Promise<FirewallRule[]> {
  return pveGet(c, `${firewallBase(s)}/rules`, z.array(RuleItem));
}

export function getFirewallOptions(c: PveCaller, s: FirewallScope): Promise<FirewallOptions> {
  return pveGet(c, `${firewallBase(s)}/options`, Options);
}

/** PVE inserts a new rule at the top (position 0) */
export async function addFirewallRule(c: PveCaller, s: FirewallScope, params: PveParams): Promise<undefined> {
  await pveSend(c, 'POST', `${firewallBase(s)}/rules`, Null, params);
  return undefined;
}

export async function updateFirewallRule(
  c: PveCaller,
  s: FirewallScope,
  pos: number,
  params: PveParams,
): Promise<undefined> {
  await pveSend(c, 'PUT', `${firewallBase(s)}/rules/${pos}`, Null, params);
  return undefined;
}

export async function deleteFirewallRule(
  c: PveCaller,
  s: FirewallScope,
  pos: number,
  digest?: string,
): Promise<undefined> {
  await pveSend(c, 'DELETE', `${firewallBase(s)}/rules/${pos}`, Null, digest ? { digest } : undefined);
  return undefined;
}
