// What main itself saw on TLS handshakes (host:port → fingerprint, for a short while), and the rules for probing:
// a pin may only come from this record, and connect.probe is no general scanner (saved or typed hosts, rate-limited,
// no link-local or cloud metadata addresses unless the user typed them).
import { isIP } from 'node:net';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { normalizeFingerprint } from '../../../src-shared/model/profile.js';

/** A probe result stays usable for a pin this long: enough for the user to read and confirm it. */
export const PROBE_RECORD_TTL_MS = 10 * 60 * 1000;
/** At most this many probes per window, for every caller together. */
export const PROBE_RATE = { max: 20, windowMs: 60_000 } as const;

export interface ProbeRecord {
  /** remembers what main observed on a handshake with exactly this host:port */
  observe(host: string, port: number, fingerprint: string): void;
  /** true when main saw this fingerprint on host:port within the TTL */
  saw(host: string, port: number, fingerprint: string): boolean;
  /** refuses a probe the rules do not allow (throws AppFailure) */
  admitProbe(host: string, port: number, opts: { saved: boolean; userTyped: boolean }): void;
}

export function hostKey(host: string, port: number): string {
  return `${host.toLowerCase().replace(/^\[|\]$/g, '')}:${port}`;
}

function ipv4Octets(host: string): number[] | undefined {
  if (isIP(host) !== 4) return undefined;
  return host.split('.').map(Number);
}

/** Link-local (169.254/16, fe80::/10) and the cloud metadata addresses that live outside those ranges. */
export function isLinkLocalOrMetadata(rawHost: string): boolean {
  const host = rawHost.toLowerCase().replace(/^\[|\]$/g, '');
  const v4 = ipv4Octets(host) ?? ipv4Octets(host.replace(/^::ffff:/, ''));
  if (v4) {
    const [a, b, c, d] = v4;
    if (a === 169 && b === 254) return true;
    // Alibaba Cloud's metadata service
    if (a === 100 && b === 100 && c === 100 && d === 200) return true;
    return false;
  }
  if (isIP(host) === 6) {
    const first = parseInt(host.split(':')[0] || '0', 16);
    // fe80::/10, and AWS's IPv6 metadata address fd00:ec2::254
    return (first & 0xffc0) === 0xfe80 || /^fd00:ec2::254$/.test(host);
  }
  return host === 'metadata.google.internal' || host === 'metadata';
}

export function createProbeRecord(opts: { now?: () => number } = {}): ProbeRecord {
  const now = opts.now ?? Date.now;
  const seen = new Map<string, { fingerprint: string; at: number }>();
  let window = { start: 0, count: 0 };

  return {
    observe(host, port, fingerprint) {
      const fp = normalizeFingerprint(fingerprint);
      if (fp) seen.set(hostKey(host, port), { fingerprint: fp, at: now() });
      for (const [key, entry] of seen) if (now() - entry.at > PROBE_RECORD_TTL_MS) seen.delete(key);
    },
    saw(host, port, fingerprint) {
      const entry = seen.get(hostKey(host, port));
      const fp = normalizeFingerprint(fingerprint);
      return !!entry && !!fp && entry.fingerprint === fp && now() - entry.at <= PROBE_RECORD_TTL_MS;
    },
    admitProbe(host, port, { saved, userTyped }) {
      if (!saved && !userTyped)
        throw new AppFailure(
          'bad_request',
          `${host}:${port} is not a saved cluster: only the address typed in the connect form can be checked`,
        );
      if (!userTyped && isLinkLocalOrMetadata(host))
        throw new AppFailure('bad_request', `${host} is a link-local or cloud metadata address`);
      const t = now();
      if (t - window.start >= PROBE_RATE.windowMs) window = { start: t, count: 0 };
      if (window.count >= PROBE_RATE.max)
        throw new AppFailure('conflict', 'Too many certificate checks in a short time: wait a minute');
      window.count++;
    },
  };
}
