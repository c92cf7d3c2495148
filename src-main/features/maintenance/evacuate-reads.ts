// What placing a node's guests needs, read from the cluster: guests with memory, CPU and local-disk sizes, target nodes
// with free RAM (node status) and local storage, HA rules (PVE 9) and where HA resources run, and whether the cluster
// has PVE 9's bulk migration.
import { majorOf } from '../../../src-shared/permissions/versions.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getClusterResources, type ClusterResource } from '../../pve/api/cluster.js';
import { getGuestConfig } from '../../pve/api/guests.js';
import { listHaResources, listHaRules } from '../../pve/api/ha.js';
import { getNodeStatus } from '../../pve/api/nodes.js';
import { getVersion } from '../../pve/api/version.js';
import { diskBytes } from '../../plans/op-calls.js';
import type { PlaceGuest, PlaceInput, PlaceRule, PlaceTarget } from './placement.js';

export interface EvacuationInput extends Omit<PlaceInput, 'includeStopped'> {
  bulk: boolean;
}

const localStorages = (res: ClusterResource[]): Set<string> =>
  new Set(res.filter((r) => r.type === 'storage' && !r.shared).map((r) => r.storage ?? ''));

/** bytes of the disks on node-local storage (what with-local-disks copies) */
function localBytes(config: Record<string, string>, local: Set<string>): number {
  const onLocal = Object.fromEntries(
    Object.entries(config).filter(([, v]) => local.has(v.split(':')[0] ?? '')),
  );
  return diskBytes(onLocal);
}

function toRule(r: Awaited<ReturnType<typeof listHaRules>>[number]): PlaceRule | undefined {
  if (r.type !== 'node-affinity' && r.type !== 'resource-affinity') return undefined;
  return {
    type: r.type,
    enabled: r.enabled,
    resources: r.resources,
    ...(r.nodes ? { nodes: r.nodes.split(',').map((n) => n.split(':')[0] ?? n) } : {}),
    strict: r.strict,
    ...(r.affinity === 'positive' || r.affinity === 'negative' ? { affinity: r.affinity } : {}),
  };
}

export async function readEvacuation(c: PveCaller, source: string): Promise<EvacuationInput> {
  const [res, version, rules, haRes] = await Promise.all([
    getClusterResources(c),
    getVersion(c),
    listHaRules(c).catch(() => []),
    listHaResources(c).catch(() => []),
  ]);
  const managed = new Set(haRes.map((h) => h.sid));
  const local = localStorages(res);
  const vms = res.filter((r) => r.type === 'qemu' || r.type === 'lxc');
  const sidNodes: Record<string, string> = {};
  for (const v of vms) {
    const sid = `${v.type === 'qemu' ? 'vm' : 'ct'}:${v.vmid}`;
    if (managed.has(sid) && v.node) sidNodes[sid] = v.node;
  }
  const onNode = vms.filter((v) => v.node === source && v.vmid !== undefined);
  const guests: PlaceGuest[] = await Promise.all(
    onNode.map(async (v) => {
      const type = v.type === 'qemu' ? 'qemu' : 'lxc';
      const vmid = v.vmid!;
      const cfg = await getGuestConfig(c, { node: source, type, vmid });
      const sid = `${type === 'qemu' ? 'vm' : 'ct'}:${vmid}`;
      return {
        vmid,
        type,
        name: v.name ?? String(vmid),
        running: v.status === 'running',
        template: v.template ?? false,
        mem: v.maxmem ?? 0,
        cpuCores: (v.cpu ?? 0) * (v.maxcpu ?? 1),
        localDiskBytes: localBytes(cfg.config, local),
        ...(managed.has(sid) ? { haSid: sid } : {}),
      } satisfies PlaceGuest;
    }),
  );
  const nodes = res.filter((r) => r.type === 'node' && r.node && r.node !== source);
  const targets: PlaceTarget[] = await Promise.all(
    nodes.map(async (n) => {
      const node = n.node!;
      const online = n.status === 'online';
      const status = online ? await getNodeStatus(c, node).catch(() => undefined) : undefined;
      const free = res
        .filter(
          (s) =>
            s.type === 'storage' && s.node === node && !s.shared && /images|rootdir/.test(s.content ?? ''),
        )
        .map((s) => (s.maxdisk ?? 0) - (s.disk ?? 0));
      return {
        node,
        online: online && status !== undefined,
        memTotal: status?.memory.total ?? n.maxmem ?? 0,
        memUsed: status?.memory.used ?? n.mem ?? 0,
        cpus: status?.cpuinfo?.cpus ?? n.maxcpu ?? 1,
        cpuLoad: status?.cpu ?? n.cpu ?? 0,
        localFree: Math.max(0, ...free),
      };
    }),
  );
  return {
    source,
    guests,
    targets,
    rules: rules.map(toRule).filter((r): r is PlaceRule => r !== undefined),
    sidNodes,
    bulk: (majorOf(version.version) ?? 8) >= 9,
  };
}
