// Issue #14 rules that need no server: probe admission (saved/typed, link-local, rate), the probe record's TTL,
// audit redaction that keeps token ids, and the aggregated refusal log.
import { describe, expect, it } from 'vitest';
import {
  createProbeRecord,
  isLinkLocalOrMetadata,
  PROBE_RATE,
  PROBE_RECORD_TTL_MS,
} from '../../../src-main/features/connect/probe-record.js';
import { scrubParams } from '../../../src-main/plans/audit-log.js';
import { createRefusalLog } from '../../../src-main/web-host/refusal-log.js';

const FP = 'AA:'.repeat(31) + 'AA';

describe('probe rules', () => {
  it('refuses unsaved, untyped hosts and link-local/metadata unless typed', () => {
    const r = createProbeRecord();
    expect(() => r.admitProbe('10.0.0.1', 8006, { saved: false, userTyped: false })).toThrow(/not a saved/);
    expect(() => r.admitProbe('169.254.169.254', 80, { saved: true, userTyped: false })).toThrow(
      /link-local/,
    );
    expect(() => r.admitProbe('100.100.100.200', 80, { saved: true, userTyped: false })).toThrow(
      /link-local/,
    );
    expect(() => r.admitProbe('fe80::1', 8006, { saved: true, userTyped: false })).toThrow(/link-local/);
    expect(() => r.admitProbe('169.254.1.1', 8006, { saved: false, userTyped: true })).not.toThrow();
    expect(isLinkLocalOrMetadata('192.168.1.10')).toBe(false);
  });

  it('is rate-limited', () => {
    let t = 0;
    const r = createProbeRecord({ now: () => t });
    for (let i = 0; i < PROBE_RATE.max; i++) r.admitProbe('pve', 8006, { saved: true, userTyped: false });
    expect(() => r.admitProbe('pve', 8006, { saved: true, userTyped: false })).toThrow(/Too many/);
    t += PROBE_RATE.windowMs;
    expect(() => r.admitProbe('pve', 8006, { saved: true, userTyped: false })).not.toThrow();
  });

  it('remembers a fingerprint for exactly that host:port, for a while', () => {
    let t = 0;
    const r = createProbeRecord({ now: () => t });
    r.observe('pve', 8006, FP);
    expect(r.saw('pve', 8006, FP.toLowerCase())).toBe(true);
    expect(r.saw('pve', 8007, FP)).toBe(false);
    expect(r.saw('other', 8006, FP)).toBe(false);
    t += PROBE_RECORD_TTL_MS + 1;
    expect(r.saw('pve', 8006, FP)).toBe(false);
  });
});

describe('audit redaction', () => {
  it('keeps token ids (ACL "tokens") and redacts secrets', () => {
    const out = scrubParams({
      tokens: 'ops@pve!ops',
      tokenid: 'ops',
      password: 'x',
      'hmac-key': 'y',
      token: 'z',
      keyring: 'k',
    });
    expect(out).toEqual({
      tokens: 'ops@pve!ops',
      tokenid: 'ops',
      password: '[redacted]',
      'hmac-key': '[redacted]',
      token: '[redacted]',
      keyring: '[redacted]',
    });
  });
});

describe('refused upgrade log', () => {
  it('writes the first refusal of a window and one summary for the rest', () => {
    let t = 0;
    const lines: string[] = [];
    const log = createRefusalLog((l) => lines.push(l), { windowMs: 1000, now: () => t });
    for (let i = 0; i < 5000; i++) log(i % 2 ? 'bad_secret' : 'bad_origin');
    t += 1000;
    log('bad_secret');
    expect(lines).toEqual([
      '[proxdeck] refused a WebSocket connection: bad_origin',
      '[proxdeck] refused more WebSocket connections: 2500 × bad_secret, 2499 × bad_origin',
      '[proxdeck] refused a WebSocket connection: bad_secret',
    ]);
  });
});
