// Channels for HA: the HA view and the HA resource actions (built as plans).
import { z } from 'zod';
import { request } from '../define.js';
import { PveNode } from '../../model/pve-formats.js';
import { GuestRef } from './plans.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;
const HaSid = z.string().regex(/^(vm|ct):\d{3,9}$/);

export const HaState = z.enum(['started', 'stopped', 'disabled', 'ignored']);

const HaLimits = {
  maxRestart: z.number().int().min(0).max(10).optional(),
  maxRelocate: z.number().int().min(0).max(10).optional(),
};

/** the HA feature's operations.build actions (joined in ./operations.ts) */
export const haActions = [
  z
    .object({
      kind: z.literal('ha.add'),
      guest: GuestRef,
      state: HaState,
      ...HaLimits,
      comment: z.string().max(512).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('ha.update'), sid: HaSid, state: HaState.optional(), ...HaLimits }).strict(),
  z.object({ kind: z.literal('ha.remove'), sid: HaSid }).strict(),
  z
    .object({ kind: z.literal('ha.move'), sid: HaSid, verb: z.enum(['migrate', 'relocate']), node: NodeName })
    .strict(),
] as const;

export const HaView = z.object({
  version: z.string(),
  quorate: z.boolean(),
  quorumStatus: z.string(),
  manager: z.object({ node: z.string(), status: z.string() }).optional(),
  fencing: z.string().optional(),
  nodes: z.array(z.object({ node: z.string(), status: z.string(), since: z.number().optional() })),
  /** LRM entries PVE could not read ("unable to read lrm status") */
  problems: z.array(z.string()).optional(),
  resources: z.array(
    z.object({
      sid: z.string(),
      requested: z.string(),
      current: z.string(),
      node: z.string(),
      maxRestart: z.number(),
      maxRelocate: z.number(),
      comment: z.string().optional(),
      group: z.string().optional(),
    }),
  ),
  /** PVE 9: rules; PVE 8: groups (detected by version) */
  rules: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      resources: z.array(z.string()),
      detail: z.string(),
      enabled: z.boolean(),
    }),
  ),
  groups: z.array(
    z.object({ id: z.string(), nodes: z.string(), restricted: z.boolean(), nofailback: z.boolean() }),
  ),
});
export type HaView = z.infer<typeof HaView>;

const Profile = { profileId: ProfileId };

export const haRequests = {
  'operations.ha': request(z.object(Profile).strict(), HaView),
} as const;
