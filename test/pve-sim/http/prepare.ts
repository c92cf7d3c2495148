// Request pipeline up to the handler: route (501), auth (401), token check and permissions (403), params (400).
import type { IncomingHttpHeaders } from 'node:http';
import type { AccessControl } from '../rbac/types.js';
import type { Router } from '../schema/router.js';
import { checkObject, type Errors, type ObjectSchema } from '../schema/validate.js';
import { authenticate } from './auth.js';
import type { TicketSigner } from './tickets.js';
import {
  type HttpMethod,
  nodeUnreachableError,
  paramError,
  PveHttpError,
  type SchemaPermissions,
  type SimRequest,
  unknownNodeError,
} from './types.js';

export interface CoreDeps {
  router: Router;
  validating: boolean;
  acl: AccessControl;
  tickets: TicketSigner;
  now: () => number;
  /** the proxy stage: unknown names fail like PVE's hostname lookup, offline nodes with 595 */
  nodes?: { hasNode(node: string): boolean; nodeOnline(node: string): boolean };
}

/** a 401 carries no body; the core delays it */
export class AuthFailure extends Error {}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'DELETE']);
const CSRF_EXEMPT = new Set<string>(['POST /nodes/{node}/storage/{storage}/upload']);

export function tokenRefusal(relPath: string): PveHttpError {
  return new PveHttpError(
    403,
    `Permission check failed (URI '${relPath}' not available with API token, need proper ticket.\n)`,
  );
}

export function prepareRequest(
  deps: CoreDeps,
  method: string,
  relPath: string,
  headers: IncomingHttpHeaders,
  input: { params: Record<string, unknown>; json: boolean },
): SimRequest {
  const route = deps.router.match(relPath);
  const info = METHODS.has(method) ? route?.info[method] : undefined;
  if (!route || (!info && deps.validating)) {
    throw new PveHttpError(501, `Method '${method} ${relPath}' not implemented`);
  }
  const perms = info?.permissions as SchemaPermissions | undefined;
  const world = perms?.user === 'world';
  let principal: SimRequest['principal'];
  if (!world) {
    const auth = authenticate(headers, method, deps, CSRF_EXEMPT.has(`${method} ${route.template}`));
    if (!auth.ok) throw new AuthFailure(auth.reason);
    principal = auth.principal;
    if (info?.allowtoken === 0 && principal.kind === 'token') throw tokenRefusal(relPath);
  }
  const errors: Errors = {};
  const raw: Record<string, unknown> = { ...input.params };
  for (const [k, v] of Object.entries(route.vars)) {
    if (raw[k] !== undefined && String(raw[k]) !== v) {
      errors[k] = 'duplicate parameter (already defined in URI) with conflicting values!';
    }
    raw[k] = v;
  }
  if (Object.keys(errors).length > 0) throw paramError(errors);
  if (!world && deps.validating) {
    const verdict = deps.acl.check(perms, principal, raw);
    if (!verdict.ok) throw new PveHttpError(verdict.status ?? 403, verdict.message);
  }
  const proxyto = info?.proxyto;
  const node = typeof proxyto === 'string' ? raw[proxyto] : undefined;
  if (deps.nodes && typeof node === 'string' && node !== 'localhost') {
    if (!deps.nodes.hasNode(node)) throw unknownNodeError(node);
    if (!deps.nodes.nodeOnline(node)) throw nodeUnreachableError();
  }
  let params = raw;
  if (deps.validating && info) {
    const schema = (info.parameters ?? {}) as ObjectSchema;
    params = checkObject(schema, raw, errors, { json: input.json });
    if (Object.keys(errors).length > 0) throw paramError(errors);
  }
  return { method: method as HttpMethod, path: relPath, template: route.template, params, principal };
}
