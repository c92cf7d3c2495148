// Plan builders for snapshots: create (named or one-click auto-named) and delete; rollback lives in ./build-rollback.ts.
import type { GuestRef, PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import { diffSnapshots } from '../../../src-shared/plans/diff.js';
import {
  callFor,
  confirmWordFor,
  guestWarnings,
  type PlanTarget,
  type PlanWarning,
} from '../../../src-shared/plans/plan.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { getGuestConfig, getGuestStatus, type GuestStatusNow } from '../../pve/api/guests.js';
import { createSnapshot, listSnapshots, type SnapshotList } from '../../pve/api/snapshots.js';
import { deleteStep, treeItems, withoutSnapshots } from './stamped-snapshots.js';
import {
  autoSnapName,
  guestLabel,
  guestVars,
  type BuildContext,
  type BuiltAction,
  type PlanStep,
} from '../../plans/plan-types.js';

type Of<K extends PlanAction['kind']> = Extract<PlanAction, { kind: K }>;

/** What every snapshot plan reads first: status, config digest and the snapshot tree. */
export async function readGuest(
  ctx: BuildContext,
  g: GuestRef,
): Promise<{ status: GuestStatusNow; digest: string; config: Record<string, string>; list: SnapshotList }> {
  const [status, cfg, list] = await Promise.all([
    getGuestStatus(ctx.caller, g),
    getGuestConfig(ctx.caller, g),
    listSnapshots(ctx.caller, g),
  ]);
  return { status, digest: cfg.digest, config: cfg.config, list };
}

/** The dialog's target line of one guest. */
export const planTarget = (g: GuestRef, s: GuestStatusNow): PlanTarget => ({
  kind: g.type,
  id: String(g.vmid),
  node: g.node,
  ...(s.name ? { name: s.name } : {}),
});

export const statusWarnings = (
  g: GuestRef,
  s: GuestStatusNow,
  opts: Parameters<typeof guestWarnings>[1] = {},
): PlanWarning[] =>
  guestWarnings(
    {
      vmid: g.vmid,
      status: s.status,
      ...(s.name ? { name: s.name } : {}),
      ...(s.lock ? { lock: s.lock } : {}),
      ...(s.ha?.managed && s.ha.state ? { hastate: s.ha.state } : {}),
    },
    opts,
  );

/** The snapshot-create step, shared by the snapshot plan and "snapshot before risky change". */
export function snapshotStep(
  g: GuestRef,
  opts: { snapname: string; description?: string; vmstate?: boolean },
): PlanStep {
  const params = {
    snapname: opts.snapname,
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.vmstate && g.type === 'qemu' ? { vmstate: true } : {}),
  };
  return {
    call: callFor('snapshot.create', guestVars(g), params, g.type),
    run: (c) => createSnapshot(c, g, opts),
  };
}

export async function buildSnapshotCreate(a: Of<'snapshot.create'>, ctx: BuildContext): Promise<BuiltAction> {
  const g = a.guest;
  const { status, digest, list } = await readGuest(ctx, g);
  const snapname = a.snapname ?? autoSnapName(ctx.now());
  if (list.snapshots.some((s) => s.name === snapname))
    throw new AppFailure('conflict', `snapshot name '${snapname}' already used`);
  const vmstate = Boolean(a.vmstate) && g.type === 'qemu' && status.status === 'running';
  const before = treeItems(list);
  const after = [
    ...before.filter((s) => s.name !== 'current'),
    { name: snapname, ...(list.latest ? { parent: list.latest } : {}) },
    { name: 'current', parent: snapname },
  ];
  const label = guestLabel(g, status.name);
  return {
    input: {
      title: `${a.snapname ? 'Take snapshot' : 'One-click snapshot'} '${snapname}' of ${label}`,
      targets: [planTarget(g, status)],
      diff: diffSnapshots(before, after),
      warnings: statusWarnings(g, status).filter((w) => w.code !== 'guest-running'),
      expect: { digest, status: status.status },
    },
    steps: [snapshotStep(g, { snapname, ...(a.description ? { description: a.description } : {}), vmstate })],
    preconditions: [{ guest: g, label, digest, status: status.status }],
    targets: [g],
  };
}

export async function buildSnapshotDelete(a: Of<'snapshot.delete'>, ctx: BuildContext): Promise<BuiltAction> {
  const g = a.guest;
  const { status, list } = await readGuest(ctx, g);
  const snap = list.snapshots.find((s) => s.name === a.snapname && s.name !== 'current');
  if (!snap) throw new AppFailure('not_found', `snapshot '${a.snapname}' does not exist`);
  const before = treeItems(list);
  const after = withoutSnapshots(before, [a.snapname]);
  const label = guestLabel(g, status.name);
  return {
    input: {
      title: `Delete snapshot '${a.snapname}' of ${label}`,
      targets: [planTarget(g, status)],
      diff: diffSnapshots(before, after),
      warnings: statusWarnings(g, status, {
        dataLoss: `snapshot '${a.snapname}'${snap.vmstate ? ' and its saved RAM state' : ''} can no longer be rolled back to`,
      }).filter((w) => w.code !== 'guest-running'),
      destructive: true,
      confirmWord: confirmWordFor({ vmid: g.vmid, ...(status.name ? { name: status.name } : {}) }),
    },
    steps: [deleteStep(g, a.snapname)],
    preconditions: [{ guest: g, label, snapshot: a.snapname }],
    targets: [g],
  };
}
