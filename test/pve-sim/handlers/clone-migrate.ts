// Clone (full/linked, from templates or guests) and migrate (online/offline, lxc restart, via HA when managed).
import { PveHttpError, type HandlerRegistry, type Principal, type SimRequest } from '../http/types.js';
import type { Guest, GuestType } from '../cluster/model.js';
import { newGuest } from '../cluster/generate.js';
import { powerOff, powerOn } from '../cluster/power.js';
import { assertUnlocked, guestName, isRunning, isTemplate } from '../cluster/state.js';
import { KINDS, fail, flag, guestOf, num, optStr, str, type SimCore } from './common.js';
import { poolJoiner, retarget } from './guest-create.js';
import { affinityRefusal } from '../fleet/ha-affinity.js';

function cloneGuest(
  core: SimCore,
  req: SimRequest,
  g: Guest,
  type: GuestType,
  joinPool: (vmid: number) => void,
): string {
  const newid = num(req, 'newid');
  if (core.state.guests.has(newid)) throw fail(`unable to create VM ${newid}: config file already exists`);
  assertUnlocked(g);
  const snapname = optStr(req, 'snapname');
  const snap = snapname !== undefined ? g.snapshots.get(snapname) : undefined;
  if (snapname !== undefined && !snap) throw fail(`snapshot '${snapname}' does not exist`);
  const full = req.params['full'] === undefined ? !isTemplate(g) : flag(req, 'full');
  const storage = optStr(req, 'storage');
  if (!full && storage) throw fail(`parameter 'storage' not allowed for linked clones`);
  if (!full && !isTemplate(g))
    throw fail(`Linked clone feature is not supported for drive '${type === 'qemu' ? 'scsi0' : 'rootfs'}'`);
  if (type === 'lxc' && full && isRunning(g) && !snap)
    throw fail('Full clone of a running container is only possible from a snapshot');
  const target = optStr(req, 'target') ?? g.node;
  if (target !== g.node) targetNode(core, target);
  const conf = retarget(snap?.conf ?? g.conf, g.vmid, newid, true, storage);
  if (!full)
    for (const [k, v] of Object.entries(g.conf))
      if (typeof v === 'string' && v.includes(`base-${g.vmid}-`))
        conf[k] = v.replace(/:(base-\d+-disk-\d+)/, `:$1/vm-${newid}-disk-0`);
  const nameKey = type === 'qemu' ? 'name' : 'hostname';
  conf[nameKey] = optStr(req, type === 'qemu' ? 'name' : 'hostname') ?? `Copy-of-VM-${guestName(g)}`;
  const description = optStr(req, 'description');
  if (description !== undefined) conf['description'] = description;
  const clone = newGuest(
    newid,
    type,
    target,
    { ...conf, lock: type === 'qemu' ? 'clone' : 'create' },
    newid * 7919,
  );
  core.state.guests.set(newid, clone);
  core.state.bump();
  const srcLocked = !isTemplate(g);
  if (srcLocked) g.conf['lock'] = 'clone';
  return core.tasks.start({
    node: g.node,
    type: type === 'qemu' ? 'qmclone' : 'vzclone',
    id: String(g.vmid),
    principal: req.principal,
    run: async (t) => {
      t.log(`create ${full ? 'full' : 'linked'} clone of drive ${type === 'qemu' ? 'scsi0' : 'rootfs'}`);
      try {
        await t.wait();
        delete clone.conf['lock'];
        joinPool(newid);
      } catch (e) {
        core.state.guests.delete(newid);
        throw e;
      } finally {
        if (srcLocked && g.conf['lock'] === 'clone') delete g.conf['lock'];
        core.state.bump();
      }
    },
  });
}

/** the target of a clone or migration: PVE's check_node_exists, then the node must be up */
function targetNode(core: SimCore, target: string): void {
  const tn = core.state.nodes.get(target);
  if (!tn) throw fail(`no such cluster node '${target}'`);
  if (!tn.online) throw fail(`target node '${target}' is not online`);
}

function migrateGuest(core: SimCore, req: SimRequest, g: Guest, type: GuestType): string {
  return startMigration(core, req.principal, g, type, {
    target: str(req, 'target'),
    online: flag(req, 'online'),
    restart: flag(req, 'restart'),
  });
}

/** PVE's migrate_vm: checks, then a qmigrate/vzmigrate task (hamigrate for HA resources, which HA rules may refuse) */
export function startMigration(
  core: SimCore,
  principal: Principal | undefined,
  g: Guest,
  type: GuestType,
  o: { target: string; online: boolean; restart: boolean },
): string {
  const { target } = o;
  if (target === g.node)
    throw new PveHttpError(400, 'Parameter verification failed.\n', { target: 'target is local node.' });
  targetNode(core, target);
  assertUnlocked(g);
  const running = isRunning(g);
  const sid = core.state.haSid(g);
  const ha = core.state.ha.get(sid);
  if (ha && ha.state !== 'ignored') {
    const refusal = affinityRefusal(core, g, target);
    if (refusal) throw fail(refusal);
    return core.tasks.start({
      node: g.node,
      type: 'hamigrate',
      id: String(g.vmid),
      principal,
      run: async (t) => {
        t.log(`Requesting HA migration for ${type === 'qemu' ? 'VM' : 'CT'} ${g.vmid} to node ${target}`);
        await moveWithLock(core, g, target, t);
      },
    });
  }
  if (type === 'qemu' && running && !o.online) throw fail(`can't migrate running VM without --online`);
  if (type === 'lxc' && running && !o.restart && !o.online)
    throw fail(`can't migrate running container without --online or --restart`);
  return core.tasks.start({
    node: g.node,
    type: type === 'qemu' ? 'qmigrate' : 'vzmigrate',
    id: String(g.vmid),
    principal,
    run: async (t) => {
      if (!running && o.online && type === 'qemu')
        t.warn(`VM isn't running. Doing offline migration instead.`);
      t.log(
        `starting migration of ${type === 'qemu' ? 'VM' : 'CT'} ${g.vmid} to node '${target}' (192.168.10.${10 + Number(target.replace(/\D/g, ''))})`,
      );
      const restart = type === 'lxc' && running;
      if (restart) powerOff(g, core.state.now());
      await moveWithLock(core, g, target, t);
      if (restart) powerOn(g, core.state.now());
      t.log('migration finished successfully');
    },
  });
}

async function moveWithLock(
  core: SimCore,
  g: Guest,
  target: string,
  t: Parameters<Parameters<SimCore['tasks']['start']>[0]['run']>[0],
): Promise<void> {
  await t.withLock(g, 'migrate', async () => {
    await t.wait();
    g.node = target;
  });
  core.state.bump();
}

export function registerCloneMigrate(reg: HandlerRegistry, core: SimCore): void {
  for (const type of KINDS) {
    reg.add('POST', `/nodes/{node}/${type}/{vmid}/clone`, (req, ctx) => {
      const g = guestOf(core, req, type);
      return cloneGuest(core, req, g, type, poolJoiner(ctx, req));
    });
    reg.add('POST', `/nodes/{node}/${type}/{vmid}/migrate`, (req) =>
      migrateGuest(core, req, guestOf(core, req, type), type),
    );
  }
  reg.add('GET', '/nodes/{node}/qemu/{vmid}/migrate', (req) => {
    const g = guestOf(core, req, 'qemu');
    const others = [...core.state.nodes.values()].filter((n) => n.name !== g.node);
    const disks = Object.entries(g.conf).filter(
      ([k, v]) =>
        /^(scsi|virtio|sata|ide)\d+$/.test(k) &&
        typeof v === 'string' &&
        v.startsWith('local-lvm:') &&
        !v.includes('media=cdrom'),
    );
    return {
      running: isRunning(g) ? 1 : 0,
      allowed_nodes: others.filter((n) => n.online).map((n) => n.name),
      not_allowed_nodes: Object.fromEntries(
        others.filter((n) => !n.online).map((n) => [n.name, { reason: 'node is offline' }]),
      ),
      local_disks: disks.map(([k, v]) => ({
        volid: String(v).split(',')[0],
        drivename: k,
        size: 0,
        cdrom: 0,
        is_unused: 0,
        is_vmstate: 0,
        is_attached: 1,
        replicate: 1,
        shared: 0,
      })),
      local_resources: [],
      'mapped-resources': [],
      'has-dbus-vmstate': 0,
    };
  });
}
