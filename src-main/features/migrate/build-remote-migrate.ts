// Cross-cluster migration through PVE's remote_migrate: the target endpoint comes from the target profile (host, port,
// pinned fingerprint, API token); the token's secret is read from the keychain here in main when the step runs and
// never crosses IPC (the plan shows it as a placeholder); the plan says that the source cluster receives it.
import type { RemoteMigrateInfo, RemoteMigrateInput } from '../../../src-shared/ipc/channels/migrate.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { Profile } from '../../../src-shared/model/profile.js';
import type { DiffEntry } from '../../../src-shared/plans/diff.js';
import { callFor, confirmWordFor } from '../../../src-shared/plans/plan.js';
import { actionById, expandCalls } from '../../../src-shared/permissions/action-privileges.js';
import { evaluateNeeds } from '../../../src-shared/permissions/evaluate.js';
import { getPermissions } from '../../pve/api/access.js';
import { toAnswer } from '../../plans/plan-builder.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getClusterResources, getClusterStatus } from '../../pve/api/cluster.js';
import { getGuestConfig, getGuestStatus } from '../../pve/api/guests.js';
import { remoteMigrateGuest } from '../../pve/api/migrate.js';
import { listBridges } from '../../pve/api/network.js';
import { listNodeStorages } from '../../pve/api/storage.js';
import { changed, guestTarget } from '../../plans/op-calls.js';
import { guestLabel, type BuiltAction } from '../../plans/plan-types.js';

export interface RemoteDeps {
  profiles: { get(id: string): Profile; readSecret(id: string): Promise<string | undefined> };
  clientFor(profileId: string): PveCaller;
}

const DISK = /^(scsi|virtio|sata|ide|efidisk|tpmstate)\d+$|^rootfs$|^mp\d+$/;

/** the storages a guest's disks use and the bridges its NICs use */
export function guestStoragesAndBridges(config: Record<string, string>): {
  storages: string[];
  bridges: string[];
} {
  const storages = new Set<string>();
  const bridges = new Set<string>();
  for (const [k, v] of Object.entries(config)) {
    if (DISK.test(k) && !v.includes('media=cdrom')) {
      const s = /^([A-Za-z][\w.-]*):/.exec(v)?.[1];
      if (s) storages.add(s);
    }
    if (/^net\d+$/.test(k)) {
      const b = /(?:^|,)bridge=([\w.-]+)/.exec(v)?.[1];
      if (b) bridges.add(b);
    }
  }
  return { storages: [...storages].sort(), bridges: [...bridges].sort() };
}

async function targetSide(c: PveCaller, vmid: number) {
  const [status, resources] = await Promise.all([getClusterStatus(c), getClusterResources(c, 'vm')]);
  const node = status.nodes.find((n) => n.online)?.name;
  if (!node) throw new AppFailure('conflict', 'The target cluster has no online node');
  const [storages, bridges] = await Promise.all([listNodeStorages(c, node), listBridges(c, node)]);
  return {
    node,
    storages: storages
      .filter((s) => s.content.includes('images') || s.content.includes('rootdir'))
      .map((s) => s.storage)
      .sort(),
    bridges,
    vmidTaken: resources.some((r) => r.vmid === vmid),
  };
}

export async function remoteMigrateInfo(
  deps: RemoteDeps,
  profileId: string,
  g: GuestRef,
  targetProfileId: string,
): Promise<RemoteMigrateInfo> {
  if (targetProfileId === profileId)
    throw new AppFailure('bad_parameter', 'Pick another cluster as the target');
  const src = deps.clientFor(profileId);
  const [status, cfg, target] = await Promise.all([
    getGuestStatus(src, g),
    getGuestConfig(src, g),
    targetSide(deps.clientFor(targetProfileId), g.vmid),
  ]);
  const used = guestStoragesAndBridges(cfg.config);
  return {
    running: status.status === 'running',
    name: status.name ?? String(g.vmid),
    sourceStorages: used.storages,
    sourceBridges: used.bridges,
    targetNode: target.node,
    targetStorages: target.storages,
    targetBridges: target.bridges,
    vmidTaken: target.vmidTaken,
    targetHasToken: deps.profiles.get(targetProfileId).auth.kind === 'token',
  };
}

const mapping = (key: string, before: string, after: string): DiffEntry => ({
  kind: 'config',
  key,
  change: 'changed',
  before,
  after,
});

const pairs = (m: Record<string, string>): string =>
  Object.entries(m)
    .map(([a, b]) => `${a}:${b}`)
    .join(',');

/** "apitoken=PVEAPIToken=user@realm!id=SECRET,host=...,port=...,fingerprint=..." (PVE's proxmox-remote format) */
function endpoint(t: Profile, tokenId: string, secret: string): string {
  return [
    `apitoken=PVEAPIToken=${tokenId}=${secret}`,
    `host=${t.host}`,
    `port=${t.port}`,
    ...(t.pinnedFingerprint ? [`fingerprint=${t.pinnedFingerprint}`] : []),
  ].join(',');
}

/** PVE checks the target side (mtunnel) only when the migration runs: check the token's privileges there now */
async function refuseWithoutIncoming(
  c: PveCaller,
  g: GuestRef,
  vmid: number,
  targetName: string,
): Promise<void> {
  const perms = await getPermissions(c);
  const needs = expandCalls(actionById('guest.remote-migrate.incoming'), g.type).flatMap((x) => x.needs);
  const verdict = evaluateNeeds(needs, toAnswer(perms), { vmid, node: '', type: g.type });
  if (!verdict.allowed)
    throw new AppFailure(
      'permission_denied',
      `The API token of ${targetName} may not receive the guest: ${verdict.gaps.map((x) => x.text).join('; ')}`,
    );
}

export async function buildRemoteMigrate(deps: RemoteDeps, a: RemoteMigrateInput): Promise<BuiltAction> {
  const g = a.guest;
  const source = deps.profiles.get(a.profileId);
  const target = deps.profiles.get(a.targetProfileId);
  if (target.auth.kind !== 'token')
    throw new AppFailure(
      'bad_parameter',
      `${target.name} signs in with a password: remote migration needs an API token`,
    );
  const tokenId = target.auth.tokenId;
  const info = await remoteMigrateInfo(deps, a.profileId, g, a.targetProfileId);
  const missing = [
    ...info.sourceStorages.filter((s) => !a.storageMap[s]).map((s) => `storage ${s}`),
    ...info.sourceBridges.filter((b) => !a.bridgeMap[b]).map((b) => `bridge ${b}`),
  ];
  if (missing.length) throw new AppFailure('bad_parameter', `Choose a target for ${missing.join(', ')}`);
  const unknown = [
    ...Object.values(a.storageMap)
      .filter((s) => !info.targetStorages.includes(s))
      .map((s) => `storage ${s}`),
    ...Object.values(a.bridgeMap)
      .filter((b) => !info.targetBridges.includes(b))
      .map((b) => `bridge ${b}`),
  ];
  if (unknown.length) throw new AppFailure('bad_parameter', `${target.name} has no ${unknown.join(', ')}`);
  const targetVmid = a.targetVmid ?? g.vmid;
  if (a.targetVmid === undefined && info.vmidTaken)
    throw new AppFailure('conflict', `ID ${g.vmid} is taken on ${target.name}: choose another target ID`);
  await refuseWithoutIncoming(deps.clientFor(target.id), g, targetVmid, target.name);
  const base = {
    'target-storage': pairs(a.storageMap),
    'target-bridge': pairs(a.bridgeMap),
    ...(targetVmid !== g.vmid ? { 'target-vmid': targetVmid } : {}),
    ...(info.running ? (g.type === 'qemu' ? { online: true } : { restart: true }) : {}),
    ...(a.deleteSource ? { delete: true } : {}),
  };
  const label = guestLabel(g, info.name);
  const shown = { ...base, 'target-endpoint': endpoint(target, tokenId, '<secret from the keychain>') };
  return {
    input: {
      title: `Migrate ${label} from ${source.name} to ${target.name} (${info.targetNode})`,
      targets: [guestTarget(g, info.name), { kind: 'node', id: info.targetNode }],
      diff: [
        ...changed('cluster', source.name, target.name),
        // every mapping is shown, also one to the same name: it is what the target will use
        ...Object.entries(a.storageMap).map(([from, to]) => mapping(`storage ${from}`, from, to)),
        ...Object.entries(a.bridgeMap).map(([from, to]) => mapping(`bridge ${from}`, from, to)),
        ...changed('ID', String(g.vmid), String(targetVmid)),
      ],
      warnings: [
        {
          code: 'secret-sent',
          message: `The secret of API token ${tokenId} (of ${target.name}) is sent to ${source.name}: PVE's remote migration has the source cluster call ${target.host}:${target.port} with it`,
        },
        {
          code: info.running ? 'guest-running' : 'data-loss',
          message: a.deleteSource
            ? `${label} is deleted on ${source.name} after the migration`
            : `${label} stays on ${source.name}, stopped, after the migration`,
        },
      ],
      destructive: true,
      confirmWord: confirmWordFor({ vmid: g.vmid, name: info.name }),
      expect: { status: info.running ? 'running' : 'stopped' },
    },
    steps: [
      {
        call: callFor('guest.remote-migrate', { node: g.node, vmid: g.vmid, type: g.type }, shown, g.type),
        run: async (c) => {
          const secret = await deps.profiles.readSecret(target.id);
          if (!secret)
            throw new AppFailure('auth_failed', `No API token secret is stored for ${target.name}`);
          return remoteMigrateGuest(c, g, { ...base, 'target-endpoint': endpoint(target, tokenId, secret) });
        },
      },
    ],
    preconditions: [{ guest: g, label, status: info.running ? 'running' : 'stopped' }],
    targets: a.deleteSource ? [] : [g],
  };
}
