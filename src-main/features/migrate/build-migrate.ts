// Plan builder for migrating a guest: online for running VMs, restart mode for running containers, through HA when managed;
// its preconditions (local disks, target storage, HA) come from one read shared with the migrate form.
import type { MigrateInfoView } from '../../../src-shared/ipc/channels/migrate.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { actionCall, callFor, type PlanWarning } from '../../../src-shared/plans/plan.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getClusterStatus } from '../../pve/api/cluster.js';
import { getGuestConfig, getGuestStatus } from '../../pve/api/guests.js';
import { getMigrateInfo, migrateGuest } from '../../pve/api/migrate.js';
import { guestLabel, type BuildContext, type BuiltAction } from '../../plans/plan-types.js';
import { statusWarnings } from '../snapshots/build-snapshots.js';
import { moveThroughHa } from '../ha/build-ha.js';
import { changed, guestTarget, haSid } from '../../plans/op-calls.js';

type Migrate = Extract<OperationAction, { kind: 'migrate' }>;

const LOCAL_DISK = /^(scsi|virtio|sata|ide|efidisk|tpmstate)\d+$|^rootfs$|^mp\d+$/;

/** What decides how a migration goes; qemu asks PVE, containers are judged from their config (PVE has no read for them). */
export async function migrateInfo(c: PveCaller, g: GuestRef): Promise<MigrateInfoView> {
  const [status, cfg, cluster] = await Promise.all([
    getGuestStatus(c, g),
    getGuestConfig(c, g),
    getClusterStatus(c),
  ]);
  const running = status.status === 'running';
  const haManaged = Boolean(status.ha?.managed);
  const mode: MigrateInfoView['mode'] = haManaged
    ? 'ha'
    : !running
      ? 'offline'
      : g.type === 'qemu'
        ? 'online'
        : 'restart';
  const others = cluster.nodes.filter((n) => n.name !== g.node);
  const qemu = g.type === 'qemu' ? await getMigrateInfo(c, g) : undefined;
  const blocked = new Map((qemu?.notAllowed ?? []).map((n) => [n.node, n.reason]));
  const localDisks =
    qemu?.localDisks ??
    Object.entries(cfg.config)
      .filter(([k, v]) => LOCAL_DISK.test(k) && /^local(-lvm|-zfs)?:/.test(v))
      .map(([k, v]) => `${k}: ${v.split(',')[0] ?? v}`);
  return {
    running,
    haManaged,
    ...(status.ha?.state ? { haState: status.ha.state } : {}),
    mode,
    nodes: others.map((n) => ({
      node: n.name,
      allowed: n.online && !blocked.has(n.name),
      ...(blocked.has(n.name) || !n.online ? { reason: blocked.get(n.name) ?? 'node is offline' } : {}),
    })),
    localDisks,
    localResources: qemu?.localResources ?? [],
  };
}

export async function buildMigrate(a: Migrate, ctx: BuildContext, pollMs: number): Promise<BuiltAction> {
  const g = a.guest;
  const [info, status] = await Promise.all([migrateInfo(ctx.caller, g), getGuestStatus(ctx.caller, g)]);
  const target = info.nodes.find((n) => n.node === a.target);
  if (!target)
    throw new AppFailure(
      'bad_parameter',
      a.target === g.node
        ? `${guestLabel(g, status.name)} already runs on ${a.target}`
        : `no such cluster node '${a.target}'`,
    );
  if (!target.allowed)
    throw new AppFailure('conflict', `Cannot migrate to ${a.target}: ${target.reason ?? 'not allowed'}`);
  const label = guestLabel(g, status.name);
  const warnings: PlanWarning[] = statusWarnings(g, status).filter((w) => w.code === 'locked');
  const notes: Record<MigrateInfoView['mode'], string> = {
    ha: `${label} is HA-managed: the HA manager migrates it (state ${info.haState ?? '?'})`,
    online: `${label} is running: live (online) migration, no downtime`,
    restart: `${label} is a running container: restart mode stops it, moves it and starts it again on ${a.target}`,
    offline: `${label} is stopped: offline migration`,
  };
  warnings.push({ code: info.mode === 'ha' ? 'ha-managed' : 'guest-running', message: notes[info.mode] });
  if (info.localDisks.length > 0)
    warnings.push({
      code: 'data-loss',
      message: `local disks are copied to ${a.target}${a.targetStorage ? ` (storage ${a.targetStorage})` : ''}: ${info.localDisks.join('; ')}`,
    });
  for (const r of info.localResources)
    warnings.push({ code: 'locked', message: `local resource ${r} blocks migration` });
  const params = {
    target: a.target,
    ...(info.mode === 'online'
      ? { online: true, ...(info.localDisks.length > 0 ? { 'with-local-disks': true } : {}) }
      : {}),
    ...(info.mode === 'restart' ? { restart: true } : {}),
    ...(a.targetStorage ? { [g.type === 'qemu' ? 'targetstorage' : 'target-storage']: a.targetStorage } : {}),
  };
  const sid = haSid(g);
  const step =
    info.mode === 'ha'
      ? {
          call: actionCall(
            'ha.manage',
            'POST',
            '/cluster/ha/resources/{sid}/migrate',
            { sid },
            { node: a.target },
          ),
          run: (c: PveCaller) => moveThroughHa(c, sid, 'migrate', a.target, pollMs),
        }
      : {
          call: callFor('guest.migrate', { node: g.node, vmid: g.vmid, type: g.type }, params, g.type),
          run: (c: PveCaller) => migrateGuest(c, g, params),
        };
  return {
    input: {
      title: `Migrate ${label} from ${g.node} to ${a.target}${info.mode === 'ha' ? ' (through HA)' : ''}`,
      targets: [guestTarget(g, status.name), { kind: 'node', id: a.target }],
      diff: changed('node', g.node, a.target),
      warnings,
      expect: { status: status.status },
    },
    steps: [step],
    preconditions: [{ guest: g, label, status: status.status }],
    targets: [{ ...g, node: a.target }],
  };
}
