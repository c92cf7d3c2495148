// High availability: resources, /cluster/ha/status/current, PVE 9 rules or PVE 8 groups, and migrate/relocate through HA.
import { z } from 'zod';
import { parsePveDate } from '../tolerance.js';
import { pveBool, pveGet, pveInt, pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';

export const HA_STATES = ['started', 'stopped', 'disabled', 'ignored'] as const;

const HaResourceItem = z
  .object({
    sid: z.string(),
    state: z.string().optional(),
    max_restart: pveInt.optional(),
    max_relocate: pveInt.optional(),
    failback: pveBool.optional(),
    comment: z.string().optional(),
    group: z.string().optional(),
    digest: z.string().optional(),
  })
  .transform((r) => ({
    sid: r.sid,
    state: r.state ?? 'started',
    maxRestart: r.max_restart ?? 1,
    maxRelocate: r.max_relocate ?? 1,
    failback: r.failback ?? true,
    ...(r.comment ? { comment: r.comment } : {}),
    ...(r.group ? { group: r.group } : {}),
    ...(r.digest ? { digest: r.digest } : {}),
  }));
export type HaResource = z.output<typeof HaResourceItem>;

const StatusItem = z.looseObject({
  id: z.string(),
  type: z.string(),
  node: z.string().optional(),
  status: z.string().optional(),
  quorate: pveBool.optional(),
  'armed-state': z.string().optional(),
  sid: z.string().optional(),
  crm_state: z.string().optional(),
  state: z.string().optional(),
  request_state: z.string().optional(),
});

const lrmNode = (i: z.output<typeof StatusItem>): string => i.node ?? i.id.replace(/^lrm:/, '');

export const HaStatus = z.array(StatusItem).transform((items) => {
  const quorum = items.find((i) => i.type === 'quorum');
  const master = items.find((i) => i.type === 'master');
  const fencing = items.find((i) => i.type === 'fencing');
  return {
    quorate: quorum?.quorate ?? false,
    quorumStatus: quorum?.status ?? 'unknown',
    ...(master ? { manager: { node: master.node ?? '', status: master.status ?? '' } } : {}),
    ...(fencing ? { fencing: fencing['armed-state'] ?? fencing.status ?? '' } : {}),
    // tolerance ha-lrm-unreadable: an LRM entry with node "" is a read error, not a node with an empty name
    nodes: items
      .filter((i) => i.type === 'lrm' && lrmNode(i) !== '')
      .map((i) => {
        const since = parsePveDate(i.status ?? '');
        return { node: lrmNode(i), status: i.status ?? '', ...(since !== undefined ? { since } : {}) };
      }),
    problems: items
      .filter((i) => i.type === 'lrm' && lrmNode(i) === '')
      .map((i) => i.status || 'unable to read lrm status'),
    services: items
      .filter((i) => i.type === 'service' && i.sid)
      .map((i) => ({
        sid: i.sid!,
        node: i.node ?? '',
        state: i.state ?? i.crm_state ?? '',
        requested: i.request_state ?? '',
      })),
  };
});
export type HaStatus = z.output<typeof HaStatus>;

const HaRuleItem = z
  .object({
    rule: z.string(),
    type: z.string(),
    resources: z.string().optional(),
    nodes: z.string().optional(),
    affinity: z.string().optional(),
    strict: pveBool.optional(),
    disable: pveBool.optional(),
    comment: z.string().optional(),
  })
  .transform((r) => ({
    id: r.rule,
    type: r.type,
    resources: (r.resources ?? '').split(',').filter(Boolean),
    ...(r.nodes ? { nodes: r.nodes } : {}),
    ...(r.affinity ? { affinity: r.affinity } : {}),
    strict: r.strict ?? false,
    enabled: !(r.disable ?? false),
    ...(r.comment ? { comment: r.comment } : {}),
  }));
export type HaRule = z.output<typeof HaRuleItem>;

const HaGroupItem = z
  .object({
    group: z.string(),
    nodes: z.string().optional(),
    restricted: pveBool.optional(),
    nofailback: pveBool.optional(),
    comment: z.string().optional(),
  })
  .transform((g) => ({
    id: g.group,
    nodes: g.nodes ?? '',
    restricted: g.restricted ?? false,
    nofailback: g.nofailback ?? false,
    ...(g.comment ? { comment: g.comment } : {}),
  }));
export type HaGroup = z.output<typeof HaGroupItem>;

const Null = z.null();

export function listHaResources(c: PveCaller): Promise<HaResource[]> {
  return pveGet(c, '/cluster/ha/resources', z.array(HaResourceItem));
}

export function getHaStatus(c: PveCaller): Promise<HaStatus> {
  return pveGet(c, '/cluster/ha/status/current', HaStatus);
}

export function listHaRules(c: PveCaller): Promise<HaRule[]> {
  return pveGet(c, '/cluster/ha/rules', z.array(HaRuleItem));
}

/** PVE 8 only; PVE 9 replaced groups with rules. */
export function listHaGroups(c: PveCaller): Promise<HaGroup[]> {
  return pveGet(c, '/cluster/ha/groups', z.array(HaGroupItem));
}

export async function addHaResource(c: PveCaller, params: PveParams): Promise<undefined> {
  await pveSend(c, 'POST', '/cluster/ha/resources', Null, params);
  return undefined;
}

export async function updateHaResource(c: PveCaller, sid: string, params: PveParams): Promise<undefined> {
  await pveSend(c, 'PUT', pvePath`/cluster/ha/resources/${sid}`, Null, params);
  return undefined;
}

export async function removeHaResource(c: PveCaller, sid: string): Promise<undefined> {
  await pveSend(c, 'DELETE', pvePath`/cluster/ha/resources/${sid}`, Null);
  return undefined;
}

/** The HA manager moves the guest asynchronously; PVE answers the request, not a task. */
export async function moveHaResource(
  c: PveCaller,
  sid: string,
  verb: 'migrate' | 'relocate',
  node: string,
): Promise<undefined> {
  await pveSend(c, 'POST', pvePath`/cluster/ha/resources/${sid}/${verb}`, z.unknown(), { node });
  return undefined;
}
