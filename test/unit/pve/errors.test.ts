// PVE answers and transport errors mapped to the typed taxonomy, with PVE's exact texts.
import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { failureFromResponse, failureFromTransport, isTransient } from '../../../src-main/pve/errors.js';
import { keychainFailure } from '../../../src-main/secrets/keychain.js';
import { forgetSecret, redact, registerSecret } from '../../../src-main/secrets/redact.js';
import { backoffDelay } from '../../../src-main/pve/retry.js';

const ctx = { target: 'pve:8006', timedOut: false, mutation: false };

describe('failureFromResponse', () => {
  it.each([
    [401, 'Authentication failed!', null, 'auth_failed'],
    [
      403,
      'Permission check failed',
      { message: 'Permission check failed (/vms/100, VM.PowerMgmt)\n' },
      'permission_denied',
    ],
    [
      400,
      'Parameter verification failed.',
      { message: 'Parameter verification failed.\n', errors: { vmid: 'type check failed\n' } },
      'bad_parameter',
    ],
    [
      500,
      'x',
      { message: "Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist\n" },
      'not_found',
    ],
    [500, 'x', { message: 'VM is locked (backup)\n' }, 'conflict'],
    [500, 'x', { message: 'CT 101 already running\n' }, 'conflict'],
    [
      500,
      'x',
      { message: 'detected modified configuration - file changed by other user? Try again.\n' },
      'conflict',
    ],
    [500, 'x', { message: 'something broke\n' }, 'server_error'],
    [501, "Method 'DELETE /nodes' not implemented", null, 'server_error'],
  ])('%i %s → %s', (status, text, body, code) => {
    expect(failureFromResponse(status, text, body).code).toBe(code);
  });

  it('carries path and privilege of a 403, and per-field texts of a 400', () => {
    expect(
      failureFromResponse(403, '', {
        message: 'Permission check failed (/vms/100, VM.Config.Disk|VM.Config.CDROM)\n',
      }).details,
    ).toEqual({
      path: '/vms/100',
      privilege: 'VM.Config.Disk|VM.Config.CDROM',
    });
    expect(
      failureFromResponse(400, '', {
        message: 'Parameter verification failed.\n',
        errors: { name: 'invalid format\n' },
      }).details,
    ).toEqual({ name: 'invalid format' });
  });

  it('retries only transient server errors', () => {
    expect(isTransient(failureFromResponse(503, 'Service Unavailable', null))).toBe(true);
    expect(isTransient(failureFromResponse(501, 'x', null))).toBe(false);
    expect(isTransient(failureFromResponse(500, 'x', { message: 'VM 100 not running\n' }))).toBe(false);
  });
});

describe('failureFromTransport', () => {
  it('keeps an AppFailure found in the cause chain', () => {
    const pin = new AppFailure('tls_pin_mismatch', 'changed');
    expect(failureFromTransport(Object.assign(new Error('fetch failed'), { cause: pin }), ctx)).toBe(pin);
  });
  it('maps refused, timed out, and marks a mutation as possibly sent', () => {
    expect(failureFromTransport(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), ctx).code).toBe(
      'unreachable',
    );
    expect(failureFromTransport(new Error('aborted'), { ...ctx, timedOut: true }).code).toBe('timeout');
    const f = failureFromTransport(Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }), {
      ...ctx,
      mutation: true,
    });
    expect(f.details).toEqual({ requestSent: 'unknown' });
  });
});

describe('keychain errors and redaction', () => {
  it('maps the keyring texts to keychain_unavailable', () => {
    expect(keychainFailure(new Error("Couldn't access platform storage: AccessDenied")).message).toMatch(
      /No OS keychain/,
    );
    expect(
      keychainFailure(
        new Error("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"),
      ).message,
    ).toMatch(/locked/);
  });
  it('scrubs registered secrets in plain and URL-encoded form', () => {
    registerSecret('s3cr3t/value+x');
    expect(redact('a s3cr3t/value+x b s3cr3t%2Fvalue%2Bx')).toBe('a [redacted] b [redacted]');
    forgetSecret('s3cr3t/value+x');
    expect(redact('s3cr3t/value+x')).toBe('s3cr3t/value+x');
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    const p = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(p, 0, () => 0)).toBe(50);
    expect(backoffDelay(p, 2, () => 1)).toBe(400);
    expect(backoffDelay(p, 10, () => 1)).toBe(1000);
  });
});
