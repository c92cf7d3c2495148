// Storage endpoints: per-node storage list, content list (backups, ISOs, templates, disks), volume update/delete.
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import { guestMaxDisk } from '../cluster/metrics.js';
import type { Storage, Volume } from '../cluster/model.js';
import { can, fail, optNum, optStr, str, type SimCore } from './common.js';

function volumeEntry(v: Volume): Record<string, unknown> {
  const e: Record<string, unknown> = {
    volid: v.volid,
    content: v.content,
    format: v.format,
    size: v.size,
    ctime: v.ctime,
  };
  if (v.vmid !== undefined) e['vmid'] = v.vmid;
  if (v.subtype) e['subtype'] = v.subtype;
  if (v.notes) e['notes'] = v.notes.split('\n')[0];
  if (v.protected) e['protected'] = 1;
  return e;
}

/** Guest disks on local-lvm as storage content (derived from configs, not stored twice). */
function diskEntries(core: SimCore, node: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const g of core.state.guests.values()) {
    if (g.node !== node) continue;
    for (const [k, v] of Object.entries(g.conf)) {
      if (typeof v !== 'string' || !/^(scsi|virtio|sata|ide|efidisk|tpmstate)\d+$|^rootfs$|^mp\d+$/.test(k))
        continue;
      const m = /^local-lvm:((?:vm|base)-\d+-disk-\d+)/.exec(v);
      if (!m) continue;
      out.push({
        volid: `local-lvm:${m[1]}`,
        content: g.type === 'lxc' ? 'rootdir' : 'images',
        format: 'raw',
        size: guestMaxDisk(g),
        vmid: g.vmid,
        ctime: 0,
      });
    }
  }
  return out;
}

/** One storage's status on a node, as both the storage list and .../status report it. */
function storageStatus(core: SimCore, s: Storage, node: string) {
  const used = core.resources.storageUsed(s.id, node);
  return {
    type: s.type,
    content: s.content.join(','),
    shared: s.shared,
    active: 1,
    enabled: 1,
    total: s.total,
    used,
    avail: s.total - used,
  };
}

export function findVolume(core: SimCore, node: string, volid: string): Volume | undefined {
  return core.state.volumes.find((v) => v.volid === volid && (v.node === undefined || v.node === node));
}

function volumeOf(core: SimCore, req: SimRequest): Volume {
  const node = str(req, 'node');
  const raw = str(req, 'volume');
  const storage = optStr(req, 'storage');
  const volid = raw.includes(':') ? raw : `${storage}:${raw}`;
  const v = findVolume(core, node, volid);
  if (!v) throw fail(`volume '${volid}' does not exist`);
  return v;
}

export function registerStorage(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  reg.add('GET', '/nodes/{node}/storage', (req, ctx) => {
    const node = state.node(str(req, 'node')).name;
    const content = optStr(req, 'content')?.split(',');
    const only = optStr(req, 'storage');
    return [...state.storages.values()]
      .filter(
        (s) =>
          (can(req, ctx, `/storage/${s.id}`, 'Datastore.Audit') ||
            can(req, ctx, `/storage/${s.id}`, 'Datastore.AllocateSpace')) &&
          (!only || s.id === only) &&
          (!content || content.some((c) => s.content.includes(c))),
      )
      .map((s) => {
        const status = storageStatus(core, s, node);
        return { storage: s.id, ...status, used_fraction: status.used / s.total };
      });
  });

  reg.add('GET', '/nodes/{node}/storage/{storage}', () =>
    ['content', 'status', 'rrddata', 'upload'].map((subdir) => ({ subdir })),
  );

  reg.add('GET', '/nodes/{node}/storage/{storage}/status', (req) => {
    const node = state.node(str(req, 'node')).name;
    return storageStatus(core, state.storage(str(req, 'storage')), node);
  });

  reg.add('GET', '/nodes/{node}/storage/{storage}/content', (req) => {
    const node = state.node(str(req, 'node')).name;
    const s = state.storage(str(req, 'storage'));
    const content = optStr(req, 'content');
    const vmid = optNum(req, 'vmid');
    const stored = state.volumes
      .filter((v) => v.storage === s.id && (v.node === undefined || v.node === node))
      .map(volumeEntry);
    const all = s.id === 'local-lvm' ? diskEntries(core, node) : stored;
    return all.filter(
      (e) => (!content || e['content'] === content) && (vmid === undefined || e['vmid'] === vmid),
    );
  });

  reg.add('GET', '/nodes/{node}/storage/{storage}/content/{volume}', (req) => {
    const v = volumeOf(core, req);
    const e: Record<string, unknown> = {
      path: `/mnt/pve/${v.storage}/dump/${v.volid.split('/')[1] ?? ''}`,
      size: v.size,
      used: v.size,
      format: v.format,
    };
    if (v.notes) e['notes'] = v.notes;
    if (v.protected) e['protected'] = 1;
    return e;
  });

  reg.add('PUT', '/nodes/{node}/storage/{storage}/content/{volume}', (req) => {
    const v = volumeOf(core, req);
    const notes = optStr(req, 'notes');
    if (notes !== undefined) v.notes = notes;
    const prot = req.params['protected'];
    if (prot !== undefined) {
      if (Number(prot) === 1) v.protected = 1;
      else delete v.protected;
    }
    state.bump();
    return null;
  });

  reg.add('DELETE', '/nodes/{node}/storage/{storage}/content/{volume}', (req) => {
    const v = volumeOf(core, req);
    if (v.protected) throw fail(`unable to remove protected volume '${v.volid}'`);
    return core.tasks.start({
      node: str(req, 'node'),
      type: 'imgdel',
      id: '',
      principal: req.principal,
      run: async (t) => {
        await t.wait();
        state.volumes = state.volumes.filter((x) => x !== v);
        t.log(`Removed volume '${v.volid}'`);
      },
    });
  });
}
