// Plan builders for snapshots: create (named or one-click auto-named), rollback (named or to the latest) and delete.
import type { GuestRef, PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import { diffConfig, diffPower, diffSnapshots, type SnapshotItem } from '../../../src-shared/plans/diff.js';
import { callFor, confirmWordFor, guestWarnings, type PlanWarning } from '../../../src-shared/plans/plan.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { getGuestConfig, getGuestStatus, type GuestStatusNow } from '../../pve/api/guests.js';
import {
  createSnapshot,
  deleteSnapshot,
  getSnapshotConfig,
  listSnapshots,
  rollbackSnapshot,
  type SnapshotList,
} from '../../pve/api/snapshots.js';
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
async function readGuest(
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

const items = (list: SnapshotList): SnapshotItem[] =>
  list.snapshots.map((s) => ({ name: s.name, ...(s.parent ? { parent: s.parent } : {}) }));

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
  const before = items(list);
  const after = [
    ...before.filter((s) => s.name !== 'current'),
    { name: snapname, ...(list.latest ? { parent: list.latest } : {}) },
    { name: 'current', parent: snapname },
  ];
  const label = guestLabel(g, status.name);
  return {
    input: {
      title: `${a.snapname ? 'Take snapshot' : 'One-click snapshot'} '${snapname}' of ${label}`,
      targets: [
        { kind: g.type, id: String(g.vmid), node: g.node, ...(status.name ? { name: status.name } : {}) },
      ],
      diff: diffSnapshots(before, after),
      warnings: statusWarnings(g, status).filter((w) => w.code !== 'guest-running'),
      expect: { digest, status: status.status },
    },
    steps: [snapshotStep(g, { snapname, ...(a.description ? { description: a.description } : {}), vmstate })],
    preconditions: [{ guest: g, label, digest, status: status.status }],
    targets: [g],
  };
}

const CONFIG_NOISE = new Set(['parent', 'lock', 'digest']);
const withoutNoise = (c: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(c).filter(([k]) => !CONFIG_NOISE.has(k)));

export async function buildSnapshotRollback(
  a: Of<'snapshot.rollback'>,
  ctx: BuildContext,
): Promise<BuiltAction> {
  const g = a.guest;
  const { status, digest, config, list } = await readGuest(ctx, g);
  const snapname = a.snapname ?? list.latest;
  if (!snapname)
    throw new AppFailure('not_found', `${guestLabel(g, status.name)} has no snapshot to roll back to`);
  const snap = list.snapshots.find((s) => s.name === snapname && s.name !== 'current');
  if (!snap) throw new AppFailure('not_found', `snapshot '${snapname}' does not exist`);
  const frozen = await getSnapshotConfig(ctx.caller, g, snapname);
  const before = items(list);
  const after = before.map((s) => (s.name === 'current' ? { name: 'current', parent: snapname } : s));
  const label = guestLabel(g, status.name);
  const powerAfter = snap.vmstate || a.start ? 'running' : 'stopped';
  return {
    input: {
      title: `Roll back ${label} to '${snapname}'`,
      targets: [
        { kind: g.type, id: String(g.vmid), node: g.node, ...(status.name ? { name: status.name } : {}) },
      ],
      diff: [
        ...diffConfig(withoutNoise(config), withoutNoise(frozen)),
        ...diffPower(status.status, powerAfter),
        ...diffSnapshots(before, after),
      ],
      warnings: statusWarnings(g, status, {
        snapname,
        ...(list.latest ? { latestSnapshot: list.latest } : {}),
        dataLoss: `every change to ${label} since snapshot '${snapname}' is lost`,
      }),
      destructive: true,
      confirmWord: confirmWordFor({ vmid: g.vmid, ...(status.name ? { name: status.name } : {}) }),
      expect: { digest, status: status.status },
    },
    steps: [
      {
        call: callFor(
          'snapshot.rollback',
          { ...guestVars(g), snapname },
          a.start ? { start: true } : {},
          g.type,
        ),
        run: (c) => rollbackSnapshot(c, g, snapname, a.start ? { start: true } : {}),
      },
    ],
    preconditions: [{ guest: g, label, digest, status: status.status, snapshot: snapname }],
    targets: [g],
  };
}

export async function buildSnapshotDelete(a: Of<'snapshot.delete'>, ctx: BuildContext): Promise<BuiltAction> {
  const g = a.guest;
  const { status, list } = await readGuest(ctx, g);
  const snap = list.snapshots.find((s) => s.name === a.snapname && s.name !== 'current');
  if (!snap) throw new AppFailure('not_found', `snapshot '${a.snapname}' does not exist`);
  const before = items(list);
  const after = before
    .filter((s) => s.name !== a.snapname)
    .map((s) =>
      s.parent === a.snapname ? { ...s, ...(snap.parent ? { parent: snap.parent } : { parent: '' }) } : s,
    );
  const label = guestLabel(g, status.name);
  return {
    input: {
      title: `Delete snapshot '${a.snapname}' of ${label}`,
      targets: [
        { kind: g.type, id: String(g.vmid), node: g.node, ...(status.name ? { name: status.name } : {}) },
      ],
      diff: diffSnapshots(before, after),
      warnings: statusWarnings(g, status, {
        dataLoss: `snapshot '${a.snapname}'${snap.vmstate ? ' and its saved RAM state' : ''} can no longer be rolled back to`,
      }).filter((w) => w.code !== 'guest-running'),
      destructive: true,
      confirmWord: confirmWordFor({ vmid: g.vmid, ...(status.name ? { name: status.name } : {}) }),
    },
    steps: [
      {
        call: callFor('snapshot.delete', { ...guestVars(g), snapname: a.snapname }, {}, g.type),
        run: (c) => deleteSnapshot(c, g, a.snapname),
      },
    ],
    preconditions: [{ guest: g, label, snapshot: a.snapname }],
    targets: [g],
  };
}
