// Channels of the audit log: every plan Proxdeck ran (calls and result), and local changes: profile edits, pins,
// the read-only flag, console sessions.
import { z } from 'zod';
import { request } from '../define.js';

export const AuditEntry = z.object({
  time: z.string(),
  identity: z.string(),
  cluster: z.object({ profileId: z.string(), name: z.string(), host: z.string() }),
  planId: z.string(),
  title: z.string(),
  calls: z.array(
    z.object({ method: z.string(), path: z.string(), params: z.record(z.string(), z.unknown()) }),
  ),
  result: z.object({ state: z.string(), error: z.string().optional(), upids: z.array(z.string()) }),
  /** what kind of change: a PVE plan, or a local one (profile edit, pin, read-only flag, console session) */
  kind: z.enum(['plan', 'profile', 'pin', 'readOnly', 'console']).default('plan'),
  /** local changes: each field before → after (never a secret; a secret shows as "changed" or "dropped") */
  changes: z
    .array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
    .optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditRequests = {
  'audit.list': request(
    z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
    z.object({ entries: z.array(AuditEntry) }),
  ),
  /** the whole log as JSON lines, for a download */
  'audit.export': request(z.object({}).strict(), z.object({ filename: z.string(), content: z.string() })),
} as const;
