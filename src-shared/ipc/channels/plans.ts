// Channels of the plan → confirm → run path (build, run at most once, progress), the audit log, and the reads its UI needs.
import { z } from 'zod';
import { event, request } from '../define.js';
import { PveConfigId, PveNode, PveSnapName, PveVmid } from '../../model/pve-formats.js';
import { ChangeKey } from '../../plans/changes.js';
import { Plan } from '../../plans/plan.js';
import { TaskLogLine } from '../../model/task.js';

const ProfileId = z.string().min(1).max(64);
const PlanId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const GuestRef = z.object({
  node: PveNode,
  type: z.enum(['qemu', 'lxc']),
  vmid: PveVmid,
});
export type GuestRef = z.infer<typeof GuestRef>;

export const POWER_ACTIONS = ['start', 'shutdown', 'stop', 'reboot', 'reset', 'suspend', 'resume'] as const;
export const PowerAction = z.enum(POWER_ACTIONS);
export type PowerAction = z.infer<typeof PowerAction>;

/** PVE snapshot names: a letter, then letters, digits, '-' and '_' (at most 40). */
export const SnapName = PveSnapName;

/** Config keys the edit form may change; null deletes the key. */
export const ConfigChanges = z
  .record(PveConfigId, z.union([z.string().max(8192), z.number(), z.null()]))
  .refine((c) => Object.keys(c).length > 0, 'no change given');

const snapshotFirst = { snapshotFirst: z.boolean().optional() };

export const PlanAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('power'),
      action: PowerAction,
      guests: z.array(GuestRef).min(1).max(200),
      /** shutdown: seconds to wait for the guest, then (forceStop) stop it */
      timeout: z.number().int().min(1).max(86_400).optional(),
      forceStop: z.boolean().optional(),
      ...snapshotFirst,
    })
    .strict(),
  z.object({ kind: z.literal('config'), guest: GuestRef, changes: ConfigChanges, ...snapshotFirst }).strict(),
  z
    .object({
      kind: z.literal('snapshot.create'),
      guest: GuestRef,
      /** omitted: auto-named ("auto-YYYYMMDD-HHMMSS"), the one-click snapshot */
      snapname: SnapName.optional(),
      description: z.string().max(8192).optional(),
      vmstate: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('snapshot.rollback'),
      guest: GuestRef,
      /** omitted: the latest snapshot (the current state's parent), the one-click rollback */
      snapname: SnapName.optional(),
      start: z.boolean().optional(),
      /** take a safety snapshot ("proxdeck-before-rollback-…") first, so the rollback can be undone; one confirm */
      safetySnapshot: z.boolean().optional(),
      /** the safety snapshot includes RAM (a running VM only) */
      safetyRam: z.boolean().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('snapshot.delete'), guest: GuestRef, snapname: SnapName }).strict(),
  /** roll back to the newest safety snapshot (or the one named): undoes the last rollback */
  z
    .object({ kind: z.literal('snapshot.undo-rollback'), guest: GuestRef, snapname: SnapName.optional() })
    .strict(),
  /** delete all but the newest `keep` safety snapshots */
  z
    .object({
      kind: z.literal('snapshot.prune-safety'),
      guest: GuestRef,
      keep: z.number().int().min(0).max(100),
    })
    .strict(),
]);
export type PlanAction = z.infer<typeof PlanAction>;

export const StepResult = z.object({
  index: z.number().int(),
  method: z.string(),
  path: z.string(),
  state: z.enum(['done', 'failed', 'skipped']),
  upid: z.string().optional(),
  exitstatus: z.string().optional(),
  error: z.string().optional(),
  log: z.array(TaskLogLine),
});
export type StepResult = z.infer<typeof StepResult>;

export const TargetEndState = z.object({
  target: z.string(),
  status: z.string().optional(),
  /** config keys whose new value waits for a reboot */
  pending: z.array(z.string()),
});

export const RunResult = z.object({
  planId: z.string(),
  state: z.enum(['succeeded', 'failed', 'stale']),
  /** set when state is failed or stale */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  steps: z.array(StepResult),
  endState: z.array(TargetEndState),
  startedAt: z.number(),
  finishedAt: z.number(),
});
export type RunResult = z.infer<typeof RunResult>;

export const PlanProgress = z.object({
  planId: z.string(),
  index: z.number().int(),
  state: z.enum(['running', 'done', 'failed']),
  upid: z.string().optional(),
  exitstatus: z.string().optional(),
  newLines: z.array(TaskLogLine),
});
export type PlanProgress = z.infer<typeof PlanProgress>;

export const plansRequests = {
  /** reads the targets and permissions and answers the plan to show; changes nothing */
  'plans.build': request(z.object({ profileId: ProfileId, action: PlanAction }).strict(), Plan),
  /** runs a built plan at most once; a repeated call answers the first run's result */
  'plans.run': request(
    z.object({ planId: PlanId, confirmText: z.string().max(200).optional() }).strict(),
    RunResult,
    { mutation: true },
  ),
  'plans.get': request(
    z.object({ planId: PlanId }).strict(),
    z.object({ plan: Plan, result: RunResult.nullable() }),
  ),
} as const;

/** A plan finished (or stopped part way): what it may have changed on which profile's cluster; open views refetch those. */
export const PlansChanged = z.object({
  profileId: z.string(),
  planId: z.string(),
  changes: z.array(ChangeKey),
});
export type PlansChanged = z.infer<typeof PlansChanged>;

export const plansEvents = {
  'plans.progressed': event(PlanProgress),
  'plans.changed': event(PlansChanged),
} as const;
