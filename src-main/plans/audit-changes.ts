// Audit-log entries for local changes that are not PVE plans: profile edits, pins, the read-only flag, consoles.
// Each says who (which app host), what, and every field before → after; secrets appear only as "changed"/"dropped".
import { randomUUID } from 'node:crypto';
import type { Profile } from '../../src-shared/model/profile.js';
import type { AuditLog } from './audit-log.js';

export type LocalChangeKind = 'profile' | 'pin' | 'readOnly' | 'console';
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface LocalChange {
  kind: LocalChangeKind;
  /** the app host the request came through: "electron" or "web" */
  via: string;
  profile: Pick<Profile, 'id' | 'name' | 'host' | 'port'>;
  title: string;
  changes: FieldChange[];
  state?: 'succeeded' | 'refused';
}

export type RecordChange = (change: LocalChange) => Promise<void>;

/** The fields of a profile an audit entry shows (auth as its user or token id). */
export function describeProfile(p: Profile | undefined): Record<string, string | null> {
  if (!p) return {};
  return {
    name: p.name,
    host: `${p.host}:${p.port}`,
    auth: p.auth.kind === 'token' ? `token ${p.auth.tokenId}` : `password ${p.auth.username}@${p.auth.realm}`,
    pin: p.pinnedFingerprint ?? null,
    readOnly: String(p.readOnly),
    color: p.color,
  };
}

export function diffFields(
  before: Record<string, string | null>,
  after: Record<string, string | null>,
): FieldChange[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].flatMap((field) => {
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    return b === a ? [] : [{ field, before: b, after: a }];
  });
}

export function createChangeRecorder(audit: AuditLog, now: () => Date = () => new Date()): RecordChange {
  return (c) =>
    audit
      .append({
        time: now().toISOString(),
        identity: `local user (${c.via})`,
        cluster: {
          profileId: c.profile.id,
          name: c.profile.name,
          host: `${c.profile.host}:${c.profile.port}`,
        },
        planId: `${c.kind}-${randomUUID()}`,
        title: c.title,
        calls: [],
        result: { state: c.state ?? 'succeeded', upids: [] },
        kind: c.kind,
        changes: c.changes,
      })
      .catch((err: unknown) =>
        console.error('[proxdeck] audit log write failed:', err instanceof Error ? err.message : err),
      );
}
