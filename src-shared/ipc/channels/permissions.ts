// Channels of permission awareness: what the connected identity may do, per path and per feature.
import { z } from 'zod';
import { event, request } from '../define.js';
import { PermissionsAnswer } from '../../permissions/evaluate.js';

const ProfileId = z.string().min(1).max(64);
const Major = z.union([z.literal(8), z.literal(9)]);

export const PermissionsInfo = z.object({
  profileId: z.string(),
  /** user@realm or user@realm!token */
  identity: z.string(),
  isToken: z.boolean(),
  /** privilege separation of the token; null when it is a user or the token may not read its own entry */
  privsep: z.boolean().nullable(),
  /** the effective privileges (for a privsep token PVE already intersected user and token) */
  answer: PermissionsAnswer,
  /** the owning user's privileges, for a token, when the identity may read them (Sys.Audit on /access) */
  userAnswer: PermissionsAnswer.optional(),
  /** why userAnswer is missing */
  userAnswerProblem: z.string().optional(),
  version: z.string(),
  major: Major.nullable(),
  /** Permissions.Modify and User.Modify are held: the wizard may apply its setup through the API */
  canSetUpTokens: z.boolean(),
  readAt: z.number(),
});
export type PermissionsInfo = z.infer<typeof PermissionsInfo>;

const VarValue = z.union([z.string(), z.number()]);
export const FeatureGapView = z.object({
  action: z.string(),
  target: z.record(z.string(), VarValue),
  reason: z.string(),
});
export const FeatureRowView = z.object({
  id: z.string(),
  label: z.string(),
  state: z.enum(['allowed', 'partly', 'denied']),
  allowed: z.number().int(),
  total: z.number().int(),
  /** the first gaps (at most MATRIX_GAP_LIMIT); gapCount says how many there were */
  gaps: z.array(FeatureGapView),
  gapCount: z.number().int(),
});
export type FeatureRowView = z.infer<typeof FeatureRowView>;
export const MATRIX_GAP_LIMIT = 12;

export const PermissionsMatrix = z.object({
  identity: z.string(),
  isToken: z.boolean(),
  privsep: z.boolean().nullable(),
  /** guests the matrix was evaluated on */
  targetCount: z.number().int(),
  effective: z.array(FeatureRowView),
  /** privsep tokens: the user side alone (undefined when it could not be read) */
  user: z.array(FeatureRowView).optional(),
  userAnswerProblem: z.string().optional(),
});
export type PermissionsMatrix = z.infer<typeof PermissionsMatrix>;

export const permissionsRequests = {
  /** the identity's effective permissions, cached per profile; refresh re-reads them */
  'permissions.get': request(
    z.object({ profileId: ProfileId, refresh: z.boolean().optional() }).strict(),
    PermissionsInfo,
  ),
  /** app features × allowed / partly / denied over the cluster's guests, with the missing privileges */
  'permissions.matrix': request(z.object({ profileId: ProfileId }).strict(), PermissionsMatrix),
} as const;

export const permissionsEvents = {
  /** a profile's permissions were re-read (connect, or an access-changing plan ran) */
  'permissions.changed': event(z.object({ profileId: z.string() })),
} as const;
