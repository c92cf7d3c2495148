// /cluster: status (name, quorum, members), resources (the inventory), nextid.
import { z } from 'zod';
import { pveBool, pveGet, pveInt, pveNum, type PveCaller } from './caller.js';

const StatusEntry = z.object({
  type: z.enum(['cluster', 'node']),
  id: z.string(),
  name: z.string(),
  nodes: pveInt.optional(),
  quorate: pveBool.optional(),
  version: pveInt.optional(),
  nodeid: pveInt.optional(),
  online: pveBool.optional(),
  local: pveBool.optional(),
  ip: z.string().optional(),
  level: z.string().optional(),
});

const ClusterStatus = z.array(StatusEntry).transform((entries) => {
  const cluster = entries.find((e) => e.type === 'cluster');
  return {
    cluster: cluster
      ? { name: cluster.name, quorate: cluster.quorate ?? false, nodes: cluster.nodes ?? 0 }
      : undefined,
    nodes: entries
      .filter((e) => e.type === 'node')
      .map((e) => ({
        name: e.name,
        nodeid: e.nodeid,
        online: e.online ?? false,
        local: e.local ?? false,
        ip: e.ip,
      })),
  };
});
export type ClusterStatus = z.output<typeof ClusterStatus>;

export const ClusterResource = z.object({
  id: z.string(),
  type: z.string(),
  node: z.string().optional(),
  status: z.string().optional(),
  name: z.string().optional(),
  vmid: pveInt.optional(),
  template: pveBool.optional(),
  lock: z.string().optional(),
  tags: z.string().optional(),
  pool: z.string().optional(),
  hastate: z.string().optional(),
  uptime: pveNum.optional(),
  cpu: pveNum.optional(),
  maxcpu: pveNum.optional(),
  mem: pveNum.optional(),
  maxmem: pveNum.optional(),
  disk: pveNum.optional(),
  maxdisk: pveNum.optional(),
  netin: pveNum.optional(),
  netout: pveNum.optional(),
  diskread: pveNum.optional(),
  diskwrite: pveNum.optional(),
  storage: z.string().optional(),
  plugintype: z.string().optional(),
  shared: pveBool.optional(),
  content: z.string().optional(),
  level: z.string().optional(),
});
export type ClusterResource = z.output<typeof ClusterResource>;

export type ResourceType = 'vm' | 'node' | 'storage' | 'sdn';

export function getClusterStatus(c: PveCaller, signal?: AbortSignal): Promise<ClusterStatus> {
  return pveGet(c, '/cluster/status', ClusterStatus, undefined, signal);
}

export function getClusterResources(
  c: PveCaller,
  type?: ResourceType,
  signal?: AbortSignal,
): Promise<ClusterResource[]> {
  return pveGet(c, '/cluster/resources', z.array(ClusterResource), type ? { type } : undefined, signal);
}

/** PVE types nextid as integer but Perl sends "100"; both are accepted. */
export function getNextId(c: PveCaller, vmid?: number): Promise<number> {
  return pveGet(c, '/cluster/nextid', pveInt, vmid !== undefined ? { vmid } : undefined);
}
