// SDN: zones, vnets and subnets with their pending state, create/delete a vnet, create a subnet, and apply (PUT /cluster/sdn → UPID).
import { z } from 'zod';
import { pveGet, pveInt, pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const text = (v: z.infer<typeof Scalar> | undefined): string | undefined =>
  v === undefined ? undefined : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
/** the pending= answer: state new/changed/deleted and the written values that differ from the running ones */
const PendingFields = {
  state: z.enum(['new', 'changed', 'deleted']).optional(),
  pending: z.record(z.string(), Scalar).optional(),
};
const pendingOf = (p: Record<string, z.infer<typeof Scalar>> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(p ?? {}).map(([k, v]) => [k, text(v) ?? '']));

const ZoneItem = z
  .looseObject({
    zone: z.string(),
    type: z.string(),
    bridge: z.string().optional(),
    ipam: z.string().optional(),
    dhcp: z.string().optional(),
    nodes: z.string().optional(),
    ...PendingFields,
  })
  .transform((z0) => ({
    id: z0.zone,
    type: z0.type,
    ...(z0.bridge ? { bridge: z0.bridge } : {}),
    ...(z0.ipam ? { ipam: z0.ipam } : {}),
    ...(z0.dhcp ? { dhcp: z0.dhcp } : {}),
    ...(z0.state ? { state: z0.state } : {}),
    pending: pendingOf(z0.pending),
  }));
export type SdnZone = z.output<typeof ZoneItem>;

const VnetItem = z
  .looseObject({
    vnet: z.string(),
    zone: z.string().optional(),
    tag: pveInt.optional(),
    alias: z.string().optional(),
    ...PendingFields,
  })
  .transform((v) => ({
    id: v.vnet,
    zone: v.zone ?? String(v.pending?.['zone'] ?? ''),
    ...(v.tag !== undefined ? { tag: v.tag } : {}),
    ...(v.alias ? { alias: v.alias } : {}),
    ...(v.state ? { state: v.state } : {}),
    pending: pendingOf(v.pending),
  }));
export type SdnVnet = z.output<typeof VnetItem>;

const SubnetItem = z
  .looseObject({
    subnet: z.string(),
    vnet: z.string(),
    cidr: z.string().optional(),
    gateway: z.string().optional(),
    snat: Scalar.optional(),
    zone: z.string().optional(),
    ...PendingFields,
  })
  .transform((s) => ({
    id: s.subnet,
    vnet: s.vnet,
    cidr: s.cidr ?? s.subnet.replace(/^[^-]+-(.+)-(\d+)$/, '$1/$2'),
    ...(s.gateway ? { gateway: s.gateway } : {}),
    snat: text(s.snat) === '1',
    ...(s.state ? { state: s.state } : {}),
    pending: pendingOf(s.pending),
  }));
export type SdnSubnet = z.output<typeof SubnetItem>;

const Null = z.null();

export function listSdnZones(c: PveCaller): Promise<SdnZone[]> {
  return pveGet(c, '/cluster/sdn/zones', z.array(ZoneItem), { pending: true });
}

export function listSdnVnets(c: PveCaller): Promise<SdnVnet[]> {
  return pveGet(c, '/cluster/sdn/vnets', z.array(VnetItem), { pending: true });
}

export function listSdnSubnets(c: PveCaller, vnet: string): Promise<SdnSubnet[]> {
  return pveGet(c, pvePath`/cluster/sdn/vnets/${vnet}/subnets`, z.array(SubnetItem), { pending: true });
}

export async function createSdnVnet(c: PveCaller, params: PveParams): Promise<undefined> {
  await pveSend(c, 'POST', '/cluster/sdn/vnets', Null, params);
  return undefined;
}

export async function deleteSdnVnet(c: PveCaller, vnet: string): Promise<undefined> {
  await pveSend(c, 'DELETE', pvePath`/cluster/sdn/vnets/${vnet}`, Null);
  return undefined;
}

export async function createSdnSubnet(c: PveCaller, vnet: string, params: PveParams): Promise<undefined> {
  await pveSend(c, 'POST', pvePath`/cluster/sdn/vnets/${vnet}/subnets`, Null, params);
  return undefined;
}

/** commits the written config as the running one and reloads the network on every node: answers the task's UPID */
export function applySdn(c: PveCaller): Promise<string> {
  return pveSend(c, 'PUT', '/cluster/sdn', z.string());
}
