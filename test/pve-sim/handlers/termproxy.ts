// termproxy endpoints (node shell, container, VM serial terminal) and their share of vncwebsocket: an upgrade on a
// port a termproxy worker waits on goes to the fake shell, any other to the VNC handler registered before.
import { z } from 'zod';
import type { HandlerRegistry, SimRequest, UpgradeHandler } from '../http/types.js';
import { TermproxyService, type TermproxyDeps, type TermTarget } from '../term/termproxy-service.js';

const nodeParams = z.object({ node: z.string(), cmd: z.string().optional() });
const guestParams = z.object({ node: z.string(), vmid: z.number().int(), serial: z.string().optional() });
const wsParams = z.object({ port: z.number().int(), vncticket: z.string() });

function targetOf(kind: 'node' | 'qemu' | 'lxc', req: SimRequest): TermTarget {
  if (kind === 'node') {
    const p = nodeParams.parse(req.params);
    return { kind, node: p.node, ...(p.cmd !== undefined ? { cmd: p.cmd } : {}) };
  }
  const p = guestParams.parse(req.params);
  return { kind, node: p.node, vmid: p.vmid, ...(p.serial !== undefined ? { serial: p.serial } : {}) };
}

/** Register after registerConsoleHandlers: it wraps the vncwebsocket upgrades registered there. */
export function registerTermproxyHandlers(registry: HandlerRegistry, deps: TermproxyDeps): void {
  const service = new TermproxyService(deps);
  for (const kind of ['node', 'qemu', 'lxc'] as const) {
    const base = kind === 'node' ? '/nodes/{node}' : `/nodes/{node}/${kind}/{vmid}`;
    registry.add('POST', `${base}/termproxy`, (req) => service.open(targetOf(kind, req), req.principal));
    const vnc: UpgradeHandler | undefined = registry.getUpgrade(`${base}/vncwebsocket`);
    if (!vnc) throw new Error(`register the VNC console handlers before termproxy (${base}/vncwebsocket)`);
    registry.addUpgrade(`${base}/vncwebsocket`, (req, ctx, raw) => {
      const params = wsParams.parse(req.params);
      return service.owns(params.port)
        ? service.connect(targetOf(kind, req), req.principal, params, raw)
        : vnc(req, ctx, raw);
    });
  }
}
