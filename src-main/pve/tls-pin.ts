// TLS trust for PVE hosts: certificate pinning (SHA-256) or CA validation, checked after every handshake.
// Verification is never switched off globally: the connector accepts the handshake, then we decide.
import { isIP } from 'node:net';
import tls from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { AppFailure } from '../../src-shared/ipc/errors.js';
import { normalizeFingerprint } from '../../src-shared/model/profile.js';
import type { CertificateInfo } from '../../src-shared/model/cluster-summary.js';

export interface TlsTrust {
  /** pinned SHA-256 fingerprint ("AA:BB:..."); when set, only this certificate is accepted */
  pin?: string;
  /** extra CA certificates (PEM) trusted in addition to the system store */
  extraCa?: string[];
}

export function caList(extra: string[] | undefined): string[] | undefined {
  return extra && extra.length > 0 ? [...tls.rootCertificates, ...extra] : undefined;
}

/**
 * Decides whether a finished handshake may be used. Throws tls_pin_mismatch / tls_untrusted;
 * both carry the presented fingerprint so the UI can show it for an explicit (re-)trust.
 */
export function verifyPeer(socket: tls.TLSSocket, trust: TlsTrust, target: string): string {
  const cert = socket.getPeerCertificate();
  const presented =
    cert && typeof cert.fingerprint256 === 'string' ? normalizeFingerprint(cert.fingerprint256) : undefined;
  if (!presented) {
    // A resumed session hides the certificate: fail closed rather than trust blindly.
    throw new AppFailure('tls_untrusted', `${target} presented no certificate`);
  }
  if (trust.pin) {
    const expected = normalizeFingerprint(trust.pin);
    if (presented !== expected) {
      throw new AppFailure(
        'tls_pin_mismatch',
        `The certificate of ${target} has changed since you trusted it. Check it before trusting the new one.`,
        { fingerprint: presented, expected: expected ?? trust.pin },
      );
    }
    return presented;
  }
  if (socket.authorized) return presented;
  throw new AppFailure('tls_untrusted', `${target} presented a certificate that is not trusted yet`, {
    fingerprint: presented,
    reason: String(socket.authorizationError ?? 'unknown'),
  });
}

/** An undici Agent whose every new connection is checked against the trust settings. */
export function createPinnedAgent(
  trust: TlsTrust,
  opts: { connectTimeoutMs?: number; onVerified?: (fp: string) => void } = {},
): Agent {
  const ca = caList(trust.extraCa);
  const base = buildConnector({
    rejectUnauthorized: false,
    maxCachedSessions: 0,
    timeout: opts.connectTimeoutMs ?? 10_000,
    ...(ca ? { ca } : {}),
  });
  return new Agent({
    connect(options, callback) {
      base(options, (err, socket) => {
        if (err || !socket) {
          callback(err ?? new Error('no socket'), null);
          return;
        }
        try {
          const fp = verifyPeer(socket as tls.TLSSocket, trust, `${options.hostname}:${options.port}`);
          opts.onVerified?.(fp);
          callback(null, socket);
        } catch (failure) {
          socket.destroy();
          callback(failure as Error, null);
        }
      });
    },
  });
}

function describeName(name: unknown): string {
  if (!name || typeof name !== 'object') return '';
  return Object.entries(name as Record<string, unknown>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

/**
 * Opens a raw TLS connection whose verification is the caller's (verifyPeer or a probe): resolves at the handshake,
 * a timeout or connection error becomes a typed failure. `label` names the host in messages (default host:port).
 */
export function connectTls(
  host: string,
  port: number,
  opts: { extraCa?: string[]; timeoutMs?: number; label?: string } = {},
): Promise<tls.TLSSocket> {
  const target = opts.label ?? `${host}:${port}`;
  return new Promise((resolve, reject) => {
    const ca = caList(opts.extraCa);
    const socket = tls.connect({
      host,
      port,
      rejectUnauthorized: false,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      ...(ca ? { ca } : {}),
    });
    const timer = setTimeout(
      () => fail(new AppFailure('timeout', `${target} did not answer in time`)),
      opts.timeoutMs ?? 10_000,
    );
    function fail(e: AppFailure): void {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    }
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    // stays attached after the handshake: a later error destroys the socket instead of going unhandled
    socket.once('error', (err: NodeJS.ErrnoException) => {
      fail(new AppFailure('unreachable', `Cannot reach ${target}${err.code ? ` (${err.code})` : ''}`));
    });
  });
}

/** Connects once to read the presented certificate (trust-on-first-use); sends no HTTP. */
export async function probeCertificate(
  host: string,
  port: number,
  opts: { extraCa?: string[]; timeoutMs?: number } = {},
): Promise<CertificateInfo> {
  const socket = await connectTls(host, port, opts);
  const cert = socket.getPeerCertificate();
  const fingerprint = cert?.fingerprint256 ? normalizeFingerprint(cert.fingerprint256) : undefined;
  socket.end();
  if (!fingerprint) throw new AppFailure('tls_untrusted', `${host}:${port} presented no certificate`);
  return {
    fingerprint,
    trustedByCa: socket.authorized,
    subject: describeName(cert.subject),
    issuer: describeName(cert.issuer),
    validFrom: cert.valid_from,
    validTo: cert.valid_to,
  };
}
