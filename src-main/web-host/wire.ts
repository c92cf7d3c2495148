// The web host's WebSocket message shapes: {id, name, args} in, {id, reply} and {event, payload} out.
import { z } from 'zod';
import type { AppError, Reply } from '../../src-shared/ipc/errors.js';

export const MAX_MESSAGE_BYTES = 1024 * 1024;

const RequestId = z.union([
  z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  z.string().min(1).max(64),
]);

export const IncomingRequest = z
  .object({
    id: RequestId,
    name: z.string().max(200),
    args: z.unknown(),
  })
  .strict();
export type IncomingRequest = z.infer<typeof IncomingRequest>;

export interface OutgoingReply {
  id: z.infer<typeof RequestId> | null;
  reply: Reply<unknown>;
}

/** Parses one text frame; a malformed frame yields a typed error reply (with its id when one was readable). */
export function parseIncoming(
  text: string,
): { ok: true; request: IncomingRequest } | { ok: false; reply: OutgoingReply } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reply: badRequest(null, 'The message is not valid JSON') };
  }
  const parsed = IncomingRequest.safeParse(raw);
  if (parsed.success) return { ok: true, request: parsed.data };
  const id = RequestId.safeParse(
    typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined,
  );
  return {
    ok: false,
    reply: badRequest(id.success ? id.data : null, 'The message is not a {id, name, args} request'),
  };
}

export function badRequest(id: OutgoingReply['id'], message: string): OutgoingReply {
  const error: AppError = { code: 'bad_request', message };
  return { id, reply: { ok: false, error } };
}
