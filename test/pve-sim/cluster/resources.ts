// Builds /cluster/resources entries, cached per metrics tick and state version (10k guests stay cheap).
import type { AccessControl } from '../rbac/types.js';
import type { Principal } from '../http/types.js';
import { TICK_MS, guestMaxCpu, guestMaxDisk, guestMaxMem, guestSample, nodeSample } from './metrics.js';
import type { Guest } from './model.js';
import { guestName, lockOf, type ClusterState } from './state.js';

export type Resource = Record<string, string | number>;

const HA_STATE: Record<string, string> = {
  started: 'started',
  stopped: 'stopped',
  disabled: 'disabled',
  ignored: 'ignored',
};

export function guestResource(state: ClusterState, g: Guest, nowMs: number): Resource {
  const r: Resource = { id: `${g.type}/${g.vmid}`, vmid: g.vmid, node: g.node, type: g.type };
  const node = state.nodes.get(g.node);
  const base = {
    name: guestName(g),
    maxcpu: guestMaxCpu(g),
    maxmem: guestMaxMem(g),
    maxdisk: guestMaxDisk(g),
    template: Number(g.conf['template'] ?? 0),
  };
  if (!node?.online) Object.assign(r, { status: 'unknown' }, base);
  else {
    const s = guestSample(g, nowMs);
    Object.assign(r, { status: g.power === 'stopped' ? 'stopped' : g.power }, base, {
      uptime: s.uptime,
      cpu: s.cpu,
      mem: s.mem,
      memhost: s.memhost,
      disk: s.disk,
      netin: s.netin,
      netout: s.netout,
      diskread: s.diskread,
      diskwrite: s.diskwrite,
    });
  }
  const lock = lockOf(g);
  if (lock) r['lock'] = lock;
  const tags = g.conf['tags'];
  if (typeof tags === 'string' && tags) r['tags'] = tags;
  const ha = state.ha.get(state.haSid(g));
  if (ha) r['hastate'] = HA_STATE[ha.state] ?? ha.state;
  return r;
}

export class ResourceCache {
  private key = '';
  private guests: Resource[] = [];
  /** per caller: which guest entries (by index) they may see, valid while ACLs, guests and tick stay the same */
  private readonly visible = new Map<
    string,
    { version: number; aclVersion: number; mask: Uint8Array; pools: (string | undefined)[] }
  >();

  /** state version the entries were built for: guest set and order only change with it, not with the tick */
  private builtVersion = -1;

  constructor(private readonly state: ClusterState) {
    this.guestEntries();
  }

  /** guest entries sorted by vmid as a string (PVE's order), rebuilt only when tick or state changes */
  guestEntries(): Resource[] {
    const now = this.state.now();
    const key = `${Math.floor(now / TICK_MS)}:${this.state.version}`;
    if (key !== this.key) {
      const sorted = [...this.state.guests.values()].sort((a, b) =>
        String(a.vmid) < String(b.vmid) ? -1 : 1,
      );
      this.guests = sorted.map((g) => guestResource(this.state, g, now));
      this.key = key;
      this.builtVersion = this.state.version;
    }
    return this.guests;
  }

  /** VM.Audit mask and pool of each guest entry for one caller, cached (privileges() for 10k paths is the hot spot) */
  guestVisibility(acl: AccessControl, who: Principal): { mask: Uint8Array; pools: (string | undefined)[] } {
    const entries = this.guestEntries();
    const id = who.kind === 'token' ? who.full : who.userid;
    const aclVersion = acl.version;
    const hit = this.visible.get(id);
    if (hit && hit.version === this.builtVersion && hit.aclVersion === aclVersion) return hit;
    const mask = new Uint8Array(entries.length);
    const pools: (string | undefined)[] = new Array<string | undefined>(entries.length);
    entries.forEach((r, i) => {
      const vmid = Number(r['vmid']);
      mask[i] = acl.privileges(who, `/vms/${vmid}`).has('VM.Audit') ? 1 : 0;
      pools[i] = acl.poolOfVm(vmid);
    });
    const v = { version: this.builtVersion, aclVersion, mask, pools };
    if (this.visible.size > 64) this.visible.clear();
    this.visible.set(id, v);
    return v;
  }

  nodeEntry(name: string, withStats: boolean): Resource {
    const n = this.state.nodes.get(name);
    if (!n) throw new Error(`unknown node ${name}`);
    const r: Resource = {
      id: `node/${n.name}`,
      node: n.name,
      type: 'node',
      status: n.online ? 'online' : 'offline',
      level: '',
      'cgroup-mode': 2,
      'host-arch': 'x86_64',
      hastate: n.online ? 'online' : 'unknown',
    };
    if (!withStats) return r;
    Object.assign(r, { maxcpu: n.cpus, maxmem: n.memTotal, maxdisk: n.rootTotal });
    if (n.online) {
      const s = nodeSample(n, this.state.now());
      Object.assign(r, { uptime: s.uptime, cpu: s.cpu, mem: s.mem, disk: s.rootused });
    }
    return r;
  }

  storageEntries(node: string): Resource[] {
    const n = this.state.nodes.get(node);
    return [...this.state.storages.values()].map((s) => {
      const used = this.storageUsed(s.id, node);
      return {
        id: `storage/${node}/${s.id}`,
        storage: s.id,
        node,
        type: 'storage',
        plugintype: s.type,
        status: n?.online ? 'available' : 'unknown',
        shared: s.shared,
        content: s.content.join(','),
        disk: used,
        maxdisk: s.total,
      };
    });
  }

  storageUsed(storage: string, node: string): number {
    let used = 0;
    for (const v of this.state.volumes)
      if (v.storage === storage && (v.node === undefined || v.node === node)) used += v.size;
    if (storage === 'local-lvm')
      for (const g of this.state.guests.values())
        if (g.node === node) used += Math.floor(guestMaxDisk(g) * 0.4);
    return used;
  }
}

/** The whole /cluster/resources answer for one caller, filtered by what PVE lets them see. */
export function visibleResources(
  cache: ResourceCache,
  state: ClusterState,
  acl: AccessControl,
  who: Principal,
  type: string | undefined,
): Resource[] {
  const out: Resource[] = [];
  const pools = acl.pools();
  const can = (path: string, priv: string): boolean => acl.privileges(who, path).has(priv);
  const poolAudit = new Map<string, boolean>();
  const seesPool = (p: string): boolean => {
    let v = poolAudit.get(p);
    if (v === undefined) poolAudit.set(p, (v = can(`/pool/${p}`, 'Pool.Audit')));
    return v;
  };
  if (!type || type === 'pool')
    for (const p of pools.keys()) if (seesPool(p)) out.push({ id: `/pool/${p}`, pool: p, type: 'pool' });
  if (!type || type === 'vm') {
    const entries = cache.guestEntries();
    const { mask, pools: poolOf } = cache.guestVisibility(acl, who);
    for (let i = 0; i < entries.length; i++) {
      const r = entries[i];
      if (!r || !mask[i]) continue;
      const pool = poolOf[i];
      out.push(pool && seesPool(pool) ? { ...r, pool } : r);
    }
  }
  if (!type || type === 'node')
    for (const n of state.nodes.keys()) out.push(cache.nodeEntry(n, can(`/nodes/${n}`, 'Sys.Audit')));
  if (!type || type === 'storage') {
    for (const n of state.nodes.keys())
      for (const s of cache.storageEntries(n))
        if (can(`/storage/${s['storage']}`, 'Datastore.Audit')) out.push(s);
  }
  if (!type || type === 'sdn') {
    for (const n of state.nodes.values()) {
      if (can('/sdn/zones/localnetwork', 'SDN.Audit'))
        out.push({
          id: `network/${n.name}/zone/localnetwork`,
          network: 'localnetwork',
          'network-type': 'zone',
          node: n.name,
          type: 'network',
          status: n.online ? 'ok' : 'unknown',
        });
    }
  }
  return out;
}

/** PVE's get_pool members: extract_vm_stats entries (no hastate or pool) and each storage once, as seen from the local node */
export function poolMemberEntries(
  cache: ResourceCache,
  state: ClusterState,
  vmids: Iterable<number>,
  storages: Iterable<string>,
  type: string | undefined,
): Resource[] {
  const out: Resource[] = [];
  const now = state.now();
  for (const vmid of [...vmids].sort((a, b) => a - b)) {
    const g = state.guests.get(vmid);
    if (!g || (type && type !== g.type)) continue;
    const { hastate: _ha, ...entry } = guestResource(state, g, now);
    out.push(entry);
  }
  const local = state.nodes.keys().next().value;
  if (local === undefined || (type && type !== 'storage')) return out;
  const onLocal = cache.storageEntries(local);
  for (const sid of [...storages].sort()) {
    const entry = onLocal.find((s) => s['storage'] === sid);
    if (entry) out.push(entry);
  }
  return out;
}
