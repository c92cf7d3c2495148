// Guest config endpoints: GET/PUT/POST config with digest, pending, template conversion and destroy.
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import type { AccessControl } from '../rbac/types.js';
import { configDigest } from '../cluster/config-digest.js';
import { applyConfigUpdate, currentConfig, pendingItems } from '../cluster/config-update.js';
import type { Guest, GuestType } from '../cluster/model.js';
import { assertUnlocked, guestWord, isRunning, isTemplate, lockOf } from '../cluster/state.js';
import { KINDS, checkSkiplock, fail, flag, guestOf, optNum, optStr, type SimCore } from './common.js';

function checkDigest(g: Guest, req: SimRequest): void {
  const digest = optStr(req, 'digest');
  if (digest === undefined || digest === configDigest(g)) return;
  throw fail(
    g.type === 'qemu'
      ? 'checksum mismatch (file change by other user?)'
      : 'detected modified configuration - file changed by other user? Try again.',
  );
}

export function snapshotConfig(g: Guest, name: string): Record<string, unknown> {
  const s = g.snapshots.get(name);
  if (!s) throw fail(`snapshot '${name}' does not exist`);
  const out: Record<string, unknown> = { ...s.conf, snaptime: s.snaptime, digest: configDigest(g) };
  if (s.description) out['description'] = s.description;
  if (s.parent) out['parent'] = s.parent;
  if (s.vmstate) out['vmstate'] = `local-lvm:vm-${g.vmid}-state-${s.name}`;
  return out;
}

function destroyChecks(core: SimCore, g: Guest, req: SimRequest): void {
  const w = guestWord(g);
  if (isRunning(g))
    throw fail(
      g.type === 'qemu'
        ? `VM ${g.vmid} is running - destroy failed`
        : `unable to destroy CT ${g.vmid} - container is running`,
    );
  if (Number(g.conf['protection'] ?? 0) === 1)
    throw fail(`can't remove ${w} ${g.vmid} - protection mode enabled`);
  if (g.type === 'lxc' && !flag(req, 'skiplock')) assertUnlocked(g);
  if (core.state.ha.has(core.state.haSid(g)) && !flag(req, 'purge'))
    throw fail(`unable to remove ${w} ${g.vmid} - used in HA resources and purge parameter not set.`);
}

/**
 * Remove a destroyed guest as PVE's destroy worker does: always its /vms ACLs and pool membership
 * (remove_vm_access); with purge also its backup-job references and HA resource.
 */
export function removeGuest(
  core: SimCore,
  acl: AccessControl,
  g: Guest,
  purge: boolean,
  log: (line: string) => void,
): void {
  core.state.guests.delete(g.vmid);
  acl.removeVmAccess(g.vmid);
  if (purge) {
    log(`purging VM ${g.vmid} from related configurations..`);
    for (const job of core.state.jobs.values()) {
      if (typeof job['vmid'] !== 'string') continue;
      const rest = job['vmid'].split(',').filter((v) => v !== String(g.vmid));
      if (rest.length > 0) job['vmid'] = rest.join(',');
      else delete job['vmid'];
    }
    if (core.state.ha.delete(core.state.haSid(g)))
      log(`NOTE: removed VM ${g.vmid} from HA resource configuration.`);
  }
  core.state.bump();
}

function registerConfig(reg: HandlerRegistry, core: SimCore, type: GuestType): void {
  const base = `/nodes/{node}/${type}/{vmid}`;
  reg.add('GET', `${base}/config`, (req) => {
    const g = guestOf(core, req, type);
    const snap = optStr(req, 'snapshot');
    if (snap !== undefined) return snapshotConfig(g, snap);
    return { ...currentConfig(g, !flag(req, 'current')), digest: configDigest(g) };
  });
  reg.add('GET', `${base}/pending`, (req) => {
    const g = guestOf(core, req, type);
    return pendingItems(g, configDigest(g));
  });
  const syncUpdate = (req: SimRequest): null => {
    const g = guestOf(core, req, type);
    if (!checkSkiplock(req)) assertUnlocked(g);
    checkDigest(g, req);
    applyConfigUpdate(g, req.params);
    core.state.bump();
    return null;
  };
  reg.add('PUT', `${base}/config`, syncUpdate);
  if (type === 'qemu') {
    reg.add('POST', `${base}/config`, async (req) => {
      const g = guestOf(core, req, type);
      if (!checkSkiplock(req)) assertUnlocked(g);
      checkDigest(g, req);
      const upid = core.tasks.start({
        node: g.node,
        type: 'qmconfig',
        id: String(g.vmid),
        principal: req.principal,
        run: async (t) => {
          await t.wait();
          applyConfigUpdate(g, req.params);
          core.state.bump();
        },
      });
      const delay = optNum(req, 'background_delay');
      if (delay !== undefined && core.tasks.durationMs <= delay * 1000) {
        const rec = await core.tasks.done(upid);
        if (rec?.exitstatus === 'OK') return null;
      }
      return upid;
    });
  }

  reg.add('DELETE', base, (req, ctx) => {
    const g = guestOf(core, req, type);
    checkSkiplock(req);
    destroyChecks(core, g, req);
    return core.tasks.start({
      node: g.node,
      type: type === 'qemu' ? 'qmdestroy' : 'vzdestroy',
      id: String(g.vmid),
      principal: req.principal,
      run: async (t) => {
        if (flag(req, 'skiplock')) delete g.conf['lock'];
        await t.withLock(g, 'destroyed', async () => {
          t.log(`Logical volume "vm-${g.vmid}-disk-0" successfully removed.`);
          await t.wait();
        });
        removeGuest(core, ctx.acl, g, flag(req, 'purge'), (line) => t.log(line));
      },
    });
  });

  reg.add('POST', `${base}/template`, (req) => {
    const g = guestOf(core, req, type);
    if (isTemplate(g)) throw fail(`you can't convert a template to a template`);
    if (isRunning(g)) throw fail(`you can't convert a VM to template if VM is running`);
    if (g.snapshots.size > 0) throw fail('unable to create template, because VM contains snapshots');
    if (lockOf(g)) assertUnlocked(g);
    const convert = (): void => {
      for (const [k, v] of Object.entries(g.conf))
        if (typeof v === 'string') g.conf[k] = v.replace(`:vm-${g.vmid}-disk-`, `:base-${g.vmid}-disk-`);
      g.conf['template'] = 1;
      core.state.bump();
    };
    if (type === 'lxc') {
      convert();
      return null;
    }
    return core.tasks.start({
      node: g.node,
      type: 'qmtemplate',
      id: String(g.vmid),
      principal: req.principal,
      run: (t) =>
        t.withLock(g, 'create', async () => {
          await t.wait();
          convert();
        }),
    });
  });
}

export function registerGuestConfig(reg: HandlerRegistry, core: SimCore): void {
  for (const type of KINDS) registerConfig(reg, core, type);
}
