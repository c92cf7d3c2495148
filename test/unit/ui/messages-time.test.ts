// Messages for people: zod and IPC validation text as sentences about the field; times relative when recent.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProfileDraft } from '../../../src-shared/model/profile.js';
import { PvePoolId, PveStorageId } from '../../../src-shared/model/pve-formats.js';
import { formatTime } from '../../../src-renderer/ui/time/format-time.js';
import {
  describePattern,
  detailSentences,
  issueSentences,
} from '../../../src-renderer/ui/messages/validation.js';

const JARGON = /expected|pattern|>=|<=|bad_request|invalid_/i;

describe('validation sentences', () => {
  it('describes a simple pattern in words', () => {
    expect(describePattern('^[A-Za-z0-9_.-]{1,64}$')).toBe('letters, digits, _ . -, up to 64 characters');
  });

  it('turns a pool-name pattern failure into a sentence about the field', () => {
    const parsed = z.object({ pool: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/) }).safeParse({ pool: 'a b' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(issueSentences(parsed.error.issues)).toEqual({
      pool: 'Pool name: letters, digits, _ . -, up to 64 characters',
    });
  });

  it('words the PVE name formats of the contract (bad_request details) as sentences', () => {
    expect(detailSentences({ node: 'pve-node' })).toEqual([
      'Node: letters, digits and hyphens, starting and ending with a letter or digit',
    ]);
    expect(detailSentences({ 'guest.vmid': 'pve-vmid', snapname: 'pve-configid' })).toEqual([
      'Guest id: a whole number from 100 to 999999999',
      'Snapshot name: a letter, then letters, digits, - or _ (at least 2 characters)',
    ]);
    const parsed = z
      .object({ storage: PveStorageId, pool: PvePoolId })
      .safeParse({ storage: '..', pool: '.' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    for (const s of Object.values(issueSentences(parsed.error.issues))) expect(s).not.toMatch(/pve-/);
  });

  it('words an empty profile without schema jargon', () => {
    const parsed = ProfileDraft.safeParse({ name: '', host: '', auth: { kind: 'token', tokenId: 'x' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const sentences = issueSentences(parsed.error.issues);
    expect(sentences.name).toBe('Name is required');
    expect(sentences.tokenId).toBe('Token id should look like user@realm!tokenid');
    for (const s of Object.values(sentences)) expect(s).not.toMatch(JARGON);
  });

  it('rewords IPC bad_request details (zod text from main)', () => {
    const sentences = detailSentences({
      'action.pool': 'Invalid string: must match pattern /^[A-Za-z0-9_.-]{1,64}$/',
      'action.name': 'Too small: expected string to have >=1 characters',
      'action.memory': 'Invalid input: expected number, received string',
    });
    expect(sentences).toEqual([
      'Pool name: letters, digits, _ . -, up to 64 characters',
      'Name is required',
      'Memory must be a number',
    ]);
  });
});

describe('formatTime', () => {
  const now = Date.UTC(2026, 11, 4, 12, 0, 0);
  it('is relative when recent and exact on hover', () => {
    const t = formatTime(now - 3 * 60_000, now);
    expect(t.text).toBe('3 min ago');
    expect(t.exact).toMatch(/2026/);
    expect(formatTime(now - 10_000, now).text).toBe('just now');
    expect(formatTime((now - 2 * 3_600_000) / 1000, now).text).toBe('2 h ago');
  });

  it('reads RFC-1123 strings and shows old dates as local dates', () => {
    const t = formatTime('Tue, 02 Dec 2025 10:00:00 GMT', now);
    expect(t.iso).toBe('2025-12-02T10:00:00.000Z');
    expect(t.text).toMatch(/2025/);
  });
});
