// Channels of the token wizard: generate a least-privilege token setup, build it as a plan, verify it, save a profile.
import { z } from 'zod';
import { request } from '../define.js';
import { PvePoolId, PveStorageId } from '../../model/pve-formats.js';
import { Plan } from '../../plans/plan.js';
import { ProfileView, TokenId } from '../../model/profile.js';

const ProfileId = z.string().min(1).max(64);
const PlanId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const Major = z.union([z.literal(8), z.literal(9)]);

const PoolId = PvePoolId;
const StorageId = PveStorageId;
const Narrowing = {
  storages: z.array(StorageId).min(1).max(50).optional(),
  zones: z.array(StorageId).min(1).max(50).optional(),
};
export const WizardScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cluster'), ...Narrowing }).strict(),
  z.object({ kind: z.literal('pool'), pool: PoolId, ...Narrowing }).strict(),
  z
    .object({
      kind: z.literal('guests'),
      vmids: z.array(z.number().int().min(100).max(999_999_999)).min(1).max(200),
      ...Narrowing,
    })
    .strict(),
]);
export type WizardScope = z.infer<typeof WizardScope>;

export const PresetIdSchema = z.enum([
  'audit',
  'support',
  'operator',
  'provisioning',
  'self-service',
  'migration-target',
  'admin',
]);
const UserId = z.string().regex(/^[^\s:/@!]{1,60}@[A-Za-z][A-Za-z0-9._-]{1,31}$/, 'user@realm');
const TokenName = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{1,39}$/, 'a letter, then letters, digits, . _ -');

export const WizardInput = z
  .object({ preset: PresetIdSchema, scope: WizardScope, userid: UserId, tokenid: TokenName })
  .strict();
export type WizardInput = z.infer<typeof WizardInput>;

export const WizardOutput = z.object({
  fullTokenId: z.string(),
  major: Major,
  commands: z.array(z.object({ line: z.string(), explain: z.string() })),
  roles: z.array(z.object({ roleid: z.string(), privs: z.array(z.string()) })),
  acls: z.array(z.object({ path: z.string(), roleid: z.string(), propagate: z.boolean() })),
  /** privileges of the preset that do not exist on this PVE version and were left out */
  dropped: z.array(z.string()),
  notes: z.array(z.string()),
  /** what the token will be able to do */
  actions: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type WizardOutput = z.infer<typeof WizardOutput>;

export const VerifySource = z.discriminatedUnion('kind', [
  /** the token a wizard plan created (its secret stayed in main) */
  z.object({ kind: z.literal('plan'), planId: PlanId }).strict(),
  z.object({ kind: z.literal('profile'), profileId: ProfileId }).strict(),
  z
    .object({
      kind: z.literal('token'),
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65535).optional(),
      fingerprint: z.string().min(64).max(100),
      tokenId: TokenId,
      secret: z.string().min(1).max(200),
    })
    .strict(),
]);
export type VerifySource = z.infer<typeof VerifySource>;

export const VerifyCheck = z.object({
  action: z.string(),
  label: z.string(),
  target: z.string(),
  allowed: z.boolean(),
  reason: z.string().optional(),
});
export const VerifyResult = z.object({
  identity: z.string(),
  passed: z.boolean(),
  checks: z.array(VerifyCheck),
  /** requirements not checkable in advance (e.g. the storage of a backup when the scope names none) */
  unchecked: z.array(z.string()),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const wizardRequests = {
  /** the commands (with an explanation per line) for a preset and scope; profileId picks the cluster's PVE version */
  'wizard.generate': request(
    WizardInput.extend({ profileId: ProfileId.optional(), major: Major.optional() }).strict(),
    WizardOutput,
  ),
  /** the setup as a confirm-diff plan for the connected identity; run it with plans.run */
  'wizard.plan': request(WizardInput.extend({ profileId: ProfileId }).strict(), Plan),
  /** connects with the new token and checks every capability of the preset against /access/permissions */
  'wizard.verify': request(
    z.object({ source: VerifySource, preset: PresetIdSchema, scope: WizardScope }).strict(),
    VerifyResult,
  ),
  /** saves the token a wizard plan created as a new profile (the secret goes from main to the keychain only) */
  'wizard.saveProfile': request(
    z.object({ planId: PlanId, name: z.string().trim().min(1).max(100) }).strict(),
    ProfileView,
  ),
} as const;
