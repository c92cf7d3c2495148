// /nodes: node list, one node's status, and its RRD metrics.
import { z } from 'zod';
import { pveGet, pveNum, pvePath, pveSend, type PveCaller, USAGE_FIELDS } from './caller.js';

export const NodeListEntry = z.object({
  node: z.string(),
  status: z.enum(['online', 'offline', 'unknown']),
  ...USAGE_FIELDS,
  uptime: pveNum.optional(),
  level: z.string().optional(),
  ssl_fingerprint: z.string().optional(),
});
export type NodeListEntry = z.output<typeof NodeListEntry>;

/** free is unused space; avail (rootfs) and available (memory, counts reclaimable caches) can differ from it. */
const Usage = z.object({
  total: pveNum,
  used: pveNum,
  free: pveNum.optional(),
  avail: pveNum.optional(),
  available: pveNum.optional(),
});

export const NodeStatus = z.object({
  cpu: pveNum,
  uptime: pveNum,
  pveversion: z.string(),
  kversion: z.string().optional(),
  loadavg: z.array(pveNum).optional(),
  memory: Usage,
  swap: Usage.optional(),
  rootfs: Usage.optional(),
  cpuinfo: z
    .object({
      cpus: pveNum,
      cores: pveNum.optional(),
      sockets: pveNum.optional(),
      model: z.string().optional(),
    })
    .optional(),
});
export type NodeStatus = z.output<typeof NodeStatus>;

/** One RRD sample: "time" plus whatever metrics the node reports (missing samples are absent). */
export const RrdPoint = z.record(z.string(), z.union([pveNum, z.null(), z.string()])).transform((row) => {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  }
  return out;
});
export type RrdPoint = z.output<typeof RrdPoint>;

export type RrdTimeframe = 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade';

export function listNodes(c: PveCaller, signal?: AbortSignal): Promise<NodeListEntry[]> {
  return pveGet(c, '/nodes', z.array(NodeListEntry), undefined, signal);
}

export function getNodeStatus(c: PveCaller, node: string, signal?: AbortSignal): Promise<NodeStatus> {
  return pveGet(c, pvePath`/nodes/${node}/status`, NodeStatus, undefined, signal);
}

export function getNodeRrd(
  c: PveCaller,
  node: string,
  timeframe: RrdTimeframe,
  cf: 'AVERAGE' | 'MAX' = 'AVERAGE',
  signal?: AbortSignal,
): Promise<RrdPoint[]> {
  return pveGet(c, pvePath`/nodes/${node}/rrddata`, z.array(RrdPoint), { timeframe, cf }, signal);
}

/** POST /nodes/{node}/status command=reboot: PVE answers null and then reboots the node. */
export async function rebootNode(c: PveCaller, node: string): Promise<undefined> {
  await pveSend(c, 'POST', pvePath`/nodes/${node}/status`, z.null(), { command: 'reboot' });
  return undefined;
}
