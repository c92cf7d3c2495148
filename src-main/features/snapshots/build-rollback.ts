// Plan builders for rollback: to a snapshot (optionally after a safety snapshot, so it can be undone), "undo rollback"
// (back to the newest safety snapshot) and pruning old safety snapshots (keep the last N).
import type { GuestRef, PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import {
  SAFETY_PREFIX,
  WAS_RUNNING_NOTE,
  isSafetySnapshot,
  type SnapshotEntry,
} from '../../../src-shared/ipc/channels/snapshots.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { diffConfig, diffPower, diffSnapshots, type SnapshotItem } from '../../../src-shared/plans/diff.js';
import { callFor, confirmWordFor } from '../../../src-shared/plans/plan.js';
import type { GuestStatusNow } from '../../pve/api/guests.js';
import { getSnapshotConfig, rollbackSnapshot, type SnapshotList } from '../../pve/api/snapshots.js';
import {
  guestLabel,
  guestVars,
  type BuildContext,
  type BuiltAction,
  type PlanStep,
} from '../../plans/plan-types.js';
import { planTarget, readGuest, snapshotStep, statusWarnings } from './build-snapshots.js';
import {
  deleteStep,
  newestFirst,
  prunable,
  stampedName,
  treeItems,
  withoutSnapshots,
} from './stamped-snapshots.js';

type Of<K extends PlanAction['kind']> = Extract<PlanAction, { kind: K }>;

const CONFIG_NOISE = new Set(['parent', 'lock', 'digest']);
const withoutNoise = (c: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(c).filter(([k]) => !CONFIG_NOISE.has(k)));

function rollbackStep(g: GuestRef, snapname: string, start: boolean): PlanStep {
  const params = start ? { start: true } : {};
  return {
    call: callFor('snapshot.rollback', { ...guestVars(g), snapname }, params, g.type),
    run: (c) => rollbackSnapshot(c, g, snapname, params),
  };
}

function existing(list: SnapshotList, snapname: string): SnapshotEntry {
  const snap = list.snapshots.find((s) => s.name === snapname && s.name !== 'current');
  if (!snap) throw new AppFailure('not_found', `snapshot '${snapname}' does not exist`);
  return snap;
}

interface SafetyShot {
  name: string;
  step: PlanStep;
  /** the tree entry it adds (a child of the current state's parent) */
  item: SnapshotItem;
}

/** The safety snapshot of the state about to be rolled back: with RAM when asked and the VM runs. */
function safetyShot(
  g: GuestRef,
  status: GuestStatusNow,
  list: SnapshotList,
  ctx: BuildContext,
  ram: boolean,
  target: string,
): SafetyShot {
  const name = stampedName(SAFETY_PREFIX, ctx.now(), list);
  const running = status.status === 'running';
  const vmstate = ram && running && g.type === 'qemu';
  const description = `Proxdeck: state before rolling back to '${target}'${running && !vmstate ? ` ${WAS_RUNNING_NOTE}` : ''}`;
  return {
    name,
    step: snapshotStep(g, { snapname: name, description, vmstate }),
    item: { name, ...(list.latest ? { parent: list.latest } : {}) },
  };
}

export async function buildSnapshotRollback(
  a: Of<'snapshot.rollback'>,
  ctx: BuildContext,
): Promise<BuiltAction> {
  const g = a.guest;
  const { status, digest, config, list } = await readGuest(ctx, g);
  const label = guestLabel(g, status.name);
  const snapname = a.snapname ?? list.latest;
  if (!snapname) throw new AppFailure('not_found', `${label} has no snapshot to roll back to`);
  const snap = existing(list, snapname);
  const frozen = await getSnapshotConfig(ctx.caller, g, snapname);
  const safety = a.safetySnapshot
    ? safetyShot(g, status, list, ctx, Boolean(a.safetyRam), snapname)
    : undefined;
  const before = treeItems(list);
  const after = [
    ...before.filter((s) => s.name !== 'current'),
    ...(safety ? [safety.item] : []),
    { name: 'current', parent: snapname },
  ];
  const powerAfter = snap.vmstate || a.start ? 'running' : 'stopped';
  return {
    input: {
      title: `Roll back ${label} to '${snapname}'${safety ? ' (undoable)' : ''}`,
      targets: [planTarget(g, status)],
      diff: [
        ...diffConfig(withoutNoise(config), withoutNoise(frozen)),
        ...diffPower(status.status, powerAfter),
        ...diffSnapshots(before, after),
      ],
      warnings: [
        ...statusWarnings(g, status, {
          snapname,
          ...(list.latest ? { latestSnapshot: list.latest } : {}),
          ...(safety ? {} : { dataLoss: `every change to ${label} since snapshot '${snapname}' is lost` }),
        }),
        ...(safety
          ? [
              {
                code: 'safety-snapshot' as const,
                message: `The current state is kept in snapshot '${safety.name}' first: "Undo rollback" returns to it.`,
              },
            ]
          : []),
      ],
      ...(safety
        ? {}
        : {
            destructive: true,
            confirmWord: confirmWordFor({ vmid: g.vmid, ...(status.name ? { name: status.name } : {}) }),
          }),
      expect: { digest, status: status.status },
    },
    steps: [...(safety ? [safety.step] : []), rollbackStep(g, snapname, Boolean(a.start))],
    preconditions: [{ guest: g, label, digest, status: status.status, snapshot: snapname }],
    targets: [g],
  };
}

export async function buildUndoRollback(
  a: Of<'snapshot.undo-rollback'>,
  ctx: BuildContext,
): Promise<BuiltAction> {
  const g = a.guest;
  const { status, digest, config, list } = await readGuest(ctx, g);
  const label = guestLabel(g, status.name);
  const snapname = a.snapname ?? newestFirst(list, SAFETY_PREFIX)[0]?.name;
  if (!snapname || !isSafetySnapshot(snapname))
    throw new AppFailure('not_found', `${label} has no safety snapshot: there is no rollback to undo`);
  const snap = existing(list, snapname);
  const frozen = await getSnapshotConfig(ctx.caller, g, snapname);
  const start = !snap.vmstate && snap.description.includes(WAS_RUNNING_NOTE);
  const before = treeItems(list);
  const after = before.map((s) => (s.name === 'current' ? { name: 'current', parent: snapname } : s));
  return {
    input: {
      title: `Undo rollback of ${label}: back to '${snapname}'`,
      targets: [planTarget(g, status)],
      diff: [
        ...diffConfig(withoutNoise(config), withoutNoise(frozen)),
        ...diffPower(status.status, snap.vmstate || start ? 'running' : 'stopped'),
        ...diffSnapshots(before, after),
      ],
      warnings: statusWarnings(g, status, {
        snapname,
        dataLoss: `changes to ${label} made after the rollback are lost`,
      }),
      expect: { digest, status: status.status },
    },
    steps: [rollbackStep(g, snapname, start)],
    preconditions: [{ guest: g, label, digest, status: status.status, snapshot: snapname }],
    targets: [g],
  };
}

export async function buildPruneSafety(
  a: Of<'snapshot.prune-safety'>,
  ctx: BuildContext,
): Promise<BuiltAction> {
  const g = a.guest;
  const { status, list } = await readGuest(ctx, g);
  const label = guestLabel(g, status.name);
  const gone = prunable(list, SAFETY_PREFIX, a.keep);
  const before = treeItems(list);
  return {
    input: {
      title:
        gone.length === 0
          ? `No changes: ${label} has at most ${a.keep} safety snapshot${a.keep === 1 ? '' : 's'}`
          : `Delete ${gone.length} old safety snapshot${gone.length === 1 ? '' : 's'} of ${label} (keep the last ${a.keep})`,
      targets: [planTarget(g, status)],
      diff: diffSnapshots(before, withoutSnapshots(before, gone)),
      warnings:
        gone.length === 0
          ? []
          : statusWarnings(g, status, {
              dataLoss: `rollbacks before ${gone.length === 1 ? `'${gone[0]}'` : `these ${gone.length}`} can no longer be undone`,
            }).filter((w) => w.code !== 'guest-running'),
      ...(gone.length === 0
        ? {}
        : {
            destructive: true,
            confirmWord: confirmWordFor({ vmid: g.vmid, ...(status.name ? { name: status.name } : {}) }),
          }),
    },
    steps: gone.map((name) => deleteStep(g, name)),
    preconditions: gone.map((name) => ({ guest: g, label, snapshot: name })),
    targets: [g],
  };
}
