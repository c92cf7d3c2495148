// Plan builders for backup now, restore (new vmid with unique MACs, or over an existing guest) and deleting an archive.
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { actionCall, callFor, confirmWordFor, type PlanWarning } from '../../../src-shared/plans/plan.js';
import { deleteVolume, restoreParams, runVzdump, vzdumpParams } from '../../pve/api/backups.js';
import type { PveParams } from '../../pve/api/caller.js';
import { getNextId } from '../../pve/api/cluster.js';
import { createGuest } from '../../pve/api/create.js';
import { getGuestConfig, getGuestStatus } from '../../pve/api/guests.js';
import { guestLabel, type BuildContext, type BuiltAction } from '../../plans/plan-types.js';
import { statusWarnings } from '../snapshots/build-snapshots.js';
import { added, guestTarget, removed } from '../../plans/op-calls.js';

type Of<K extends OperationAction['kind']> = Extract<OperationAction, { kind: K }>;

/** The consistency trade-off of each mode, shown in the plan (and the form). */
export function modeNote(type: GuestRef['type'], mode: Of<'backup.run'>['mode'], agent: boolean): string {
  if (mode === 'stop')
    return 'stop mode: the guest is shut down for the backup and started again — the most consistent, with downtime';
  if (mode === 'suspend')
    return type === 'qemu'
      ? 'suspend mode: the VM is paused while its state is copied — short downtime'
      : 'suspend mode: the container is frozen while rsync copies it — short downtime';
  if (type === 'lxc')
    return 'snapshot mode: a storage snapshot of the running container, no freeze inside it — crash-consistent';
  return agent
    ? 'snapshot mode: the guest agent freezes the file systems (fsfreeze) for the snapshot — consistent, no downtime'
    : 'snapshot mode without a guest agent: no fsfreeze — crash-consistent, no downtime';
}

export async function buildBackupRun(a: Of<'backup.run'>, ctx: BuildContext): Promise<BuiltAction> {
  const g = a.guest;
  const [status, cfg] = await Promise.all([getGuestStatus(ctx.caller, g), getGuestConfig(ctx.caller, g)]);
  if (status.template)
    throw new AppFailure('bad_parameter', 'Templates are not backed up by vzdump; back up a clone instead');
  const agent = /^(1|enabled=1)/.test(cfg.config.agent ?? '');
  const opts = {
    storage: a.storage,
    mode: a.mode,
    compress: a.compress,
    ...(a.notes ? { 'notes-template': a.notes } : {}),
    ...(a.protected ? { protected: true } : {}),
  };
  const params = vzdumpParams(g.vmid, opts);
  const label = guestLabel(g, status.name);
  const warnings: PlanWarning[] = statusWarnings(g, status).filter(
    (w) => w.code !== 'guest-running' && w.code !== 'ha-managed',
  );
  if (a.mode === 'stop' && status.status === 'running')
    warnings.push({
      code: 'guest-running',
      message: `${label} is running: stop mode shuts it down during the backup`,
    });
  return {
    input: {
      title: `Back up ${label} to ${a.storage}`,
      targets: [guestTarget(g, status.name), { kind: 'storage', id: a.storage, node: g.node }],
      diff: [
        added(
          `${a.storage}: backup of ${g.vmid}`,
          `vzdump-${g.type}-${g.vmid}-<time> (${a.mode}, compress ${a.compress}${a.protected ? ', protected' : ''})`,
        ),
        added('consistency', modeNote(g.type, a.mode, agent)),
      ],
      warnings,
    },
    steps: [
      {
        call: callFor('backup.run', { node: g.node, vmid: g.vmid, storage: a.storage }, params),
        run: (c) => runVzdump(c, g.node, params),
      },
    ],
    preconditions: [],
    targets: [g],
  };
}

export async function buildRestore(a: Of<'backup.restore'>, ctx: BuildContext): Promise<BuiltAction> {
  const overwrite = a.target.mode === 'overwrite';
  const vmid = a.target.vmid ?? (await getNextId(ctx.caller));
  const g: GuestRef = { node: a.node, type: a.type, vmid };
  const warnings: PlanWarning[] = [];
  let name: string | undefined;
  let config: Record<string, string> = {};
  if (overwrite) {
    const [status, cfg] = await Promise.all([getGuestStatus(ctx.caller, g), getGuestConfig(ctx.caller, g)]);
    if (status.status !== 'stopped')
      throw new AppFailure(
        'conflict',
        `${guestLabel(g, status.name)} is ${status.status}: stop it before restoring over it`,
      );
    name = status.name;
    config = cfg.config;
    warnings.push(
      ...statusWarnings(g, status, {
        dataLoss: `every disk and the config of ${guestLabel(g, name)} are replaced by the backup; changes since ${a.volid} are lost`,
      }),
    );
  }
  const params: PveParams = restoreParams(a.type, {
    vmid,
    volid: a.volid,
    ...(a.storage ? { storage: a.storage } : {}),
    ...(overwrite ? { force: true } : { unique: true }),
    ...(a.start ? { start: true } : {}),
  });
  const label = guestLabel(g, name);
  return {
    input: {
      title: overwrite ? `Restore ${a.volid} over ${label}` : `Restore ${a.volid} to new ${label}`,
      targets: [guestTarget(g, name), { kind: 'storage', id: a.volid.split(':')[0] ?? '', node: a.node }],
      diff: [
        ...(overwrite
          ? Object.keys(config)
              .sort()
              .map((k) => removed(k, config[k] ?? ''))
          : []),
        added(
          overwrite ? `${label} (restored)` : `new ${label}`,
          `from ${a.volid}${overwrite ? '' : ', unique MAC addresses'}${a.storage ? `, disks on ${a.storage}` : ''}`,
        ),
      ],
      warnings,
      destructive: overwrite,
      ...(overwrite
        ? { confirmWord: confirmWordFor({ vmid, ...(name ? { name } : {}) }), expect: { status: 'stopped' } }
        : {}),
    },
    steps: [
      {
        call: callFor(
          'backup.restore',
          { node: a.node, vmid, storage: a.storage, exists: overwrite ? 1 : undefined },
          params,
          a.type,
        ),
        run: (c) => createGuest(c, a.node, a.type, params),
      },
    ],
    preconditions: overwrite ? [{ guest: g, label, status: 'stopped' }] : [],
    targets: [g],
  };
}

export function buildBackupDelete(a: Of<'backup.delete'>): Promise<BuiltAction> {
  const storage = a.volid.split(':')[0] ?? '';
  const vmid = /-(\d+)-\d{4}_/.exec(a.volid)?.[1];
  const confirmWord = vmid ?? a.volid;
  return Promise.resolve({
    input: {
      title: `Delete backup ${a.volid}`,
      targets: [{ kind: 'storage', id: storage, node: a.node }],
      diff: [removed(a.volid, 'backup archive')],
      warnings: [
        {
          code: 'data-loss',
          message: `the archive ${a.volid} is deleted and cannot be restored from any more`,
        },
      ],
      destructive: true,
      confirmWord,
    },
    steps: [
      {
        call: actionCall('volume.delete', 'DELETE', '/nodes/{node}/storage/{storage}/content/{volume}', {
          node: a.node,
          storage,
          volume: a.volid,
          vmid,
        }),
        run: (c) => deleteVolume(c, a.node, a.volid),
      },
    ],
    preconditions: [],
    targets: [],
  });
}
