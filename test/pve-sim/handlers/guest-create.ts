// Guest creation: POST /nodes/{node}/qemu and /lxc, fresh or restored from a backup archive.
import { PveHttpError, type HandlerContext, type HandlerRegistry, type SimRequest } from '../http/types.js';
import { normaliseTags, optionsOf } from '../cluster/config-update.js';
import { macFor, newGuest, uuidFor } from '../cluster/generate.js';
import type { Guest, GuestConfig, GuestType } from '../cluster/model.js';
import { powerOn } from '../cluster/power.js';
import { isRunning } from '../cluster/state.js';
import { fail, flag, num, optStr, str, type SimCore } from './common.js';
import { findVolume } from './storage.js';

const DISK_KEY = /^(scsi|virtio|sata|ide|efidisk|tpmstate)\d+$/;
const CREATE_ONLY = new Set([
  'archive',
  'storage',
  'force',
  'unique',
  'pool',
  'bwlimit',
  'live-restore',
  'start',
  'restore',
  'ostemplate',
  'password',
  'ssh-public-keys',
  'ignore-unpack-errors',
  'ha-managed',
  'import-working-storage',
]);

/** Rewrite disks to the new vmid (and storage) and, with unique, give NICs new MACs. */
export function retarget(
  conf: GuestConfig,
  oldId: number,
  newId: number,
  unique: boolean,
  storage?: string,
): GuestConfig {
  const out: GuestConfig = {};
  for (const [k, v] of Object.entries(conf)) {
    let val = v;
    if (typeof val === 'string') {
      val = val.replaceAll(`vm-${oldId}-`, `vm-${newId}-`).replaceAll(`base-${oldId}-`, `vm-${newId}-`);
      if (storage && (DISK_KEY.test(k) || k === 'rootfs')) val = val.replace(/^[^:,]+:/, `${storage}:`);
      if (unique && /^net\d+$/.test(k))
        val = val.replace(/([A-F0-9]{2}:){5}[A-F0-9]{2}/i, macFor(newId, Number(k.slice(3))));
    }
    out[k] = val;
  }
  delete out['lock'];
  delete out['parent'];
  delete out['template'];
  if (out['smbios1'] !== undefined) out['smbios1'] = `uuid=${uuidFor(newId)}`;
  return out;
}

/**
 * create/restore/clone with pool=: PVE checks the pool before the task starts (check_pool_exist) and
 * adds the guest inside the worker once it succeeded (add_vm_to_pool); call the result then.
 */
export function poolJoiner(ctx: HandlerContext, req: SimRequest): (vmid: number) => void {
  const pool = optStr(req, 'pool');
  if (!pool) return () => {};
  if (!ctx.acl.pools().has(pool)) throw fail(`pool '${pool}' does not exist`);
  return (vmid) => ctx.acl.addPoolMember(pool, vmid);
}

function existsError(
  core: SimCore,
  vmid: number,
  type: GuestType,
  restore: boolean,
): PveHttpError | undefined {
  const g = core.state.guests.get(vmid);
  if (!g) return undefined;
  const where = `${g.type === 'qemu' ? 'VM' : 'CT'} ${vmid} already exists on node '${g.node}'`;
  if (type === 'lxc') return fail(where);
  return fail(`unable to ${restore ? 'restore' : 'create'} VM ${vmid} - ${where}`);
}

function createGuest(core: SimCore, req: SimRequest, ctx: HandlerContext, type: GuestType): string {
  const node = core.state.node(str(req, 'node')).name;
  const vmid = num(req, 'vmid');
  const archive =
    type === 'qemu' ? optStr(req, 'archive') : flag(req, 'restore') ? optStr(req, 'ostemplate') : undefined;
  if (type === 'qemu' && archive) {
    for (const k of Object.keys(req.params))
      if (DISK_KEY.test(k))
        throw new PveHttpError(400, 'Parameter verification failed.\n', {
          [k]: "option conflicts with option 'archive'",
        });
  }
  const joinPool = poolJoiner(ctx, req);
  const existing = core.state.guests.get(vmid);
  const force = flag(req, 'force') && archive !== undefined;
  if (existing && !force) throw existsError(core, vmid, type, archive !== undefined) ?? fail('exists');
  if (existing && force && isRunning(existing))
    throw fail(
      type === 'lxc' ? "can't overwrite running container" : `unable to restore VM ${vmid} - VM is running`,
    );
  let conf: GuestConfig;
  if (archive) {
    const vol = findVolume(core, node, archive);
    if (!vol || vol.content !== 'backup') throw fail(`volume '${archive}' does not exist`);
    conf = retarget(vol.conf ?? {}, vol.vmid ?? vmid, vmid, flag(req, 'unique'), optStr(req, 'storage'));
  } else {
    conf = {};
    for (const [k, v] of Object.entries(optionsOf(req.params))) if (!CREATE_ONLY.has(k)) conf[k] = v;
    if (type === 'lxc') {
      const tmpl = str(req, 'ostemplate');
      if (!findVolume(core, node, tmpl)) throw fail(`volume '${tmpl}' does not exist`);
      const storage = optStr(req, 'storage') ?? 'local-lvm';
      const size = /^[^:]+:(\d+)$/.exec(String(conf['rootfs'] ?? ''))?.[1] ?? '8';
      conf['rootfs'] = `${storage}:vm-${vmid}-disk-0,size=${size}G`;
      conf['hostname'] ??= `CT${vmid}`;
    } else {
      for (const [k, v] of Object.entries(conf))
        if (DISK_KEY.test(k) && typeof v === 'string')
          conf[k] = v.replace(
            /^([^:,]+):(\d+)(,|$)/,
            `$1:vm-${vmid}-disk-${k.replace(/\D/g, '')},size=$2G$3`,
          );
      conf['smbios1'] ??= `uuid=${uuidFor(vmid)}`;
    }
    if (typeof conf['tags'] === 'string') conf['tags'] = normaliseTags(conf['tags']);
  }
  const g: Guest = newGuest(vmid, type, node, { ...conf, lock: 'create' }, vmid * 7919);
  core.state.guests.set(vmid, g);
  core.state.bump();
  const taskName = (type === 'qemu' ? 'qm' : 'vz') + (archive ? 'restore' : 'create');
  return core.tasks.start({
    node,
    type: taskName,
    id: String(vmid),
    principal: req.principal,
    run: async (t) => {
      if (archive) t.log(`restore vma archive: ${archive}`);
      try {
        await t.wait();
      } catch (e) {
        core.state.guests.delete(vmid);
        if (existing) core.state.guests.set(vmid, existing);
        throw e;
      }
      delete g.conf['lock'];
      joinPool(vmid);
      if (flag(req, 'start')) powerOn(g, core.state.now());
      core.state.bump();
    },
  });
}

export function registerGuestCreate(reg: HandlerRegistry, core: SimCore): void {
  reg.add('POST', '/nodes/{node}/qemu', (req, ctx) => createGuest(core, req, ctx, 'qemu'));
  reg.add('POST', '/nodes/{node}/lxc', (req, ctx) => createGuest(core, req, ctx, 'lxc'));
}
