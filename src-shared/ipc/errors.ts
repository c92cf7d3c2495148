// The typed error codes both sides of the IPC boundary understand, and the reply envelope.
import { z } from 'zod';

export const ERROR_CODES = [
  /** the IPC request itself was malformed (unknown channel, args failed the schema) */
  'bad_request',
  /** the PVE host could not be reached (DNS, refused, reset) */
  'unreachable',
  /** the server certificate does not match the pinned fingerprint */
  'tls_pin_mismatch',
  /** the certificate is not trusted and no pin exists yet: the user must decide (TOFU) */
  'tls_untrusted',
  'timeout',
  /** 401: bad token, bad password, expired ticket */
  'auth_failed',
  /** the server wants a TOTP code */
  'tfa_required',
  /** 403, with the path and privilege PVE named */
  'permission_denied',
  /** 400, with per-field messages */
  'bad_parameter',
  'not_found',
  /** locked guest, stale digest, already running ... */
  'conflict',
  'server_error',
  /** the PVE answer did not match the schema we expect */
  'bad_response',
  'read_only',
  'keychain_unavailable',
  /** a plan's target changed since it was built: re-plan */
  'stale_plan',
  'internal',
] as const;

export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** PVE path + privilege for permission_denied; field -> message for bad_parameter; etc. */
  details: z.record(z.string(), z.string()).optional(),
  /** HTTP status from PVE, when there was one */
  status: z.number().int().optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ReplySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppError }),
]);

/** Thrown by main-side services; the dispatcher turns it into {ok:false,error}. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'AppFailure';
  }

  toJSON(): AppError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.status !== undefined ? { status: this.status } : {}),
    };
  }
}
