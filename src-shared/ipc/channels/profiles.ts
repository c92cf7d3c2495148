// Channels for cluster profiles: list, save (takes a secret once, never returns it), delete, import from env.
import { z } from 'zod';
import { request } from '../define.js';
import { ProfileDraft, ProfileView } from '../../model/profile.js';

export const WritablePlan = z.object({
  planId: z.string(),
  profileId: z.string(),
  /** what happens, in words */
  summary: z.string(),
  /** the text to type to confirm: the profile's name */
  confirmWord: z.string(),
  expiresInMs: z.number().int().positive(),
});
export type WritablePlan = z.infer<typeof WritablePlan>;

export const profilesRequests = {
  'profiles.list': request(
    z.object({}).strict(),
    z.object({
      profiles: z.array(ProfileView),
      /** set when profiles.json was unreadable and was moved aside */
      loadProblem: z.string().optional(),
    }),
  ),
  'profiles.save': request(
    z
      .object({
        profile: ProfileDraft,
        /** token secret or password; stored in the OS keychain, never returned */
        secret: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    ProfileView,
  ),
  'profiles.delete': request(
    z.object({ id: z.string().min(1).max(64) }).strict(),
    z.object({ deleted: z.boolean() }),
  ),
  /**
   * Step one of making a read-only profile writable: answers what will change and the word to type. Clearing
   * the flag is never a field of profiles.save.
   */
  'profiles.planWritable': request(z.object({ profileId: z.string().min(1).max(64) }).strict(), WritablePlan),
  /** Step two: the user typed the profile's name; the flag is cleared once, recorded in the audit log. */
  'profiles.makeWritable': request(
    z.object({ planId: z.string().min(8).max(64), confirmText: z.string().max(200) }).strict(),
    ProfileView,
  ),
  /** PVE_HOST, PVE_TOKEN_ID, PVE_TOKEN_SECRET from main's environment; null when unset */
  'profiles.importEnv': request(z.object({}).strict(), ProfileView.nullable()),
} as const;

export const profilesEvents = {} as const;
