// Channels for maintenance: evacuating a node (preview and plan) and the rolling reboot of a cluster (state, next plan).
import { z } from 'zod';
import { PveNode } from '../../model/pve-formats.js';
import { request } from '../define.js';
import { Plan } from '../../plans/plan.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;

export const EvacuateOptions = z
  .object({
    node: NodeName,
    /** stopped guests and templates move too (otherwise they stay) */
    includeStopped: z.boolean().default(false),
    /** migrations at a time */
    concurrency: z.number().int().min(1).max(8).default(2),
    /** stop at the first failed migration, or carry on with the rest */
    onFailure: z.enum(['stop', 'continue']).default('stop'),
  })
  .strict();
export type EvacuateOptions = z.output<typeof EvacuateOptions>;

const GuestLine = z.object({
  vmid: z.number().int(),
  type: z.enum(['qemu', 'lxc']),
  name: z.string(),
  running: z.boolean(),
});
export const EvacuationView = z.object({
  node: z.string(),
  moves: z.array(GuestLine.extend({ target: z.string(), reason: z.string() })),
  /** guests that fit nowhere, with why */
  cannotMove: z.array(GuestLine.extend({ reason: z.string() })),
  /** stopped guests and templates left on the node by choice */
  staying: z.array(GuestLine.extend({ reason: z.string() })),
  /** per target: RAM free before and after the plan (bytes) */
  targets: z.array(
    z.object({ node: z.string(), freeBefore: z.number(), freeAfter: z.number(), guests: z.number().int() }),
  ),
  /** one bulk-action call per target (PVE 9) or one migrate call per guest */
  mode: z.enum(['bulk', 'per-guest']),
});
export type EvacuationView = z.infer<typeof EvacuationView>;

export const RollingPhase = z.enum(['pending', 'evacuated', 'rebooting', 'online', 'done']);
export const RollingState = z.object({
  profileId: z.string(),
  startedAt: z.string(),
  moveBack: z.boolean(),
  concurrency: z.number().int(),
  nodes: z.array(
    z.object({
      node: z.string(),
      phase: RollingPhase,
      /** guests moved off (and where to), so they can move back */
      moved: z.array(z.object({ vmid: z.number().int(), type: z.enum(['qemu', 'lxc']), to: z.string() })),
      /** node uptime (s) when the reboot was asked for: a lower uptime later means it rebooted */
      uptimeBefore: z.number().optional(),
      /** the steps of this node that ran, in order (an audit of what never runs twice) */
      log: z.array(z.string()),
    }),
  ),
  finished: z.boolean(),
});
export type RollingState = z.infer<typeof RollingState>;

const Profile = { profileId: ProfileId };

export const maintenanceRequests = {
  /** the cluster's nodes, for the node pickers */
  'maintenance.nodes': request(
    z.object(Profile).strict(),
    z.array(z.object({ node: z.string(), online: z.boolean() })),
  ),
  /** where each guest would go; changes nothing */
  'maintenance.evacuatePreview': request(
    z.object({ ...Profile, options: EvacuateOptions }).strict(),
    EvacuationView,
  ),
  /** the evacuation as a plan (run with plans.run) */
  'maintenance.evacuatePlan': request(z.object({ ...Profile, options: EvacuateOptions }).strict(), Plan),
  'maintenance.rollingGet': request(z.object(Profile).strict(), z.object({ state: RollingState.nullable() })),
  /** starts (or replaces a finished) rolling reboot; nothing runs until a node's plan is confirmed */
  'maintenance.rollingStart': request(
    z
      .object({
        ...Profile,
        nodes: z.array(NodeName).min(1).max(32),
        moveBack: z.boolean().default(true),
        concurrency: z.number().int().min(1).max(8).default(2),
      })
      .strict(),
    RollingState,
    { mutation: true },
  ),
  /** the plan of the next unfinished node, from the step it stopped at: confirming it is the approval */
  'maintenance.rollingNext': request(z.object(Profile).strict(), Plan),
  'maintenance.rollingCancel': request(z.object(Profile).strict(), z.null(), { mutation: true }),
} as const;
