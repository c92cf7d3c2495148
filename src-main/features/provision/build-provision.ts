// Plan builders for clone (nextid, name, full/linked, target node/storage, pool, cloud-init user/keys/ipconfig0) and
// create VM/CT, both behind the pre-flight checks (vmid free, node memory, storage space).
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { actionCall, callFor } from '../../../src-shared/plans/plan.js';
import type { PveParams } from '../../pve/api/caller.js';
import { cloneGuest } from '../../pve/api/clone.js';
import { getNextId } from '../../pve/api/cluster.js';
import { createGuest } from '../../pve/api/create.js';
import { getGuestConfig, getGuestStatus, updateGuestConfig } from '../../pve/api/guests.js';
import {
  guestLabel,
  guestVars,
  type BuildContext,
  type BuiltAction,
  type PlanStep,
} from '../../plans/plan-types.js';
import { added, cloudInitDrive, diskBytes, guestTarget } from '../../plans/op-calls.js';
import { preflight } from './preflight.js';

type Of<K extends OperationAction['kind']> = Extract<OperationAction, { kind: K }>;
const MIB = 2 ** 20;
const GIB = 2 ** 30;

/** PVE wants sshkeys URL-encoded (spaces as %20, as its web UI sends them). */
export const encodeSshKeys = (keys: string): string => encodeURIComponent(keys.trim().replace(/\r\n/g, '\n'));

export async function buildClone(a: Of<'clone'>, ctx: BuildContext): Promise<BuiltAction> {
  const src = a.guest;
  const [status, cfg] = await Promise.all([getGuestStatus(ctx.caller, src), getGuestConfig(ctx.caller, src)]);
  const template = Boolean(status.template);
  if (!a.full && !template)
    throw new AppFailure('bad_parameter', 'A linked clone needs a template as its source');
  if (!a.full && a.storage)
    throw new AppFailure(
      'bad_parameter',
      "A linked clone stays on the template's storage: leave target storage empty",
    );
  const ci =
    a.cloudInit && Object.values(a.cloudInit).some((v) => v !== undefined && v !== '')
      ? a.cloudInit
      : undefined;
  if (ci && (src.type !== 'qemu' || !cloudInitDrive(cfg.config)))
    throw new AppFailure(
      'bad_parameter',
      `${guestLabel(src, status.name)} has no cloud-init drive: cloud-init fields cannot be set`,
    );
  const newid = a.newid ?? (await getNextId(ctx.caller));
  const target = a.target ?? src.node;
  const memory = Number(cfg.config.memory ?? 512) * MIB;
  const storage =
    a.storage ??
    /^([^:]+):/.exec(
      Object.entries(cfg.config).find(([k]) => /^(scsi|virtio|sata)0$|^rootfs$/.test(k))?.[1] ?? '',
    )?.[1];
  await preflight(ctx.caller, {
    node: target,
    vmid: newid,
    memoryBytes: memory,
    ...(a.full && storage
      ? {
          storage: {
            id: storage,
            bytes: diskBytes(cfg.config),
            content: src.type === 'qemu' ? 'images' : 'rootdir',
          },
        }
      : {}),
  });
  const nameKey = src.type === 'qemu' ? 'name' : 'hostname';
  const params: PveParams = {
    newid,
    [nameKey]: a.name,
    full: a.full,
    target: a.target && a.target !== src.node ? a.target : undefined,
    storage: a.storage,
    pool: a.pool,
  };
  const g: GuestRef = { node: target, type: src.type, vmid: newid };
  const steps: PlanStep[] = [
    {
      call: callFor(
        'guest.clone',
        { ...guestVars(src), newid, storage: a.storage, pool: a.pool },
        params,
        src.type,
      ),
      run: (c) => cloneGuest(c, src, params),
    },
  ];
  if (ci) {
    const ciParams: PveParams = {
      ciuser: ci.ciuser,
      sshkeys: ci.sshkeys ? encodeSshKeys(ci.sshkeys) : undefined,
      ipconfig0: ci.ipconfig0,
    };
    steps.push({
      call: callFor('guest.config', guestVars(g), ciParams, 'qemu'),
      run: (c) => updateGuestConfig(c, g, ciParams),
    });
  }
  const newLabel = guestLabel(g, a.name);
  return {
    input: {
      title: `${a.full ? 'Full' : 'Linked'} clone of ${guestLabel(src, status.name)} to ${newLabel}`,
      targets: [guestTarget(g, a.name), guestTarget(src, status.name)],
      diff: [
        added(
          `new ${newLabel}`,
          `${a.full ? 'full' : 'linked'} clone of ${src.vmid} on ${target}${a.storage ? `, disks on ${a.storage}` : ''}${a.pool ? `, pool ${a.pool}` : ''}`,
        ),
        ...(a.name ? [added(nameKey, a.name)] : []),
        ...(ci?.ciuser ? [added('ciuser', ci.ciuser)] : []),
        ...(ci?.sshkeys ? [added('sshkeys', `${ci.sshkeys.trim().split('\n').length} key(s)`)] : []),
        ...(ci?.ipconfig0 ? [added('ipconfig0', ci.ipconfig0)] : []),
      ],
      warnings:
        status.status === 'running' && !template
          ? [
              {
                code: 'guest-running',
                message: `${guestLabel(src, status.name)} is running: the clone copies its disks live`,
              },
            ]
          : [],
      expect: { digest: cfg.digest },
    },
    steps,
    preconditions: [{ guest: src, label: guestLabel(src, status.name), digest: cfg.digest }],
    targets: [g],
  };
}

function createParams(a: Of<'create'>, vmid: number): PveParams {
  const bridge = a.bridge ?? 'vmbr0';
  if (a.type === 'lxc') {
    if (!a.ostemplate) throw new AppFailure('bad_parameter', 'A container needs an OS template');
    return {
      vmid,
      hostname: a.name,
      ostemplate: a.ostemplate,
      cores: a.cores,
      memory: a.memoryMiB,
      storage: a.storage,
      rootfs: `${a.storage}:${a.diskGiB}`,
      net0: `name=eth0,bridge=${bridge},ip=dhcp`,
      unprivileged: true,
      'ssh-public-keys': a.sshKeys,
      pool: a.pool,
      start: a.start,
    };
  }
  return {
    vmid,
    name: a.name,
    cores: a.cores,
    memory: a.memoryMiB,
    ostype: 'l26',
    scsihw: 'virtio-scsi-single',
    scsi0: `${a.storage}:${a.diskGiB}`,
    net0: `virtio,bridge=${bridge}`,
    ide2: a.iso ? `${a.iso},media=cdrom` : undefined,
    boot: a.iso ? 'order=scsi0;ide2;net0' : 'order=scsi0;net0',
    pool: a.pool,
    start: a.start,
  };
}

export async function buildCreate(a: Of<'create'>, ctx: BuildContext): Promise<BuiltAction> {
  const vmid = a.vmid ?? (await getNextId(ctx.caller));
  await preflight(ctx.caller, {
    node: a.node,
    vmid,
    memoryBytes: a.memoryMiB * MIB,
    storage: { id: a.storage, bytes: a.diskGiB * GIB, content: a.type === 'qemu' ? 'images' : 'rootdir' },
  });
  const params = createParams(a, vmid);
  const g: GuestRef = { node: a.node, type: a.type, vmid };
  const shown = Object.entries(params)
    .filter(([k, v]) => v !== undefined && k !== 'vmid' && k !== 'ssh-public-keys')
    .map(([k, v]) => added(k, String(v)));
  return {
    input: {
      title: `Create ${guestLabel(g, a.name)} on ${a.node}`,
      targets: [guestTarget(g, a.name), { kind: 'storage', id: a.storage, node: a.node }],
      diff: [
        added(
          `new ${guestLabel(g, a.name)}`,
          `${a.cores} cores, ${a.memoryMiB} MiB, ${a.diskGiB} GiB on ${a.storage}`,
        ),
        ...shown,
      ],
      warnings: [],
    },
    steps: [
      {
        call: actionCall(
          'guest.create',
          'POST',
          `/nodes/{node}/${a.type}`,
          { node: a.node, vmid, storage: a.storage, pool: a.pool, bridge: a.bridge ?? 'vmbr0' },
          params,
        ),
        run: (c) => createGuest(c, a.node, a.type, params),
      },
    ],
    preconditions: [],
    targets: [g],
  };
}
