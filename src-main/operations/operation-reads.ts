// Reads the operation forms and panels need: backups across visible storages, storages, jobs, the HA view, provision info.
import type {
  BackupEntry,
  BackupJobView,
  HaView,
  ProvisionInfo,
  StorageInfo,
} from '../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../src-shared/ipc/channels/plans.js';
import { listBackupJobs } from '../pve/api/backup-jobs.js';
import { listBackupContent } from '../pve/api/backups.js';
import type { PveCaller } from '../pve/api/caller.js';
import { getNextId } from '../pve/api/cluster.js';
import { getGuestConfig, getGuestStatus } from '../pve/api/guests.js';
import { getHaStatus, listHaGroups, listHaResources, listHaRules } from '../pve/api/ha.js';
import { getNodeStatus, listNodes } from '../pve/api/nodes.js';
import { listNodeStorages } from '../pve/api/storage.js';
import { getVersion } from '../pve/api/version.js';
import { cloudInitDrive } from './op-calls.js';

/** Every backup on every storage with backup content, per online node; a shared storage is read once. */
export async function listAllBackups(c: PveCaller, vmid?: number): Promise<BackupEntry[]> {
  const nodes = (await listNodes(c))
    .filter((n) => n.status === 'online')
    .map((n) => n.node)
    .sort();
  const perNode = await Promise.all(
    nodes.map(async (node) => ({ node, storages: await listNodeStorages(c, node, 'backup') })),
  );
  const seenShared = new Set<string>();
  const reads: Array<{ node: string; storage: string }> = [];
  for (const { node, storages } of perNode) {
    for (const s of storages) {
      if (!s.active || (s.shared && seenShared.has(s.storage))) continue;
      if (s.shared) seenShared.add(s.storage);
      reads.push({ node, storage: s.storage });
    }
  }
  const lists = await Promise.all(
    reads.map(async (r) =>
      (await listBackupContent(c, r.node, r.storage, vmid)).map(({ type, ...b }): BackupEntry => ({
        ...b,
        node: r.node,
        storage: r.storage,
        ...(type ? { type } : {}),
      })),
    ),
  );
  return lists.flat().sort((a, b) => b.ctime - a.ctime || a.volid.localeCompare(b.volid));
}

export async function listStorages(c: PveCaller, node: string, content?: string): Promise<StorageInfo[]> {
  return (await listNodeStorages(c, node, content)).map(({ active: _a, ...s }) => s);
}

export async function listJobs(c: PveCaller): Promise<BackupJobView[]> {
  return (await listBackupJobs(c)).map(
    ({ options: _o, all: _a, vmid: _v, pool: _p, notesTemplate: _n, ...j }) => j,
  );
}

/** PVE 8 has HA groups, PVE 9 replaced them with rules: the version decides which list is read. */
export async function haView(c: PveCaller): Promise<HaView> {
  const [version, resources, status] = await Promise.all([getVersion(c), listHaResources(c), getHaStatus(c)]);
  const major = Number(version.version.split('.')[0]);
  const [rules, groups] = await Promise.all([
    major >= 9 ? listHaRules(c) : Promise.resolve([]),
    major < 9 ? listHaGroups(c) : Promise.resolve([]),
  ]);
  const services = new Map(status.services.map((s) => [s.sid, s]));
  return {
    version: version.version,
    quorate: status.quorate,
    quorumStatus: status.quorumStatus,
    ...(status.manager ? { manager: status.manager } : {}),
    ...(status.fencing ? { fencing: status.fencing } : {}),
    nodes: status.nodes,
    ...(status.problems.length > 0 ? { problems: status.problems } : {}),
    resources: resources.map((r) => ({
      sid: r.sid,
      requested: r.state,
      current: services.get(r.sid)?.state ?? 'unknown',
      node: services.get(r.sid)?.node ?? '',
      maxRestart: r.maxRestart,
      maxRelocate: r.maxRelocate,
      ...(r.comment ? { comment: r.comment } : {}),
      ...(r.group ? { group: r.group } : {}),
    })),
    rules: rules.map((r) => ({
      id: r.id,
      type: r.type,
      resources: r.resources,
      detail: r.nodes ? `nodes ${r.nodes}${r.strict ? ' (strict)' : ''}` : `affinity ${r.affinity ?? '?'}`,
      enabled: r.enabled,
    })),
    groups: groups.map((g) => ({
      id: g.id,
      nodes: g.nodes,
      restricted: g.restricted,
      nofailback: g.nofailback,
    })),
  };
}

export async function provisionInfo(c: PveCaller, guest?: GuestRef): Promise<ProvisionInfo> {
  const [nextId, nodes] = await Promise.all([getNextId(c), listNodes(c)]);
  const withMem = await Promise.all(
    nodes.map(async (n) => {
      const online = n.status === 'online';
      const st = online ? await getNodeStatus(c, n.node).catch(() => undefined) : undefined;
      return {
        node: n.node,
        online,
        ...(st ? { memFree: st.memory.free ?? st.memory.total - st.memory.used } : {}),
      };
    }),
  );
  const out: ProvisionInfo = { nextId, nodes: withMem.sort((a, b) => a.node.localeCompare(b.node)) };
  if (!guest) return out;
  const [status, cfg] = await Promise.all([getGuestStatus(c, guest), getGuestConfig(c, guest)]);
  const hasCloudInit = guest.type === 'qemu' && cloudInitDrive(cfg.config) !== undefined;
  return {
    ...out,
    template: Boolean(status.template),
    hasCloudInit,
    ...(hasCloudInit
      ? {
          cloudInit: {
            ...(cfg.config.ciuser ? { ciuser: cfg.config.ciuser } : {}),
            ...(cfg.config.ipconfig0 ? { ipconfig0: cfg.config.ipconfig0 } : {}),
          },
        }
      : {}),
  };
}
