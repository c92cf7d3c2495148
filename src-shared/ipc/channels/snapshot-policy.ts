// Channels of snapshot policies: keep the last N hourly or daily snapshots of a guest or of every guest with a tag.
// Proxdeck applies them only while it runs. Saving one is a plan (which also takes the first snapshots); each later
// run is a plan the saved policy approves.
import { z } from 'zod';
import { request } from '../define.js';
import { Plan } from '../../plans/plan.js';
import { GuestRef, RunResult } from './plans.js';

const ProfileId = z.string().min(1).max(64);

/** Policy snapshots are named "proxdeck-auto-<frequency>-YYYYMMDD-HHMMSS". */
export const POLICY_PREFIX = 'proxdeck-auto-';
export const PolicyFrequency = z.enum(['hourly', 'daily']);
export type PolicyFrequency = z.infer<typeof PolicyFrequency>;
export const policySnapPrefix = (f: PolicyFrequency): string => `${POLICY_PREFIX}${f}-`;

/** PVE tags: letters, digits and - _ + . (pve-tag). */
export const PolicyTag = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_][a-z0-9_+.-]*$/i, 'a tag: letters, digits, -, _, + or .');

export const PolicyTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guest'), guest: GuestRef }).strict(),
  z.object({ kind: z.literal('tag'), tag: PolicyTag }).strict(),
]);
export type PolicyTarget = z.infer<typeof PolicyTarget>;

export const PolicyInput = z
  .object({ target: PolicyTarget, frequency: PolicyFrequency, keep: z.number().int().min(1).max(100) })
  .strict();
export type PolicyInput = z.infer<typeof PolicyInput>;

export const PolicyRun = z.object({
  /** ms since the epoch */
  at: z.number(),
  planId: z.string(),
  state: z.enum(['succeeded', 'failed', 'stale']),
  error: z.string().optional(),
});
export type PolicyRun = z.infer<typeof PolicyRun>;

export const SnapshotPolicy = PolicyInput.extend({
  /** one policy per target and frequency: "guest-101-hourly", "tag-web-daily" */
  id: z.string().min(1).max(100),
  profileId: ProfileId,
  /** ms since the epoch; the first run happens with the save */
  savedAt: z.number(),
  lastRun: PolicyRun.optional(),
});
export type SnapshotPolicy = z.infer<typeof SnapshotPolicy>;

export const policyId = (p: PolicyInput): string =>
  `${p.target.kind === 'guest' ? `guest-${p.target.guest.vmid}` : `tag-${p.target.tag}`}-${p.frequency}`;

export const snapshotPolicyRequests = {
  /** the policies of a profile */
  'snapshotPolicy.list': request(
    z.object({ profileId: ProfileId }).strict(),
    z.object({ policies: z.array(SnapshotPolicy) }),
  ),
  /** plans saving (or changing) a policy: its first run now; running the plan saves it. Run it with plans.run. */
  'snapshotPolicy.plan': request(z.object({ profileId: ProfileId, policy: PolicyInput }).strict(), Plan),
  /** stops a saved policy (its snapshots stay on the guests); answers whether there was one */
  'snapshotPolicy.remove': request(
    z.object({ profileId: ProfileId, policyId: z.string().min(1).max(100) }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  /** runs a saved policy now (the scheduler does the same when it is due) */
  'snapshotPolicy.runNow': request(
    z.object({ profileId: ProfileId, policyId: z.string().min(1).max(100) }).strict(),
    RunResult,
    { mutation: true },
  ),
} as const;
