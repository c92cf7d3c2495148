// Cluster connection profiles as stored on disk and shown in the connect screen (never secrets).
import { z } from 'zod';

/** SHA-256 certificate fingerprint as PVE shows it: 32 upper-case hex pairs joined by ':' */
export const Fingerprint = z
  .string()
  .transform((s) => normalizeFingerprint(s) ?? s)
  .pipe(z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'not a SHA-256 fingerprint'));

/** USER@REALM!TOKENID, as PVE names API tokens */
export const TokenId = z
  .string()
  .regex(/^[^\s:/@]+@[A-Za-z][A-Za-z0-9._-]+![A-Za-z][A-Za-z0-9._-]+$/, 'expected user@realm!tokenid');

export const ProfileAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token'), tokenId: TokenId }).strict(),
  z
    .object({
      kind: z.literal('password'),
      username: z
        .string()
        .regex(/^[^\s:/@]+$/, 'user name without @realm')
        .max(64),
      realm: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9._-]+$/)
        .max(32),
    })
    .strict(),
]);
export type ProfileAuth = z.infer<typeof ProfileAuth>;

const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'host name or IP address');

export const Profile = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    name: z.string().trim().min(1).max(100),
    host: Host,
    port: z.number().int().min(1).max(65535).default(8006),
    auth: ProfileAuth,
    pinnedFingerprint: Fingerprint.optional(),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .default('#3b82f6'),
    readOnly: z.boolean().default(false),
    /** shown first when several profiles reach the same cluster */
    primary: z.boolean().default(false),
  })
  .strict();
export type Profile = z.output<typeof Profile>;

/** What the connect screen sends to create or edit a profile; host may carry ":port". */
export const ProfileDraft = Profile.extend({
  id: Profile.shape.id.optional(),
  port: z.number().int().min(1).max(65535).optional(),
});
export type ProfileDraft = z.input<typeof ProfileDraft>;

/** A profile as the renderer sees it: plus whether a secret is stored, never the secret itself. */
export const ProfileView = Profile.extend({ hasSecret: z.boolean() });
export type ProfileView = z.output<typeof ProfileView>;

export function normalizeFingerprint(input: string): string | undefined {
  const hex = input.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return undefined;
  return hex.match(/../g)!.join(':');
}

/** Splits "host", "host:port", "[v6]:port" or "https://host:port/" into host and port. */
export function splitHostPort(input: string, defaultPort = 8006): { host: string; port: number } {
  let s = input.trim().replace(/^https?:\/\//i, '');
  s = s.replace(/\/.*$/, '');
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (v6) return { host: v6[1]!, port: v6[2] ? Number(v6[2]) : defaultPort };
  const m = /^([^:]+):(\d+)$/.exec(s);
  if (m) return { host: m[1]!, port: Number(m[2]) };
  return { host: s, port: defaultPort };
}
