// The contract between the simulator's HTTP core, its RBAC engine and its endpoint handlers.
import type { AccessControl } from '../rbac/types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who is calling: a user authenticated by ticket, or an API token. */
export type Principal =
  { kind: 'user'; userid: string } | { kind: 'token'; userid: string; tokenid: string; full: string };

/** The schema's `permissions` object for one endpoint (undefined = root@pam only). */
export interface SchemaPermissions {
  check?: unknown[];
  user?: 'all' | 'world' | string;
  description?: string;
}

/** A request after routing, auth, permission check and parameter validation. */
export interface SimRequest {
  method: HttpMethod;
  /** the concrete path after /api2/json, e.g. /nodes/pve1/qemu/100/status/current */
  path: string;
  /** the schema template, e.g. /nodes/{node}/qemu/{vmid}/status/current */
  template: string;
  /** merged, validated and type-converted params: path vars + query + body (integers as numbers, booleans as 0/1 numbers) */
  params: Record<string, unknown>;
  /** undefined only for the 'world' endpoints */
  principal: Principal | undefined;
}

/** What a handler returns: the value that goes into {"data": ...}, plus optional top-level extras. */
export type HandlerResult = unknown | { __envelope: true; data: unknown; total?: number; changes?: unknown };

export interface HandlerContext {
  acl: AccessControl;
  /** log line written to PVE_SIM_LOG etc. is handled by the core */
}

export type Handler = (req: SimRequest, ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;

/** Handlers are registered per schema template + method; anything unregistered answers 501. */
export interface HandlerRegistry {
  add(method: HttpMethod, template: string, handler: Handler): void;
  get(method: HttpMethod, template: string): Handler | undefined;
  /**
   * WebSocket upgrade on a GET template (vncwebsocket). The core authenticates, permission-checks
   * and validates params exactly as for a plain GET, then hands over the raw socket.
   */
  addUpgrade(template: string, handler: UpgradeHandler): void;
  getUpgrade(template: string): UpgradeHandler | undefined;
}

export type UpgradeHandler = (
  req: SimRequest,
  ctx: HandlerContext,
  raw: { request: import('node:http').IncomingMessage; socket: import('node:stream').Duplex; head: Buffer },
) => void | Promise<void>;

/**
 * The one error type handlers throw. The core turns it into PVE's exact envelope:
 * {"data":null,"message":message,"errors":errors?}, status line = first line of message.
 * Throw with status 500 for guest-state errors ("VM 100 is running - destroy failed\n" style),
 * 400 with errors for parameter errors, 403 for permission errors.
 */
export class PveHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
  ) {
    super(message);
  }
}

/** 400 "Parameter verification failed.\n" with per-field errors. */
export function paramError(errors: Record<string, string>): PveHttpError {
  return new PveHttpError(400, 'Parameter verification failed.\n', errors);
}

/** 403 "Permission check failed (<path>, <priv>)\n", or bare when path is omitted. */
export function permError(path?: string, priv?: string): PveHttpError {
  return new PveHttpError(
    403,
    path ? `Permission check failed (${path}, ${priv})\n` : 'Permission check failed\n',
  );
}

/** PVE's proxy stage for a name that is not a cluster node (pve-cluster remote_node_ip) */
export function unknownNodeError(node: string): PveHttpError {
  return new PveHttpError(
    500,
    `hostname lookup '${node}' failed - failed to get address info for: ${node}: Name or service not known\n`,
  );
}

/** the proxy stage for a node that is down: AnyEvent::HTTP's status 595 with the connect error as reason */
export function nodeUnreachableError(): PveHttpError {
  return new PveHttpError(595, 'No route to host\n');
}

/**
 * A handler may return already-serialised JSON for `data` (e.g. a cached /cluster/resources list)
 * so the core skips JSON.stringify on hot, large answers.
 */
export interface RawJsonResult {
  __rawJson: string;
}

export function rawJson(json: string): RawJsonResult {
  return { __rawJson: json };
}
