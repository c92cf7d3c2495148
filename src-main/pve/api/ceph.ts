// Ceph (read-only): cluster status with health checks, the OSD tree of the CRUSH map, and the pools.
import { z } from 'zod';
import { pveBool, pveGet, pveInt, pveNum, pvePath, type PveCaller } from './caller.js';

const Check = z.looseObject({
  severity: z.string(),
  summary: z.looseObject({ message: z.string() }).optional(),
});

const Status = z
  .looseObject({
    fsid: z.string().optional(),
    health: z.looseObject({ status: z.string(), checks: z.record(z.string(), Check).optional() }),
    quorum_names: z.array(z.string()).optional(),
    osdmap: z.looseObject({ num_osds: pveInt, num_up_osds: pveInt, num_in_osds: pveInt }).optional(),
    pgmap: z
      .looseObject({
        num_pgs: pveInt.optional(),
        bytes_used: pveNum.optional(),
        bytes_total: pveNum.optional(),
        pgs_by_state: z.array(z.looseObject({ state_name: z.string(), count: pveInt })).optional(),
      })
      .optional(),
  })
  .transform((s) => ({
    fsid: s.fsid ?? '',
    health: s.health.status,
    checks: Object.entries(s.health.checks ?? {}).map(([id, ch]) => ({
      id,
      severity: ch.severity,
      message: ch.summary?.message ?? id,
    })),
    monitors: s.quorum_names ?? [],
    osds: { total: s.osdmap?.num_osds ?? 0, up: s.osdmap?.num_up_osds ?? 0, in: s.osdmap?.num_in_osds ?? 0 },
    pgs: {
      total: s.pgmap?.num_pgs ?? 0,
      byState: (s.pgmap?.pgs_by_state ?? []).map((p) => ({ state: p.state_name, count: p.count })),
    },
    bytesUsed: s.pgmap?.bytes_used ?? 0,
    bytesTotal: s.pgmap?.bytes_total ?? 0,
  }));
export type CephStatus = z.output<typeof Status>;

interface TreeNode {
  id: number;
  name: string;
  type: string;
  host?: string | undefined;
  status?: string | undefined;
  in?: boolean | undefined;
  device_class?: string | undefined;
  total_space?: number | undefined;
  bytes_used?: number | undefined;
  children?: TreeNode[] | undefined;
}
const TreeNode: z.ZodType<TreeNode> = z.lazy(() =>
  z.looseObject({
    id: pveInt,
    name: z.string(),
    type: z.string(),
    host: z.string().optional(),
    status: z.string().optional(),
    in: pveBool.optional(),
    device_class: z.string().optional(),
    total_space: pveNum.optional(),
    bytes_used: pveNum.optional(),
    children: z.array(TreeNode).optional(),
  }),
);

/** the CRUSH tree flattened to its OSDs, each with the host above it */
const OsdTree = z
  .looseObject({
    flags: z.string().optional(),
    root: z.looseObject({ children: z.array(TreeNode).optional() }),
  })
  .transform((t) => {
    const out: {
      id: number;
      name: string;
      host: string;
      up: boolean;
      in: boolean;
      deviceClass: string;
      bytesUsed: number;
      bytesTotal: number;
    }[] = [];
    const walk = (n: TreeNode, host: string): void => {
      if (n.type === 'osd')
        out.push({
          id: n.id,
          name: n.name,
          host: n.host ?? host,
          up: n.status === 'up',
          in: n.in ?? false,
          deviceClass: n.device_class ?? '',
          bytesUsed: n.bytes_used ?? 0,
          bytesTotal: n.total_space ?? 0,
        });
      for (const child of n.children ?? []) walk(child, n.type === 'host' ? n.name : host);
    };
    for (const n of t.root.children ?? []) walk(n, '');
    return { flags: t.flags ?? '', osds: out.sort((a, b) => a.id - b.id) };
  });
export type CephOsdTree = z.output<typeof OsdTree>;

const PoolItem = z
  .looseObject({
    pool: pveInt,
    pool_name: z.string(),
    size: pveInt,
    min_size: pveInt,
    pg_num: pveInt,
    type: z.string().optional(),
    bytes_used: pveNum,
    percent_used: pveNum,
    crush_rule_name: z.string().optional(),
    pg_autoscale_mode: z.string().optional(),
  })
  .transform((p) => ({
    id: p.pool,
    name: p.pool_name,
    size: p.size,
    minSize: p.min_size,
    pgs: p.pg_num,
    type: p.type ?? 'replicated',
    bytesUsed: p.bytes_used,
    fractionUsed: p.percent_used,
    crushRule: p.crush_rule_name ?? '',
    autoscale: p.pg_autoscale_mode ?? '',
  }));
export type CephPool = z.output<typeof PoolItem>;

export function getCephStatus(c: PveCaller): Promise<CephStatus> {
  return pveGet(c, '/cluster/ceph/status', Status);
}

export function getCephOsdTree(c: PveCaller, node: string): Promise<CephOsdTree> {
  return pveGet(c, pvePath`/nodes/${node}/ceph/osd`, OsdTree);
}

export function listCephPools(c: PveCaller, node: string): Promise<CephPool[]> {
  return pveGet(c, pvePath`/nodes/${node}/ceph/pool`, z.array(PoolItem));
}
