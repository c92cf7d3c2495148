// Read-only Ceph: cluster status, the OSD tree and the pools of a hyper-converged cluster (2 OSDs per node, 3 replicas).
import type { HandlerRegistry } from '../http/types.js';
import type { SimNode } from '../cluster/model.js';
import { str, type SimCore } from './common.js';

const TIB = 2 ** 40;
const OSD_SIZE = 2 * TIB;
const FSID = '5f1c3b9e-7a2d-4c61-9b8e-2d4f6a8c0e13';
const POOLS = [
  { pool: 1, pool_name: '.mgr', pg_num: 1, stored: 12 * 2 ** 20, app: 'mgr' },
  { pool: 2, pool_name: 'ceph-vm', pg_num: 128, stored: 1.1 * TIB, app: 'rbd' },
  { pool: 3, pool_name: 'ceph-ct', pg_num: 32, stored: 180 * 2 ** 30, app: 'rbd' },
];

interface Osd {
  id: number;
  host: SimNode;
  used: number;
}

export function registerCeph(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  const osds = (): Osd[] => {
    const nodes = [...state.nodes.values()];
    const stored = POOLS.reduce((a, p) => a + p.stored, 0) * 3;
    const count = nodes.length * 2;
    return nodes.flatMap((host, i) =>
      [0, 1].map((k) => ({
        id: i * 2 + k,
        host,
        used: Math.round((stored / count) * (1 + ((i * 2 + k) % 3) * 0.04)),
      })),
    );
  };
  const totals = () => {
    const all = osds();
    const up = all.filter((o) => o.host.online);
    const used = all.reduce((a, o) => a + o.used, 0);
    return { all, up, used, total: all.length * OSD_SIZE };
  };

  reg.add('GET', '/cluster/ceph/status', () => {
    const { all, up, used, total } = totals();
    const down = all.length - up.length;
    const nodes = [...state.nodes.values()];
    const mons = nodes.slice(0, 3);
    const quorum = mons.filter((n) => n.online);
    const pgs = POOLS.reduce((a, p) => a + p.pg_num, 0);
    const degraded = down > 0 ? Math.round((pgs * down * 2) / all.length) : 0;
    const checks: Record<string, unknown> = {};
    if (down > 0)
      checks['OSD_DOWN'] = {
        severity: 'HEALTH_WARN',
        summary: { message: `${down} osds down`, count: down },
        muted: false,
      };
    if (down > 0)
      checks['PG_DEGRADED'] = {
        severity: 'HEALTH_WARN',
        summary: { message: `Degraded data redundancy: ${degraded} pgs degraded`, count: degraded },
        muted: false,
      };
    return {
      fsid: FSID,
      health: { status: down > 0 ? 'HEALTH_WARN' : 'HEALTH_OK', checks, mutes: [] },
      election_epoch: 24,
      quorum: quorum.map((_, i) => i),
      quorum_names: quorum.map((n) => n.name),
      quorum_age: state.nowSec() - Math.max(...nodes.map((n) => Math.floor(n.bootAt / 1000))),
      monmap: { epoch: 3, min_mon_release_name: 'squid', num_mons: mons.length },
      osdmap: {
        epoch: 412,
        num_osds: all.length,
        num_up_osds: up.length,
        osd_up_since: state.nowSec() - 86_400,
        num_in_osds: all.length,
        osd_in_since: state.nowSec() - 86_400,
        num_remapped_pgs: 0,
      },
      pgmap: {
        pgs_by_state:
          degraded > 0
            ? [
                { state_name: 'active+clean', count: pgs - degraded },
                { state_name: 'active+undersized+degraded', count: degraded },
              ]
            : [{ state_name: 'active+clean', count: pgs }],
        num_pgs: pgs,
        num_pools: POOLS.length,
        num_objects: 301_544,
        data_bytes: POOLS.reduce((a, p) => a + p.stored, 0),
        bytes_used: used,
        bytes_avail: total - used,
        bytes_total: total,
        read_bytes_sec: 4_194_304,
        write_bytes_sec: 9_437_184,
        read_op_per_sec: 210,
        write_op_per_sec: 385,
      },
      fsmap: { epoch: 1, by_rank: [], up: 0, in: 0, max: 0 },
      mgrmap: {
        available: true,
        num_standbys: Math.max(0, quorum.length - 1),
        modules: ['iostat', 'nfs', 'restful'],
      },
      servicemap: { epoch: 5, modified: new Date(state.now()).toISOString(), services: {} },
    };
  });

  reg.add('GET', '/nodes/{node}/ceph/osd', (req) => {
    state.node(str(req, 'node'));
    const hosts = [...state.nodes.values()].map((n, i) => ({
      id: -(i + 2),
      name: n.name,
      type: 'host',
      status: n.online ? 'up' : 'down',
      children: osds()
        .filter((o) => o.host === n)
        .map((o) => ({
          id: o.id,
          name: `osd.${o.id}`,
          type: 'osd',
          host: n.name,
          status: n.online ? 'up' : 'down',
          in: 1,
          crush_weight: 1.81929,
          reweight: 1,
          device_class: 'nvme',
          osdtype: 'bluestore',
          blfsdev: `/dev/nvme${o.id % 2}n1`,
          total_space: OSD_SIZE,
          bytes_used: o.used,
          percent_used: (o.used / OSD_SIZE) * 100,
          commit_latency_ms: 1 + (o.id % 3),
          apply_latency_ms: 1 + (o.id % 3),
          version: '19.2.3',
          leaf: 1,
        })),
    }));
    return {
      flags: 'sortbitwise,recovery_deletes,purged_snapdirs,pglog_hardlimit',
      root: { leaf: 0, children: [{ id: -1, name: 'default', type: 'root', children: hosts }] },
    };
  });

  reg.add('GET', '/nodes/{node}/ceph/pool', (req) => {
    state.node(str(req, 'node'));
    const { total, used } = totals();
    const avail = (total - used) / 3;
    return POOLS.map((p) => ({
      pool: p.pool,
      pool_name: p.pool_name,
      size: 3,
      min_size: 2,
      pg_num: p.pg_num,
      pg_num_min: p.pg_num === 1 ? 1 : undefined,
      pg_num_final: p.pg_num,
      pg_autoscale_mode: 'on',
      crush_rule: 0,
      crush_rule_name: 'replicated_rule',
      type: 'replicated',
      bytes_used: Math.round(p.stored * 3),
      percent_used: p.stored / (p.stored + avail),
      application_metadata: { [p.app]: {} },
      autoscale_status: {
        pool_name: p.pool_name,
        target_ratio: 0,
        pg_num_target: p.pg_num,
        would_adjust: false,
      },
    }));
  });
}
