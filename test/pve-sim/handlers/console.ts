// Console endpoints: vncproxy (qemu, lxc), vncshell, vncwebsocket (WebSocket to a real QEMU VNC server), /access/vncticket.
import { z } from 'zod';
import type { Cluster } from '../cluster/types.js';
import {
  PveHttpError,
  permError,
  type HandlerRegistry,
  type Principal,
  type SimRequest,
} from '../http/types.js';
import type { AccessControl } from '../rbac/types.js';
import { ConsoleService, INVALID_VNC_TICKET, type ConsoleTarget } from '../vnc/console-service.js';
import type { ConsoleSessions } from '../vnc/console-sessions.js';
import type { VncPool } from '../vnc/vnc-pool.js';
import type { VncTicketSigner } from '../vnc/vnc-ticket.js';

export interface ConsoleDeps {
  cluster: Cluster;
  acl: AccessControl;
  /** owns the QEMU processes; the simulator's close() must await vnc.close() */
  vnc: VncPool;
  /** the simulator's current certificate (PEM), returned as `cert` */
  certPem: () => string;
  now?: () => number;
  /** shared with the termproxy handlers (test/pve-sim/term) */
  sessions?: ConsoleSessions;
  signer?: VncTicketSigner;
}

const guestParams = z.object({ node: z.string(), vmid: z.number().int(), websocket: z.number().optional() });
const nodeParams = z.object({ node: z.string(), websocket: z.number().optional() });
const wsParams = z.object({ port: z.number().int(), vncticket: z.string() });
const ticketCheckParams = z.object({
  authid: z.string(),
  vncticket: z.string(),
  path: z.string(),
  privs: z.string(),
  port: z.number().int().optional(),
});

function guestTarget(kind: 'qemu' | 'lxc', req: SimRequest): ConsoleTarget {
  const p = guestParams.parse(req.params);
  return { kind, node: p.node, vmid: p.vmid };
}

function nodeTarget(req: SimRequest): ConsoleTarget {
  return { kind: 'node', node: nodeParams.parse(req.params).node };
}

/** "user@realm!token" is a token principal, anything else a user. */
export function principalOf(authid: string): Principal {
  const bang = authid.indexOf('!');
  if (bang < 0) return { kind: 'user', userid: authid };
  return { kind: 'token', userid: authid.slice(0, bang), tokenid: authid.slice(bang + 1), full: authid };
}

export function registerConsoleHandlers(registry: HandlerRegistry, deps: ConsoleDeps): void {
  const service = new ConsoleService(deps);
  for (const kind of ['qemu', 'lxc'] as const) {
    const base = `/nodes/{node}/${kind}/{vmid}`;
    // qemu's display always uses VNC-protocol auth (password since 9.1.7); a container's vncterm only with websocket=1.
    registry.add('POST', `${base}/vncproxy`, (req) =>
      service.open(
        guestTarget(kind, req),
        req.principal,
        kind === 'qemu' || guestParams.parse(req.params).websocket === 1,
      ),
    );
    registry.add('GET', `${base}/vncwebsocket`, (req) => {
      const p = wsParams.parse(req.params);
      return service.check(guestTarget(kind, req), req.principal, p.port, p.vncticket);
    });
    registry.addUpgrade(`${base}/vncwebsocket`, (req, _ctx, raw) =>
      service.connect(guestTarget(kind, req), req.principal, wsParams.parse(req.params), raw),
    );
  }
  registry.add('POST', '/nodes/{node}/vncshell', (req) =>
    service.open(nodeTarget(req), req.principal, nodeParams.parse(req.params).websocket === 1),
  );
  registry.add('GET', '/nodes/{node}/vncwebsocket', (req) => {
    const p = wsParams.parse(req.params);
    return service.check(nodeTarget(req), req.principal, p.port, p.vncticket);
  });
  registry.addUpgrade('/nodes/{node}/vncwebsocket', (req, _ctx, raw) =>
    service.connect(nodeTarget(req), req.principal, wsParams.parse(req.params), raw),
  );
  registry.add('POST', '/access/vncticket', (req) => {
    const p = ticketCheckParams.parse(req.params);
    if (!service.ticketValid(p.vncticket, p.authid, p.path, p.port))
      throw new PveHttpError(401, INVALID_VNC_TICKET);
    const have = deps.acl.privileges(principalOf(p.authid), p.path);
    const missing = p.privs.split(/[,;\s]+/).filter((priv) => priv && !have.has(priv));
    if (missing.length > 0) throw permError();
    return null;
  });
}
