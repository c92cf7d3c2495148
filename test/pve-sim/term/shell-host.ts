// What the fake shell knows about where it runs, read through the simulator's own GET handlers as root would see
// it: host name and version of a node, a guest's name and uptime, and whether a VM has the serial port asked for.
import { z } from 'zod';
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import type { AccessControl } from '../rbac/types.js';
import type { ShellHost } from './fake-shell.js';
import type { TermTarget } from './termproxy-service.js';

const NodeStatus = z.object({ uptime: z.number(), pveversion: z.string() }).loose();
const GuestConfig = z
  .object({ name: z.string().optional(), hostname: z.string().optional(), vga: z.string().optional() })
  .catchall(z.unknown());
const GuestStatus = z.object({ uptime: z.number().optional() }).loose();

async function read(
  registry: HandlerRegistry,
  acl: AccessControl,
  template: string,
  params: Record<string, unknown>,
): Promise<unknown> {
  const handler = registry.get('GET', template);
  if (!handler) throw new Error(`the simulator has no GET ${template}`);
  const req: SimRequest = {
    method: 'GET',
    path: template.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k])),
    template,
    params,
    principal: { kind: 'user', userid: 'root@pam' },
  };
  return handler(req, { acl });
}

/** The serial port `qm terminal` would use: the one asked for, else the one vga points at, else serial0. */
function serialPort(target: TermTarget, vga: string | undefined): string {
  if (target.kind === 'qemu' && target.serial) return target.serial;
  return /^serial\d$/.exec(vga?.split(',')[0] ?? '')?.[0] ?? 'serial0';
}

/** undefined when the VM has no such serial port ("unable to find a serial interface"). */
export async function readShellHost(
  registry: HandlerRegistry,
  acl: AccessControl,
  target: TermTarget,
  user: string,
  now: () => number,
): Promise<ShellHost | undefined> {
  const since = now();
  const elapsed = (): number => (now() - since) / 1000;
  if (target.kind === 'node') {
    const s = NodeStatus.parse(await read(registry, acl, '/nodes/{node}/status', { node: target.node }));
    return {
      hostname: target.node,
      pveversion: s.pveversion,
      uptimeSeconds: () => s.uptime + elapsed(),
      login: user === 'root@pam' ? 'root' : 'prompt',
      now,
    };
  }
  const base = `/nodes/{node}/${target.kind}/{vmid}`;
  const params = { node: target.node, vmid: target.vmid };
  const conf = GuestConfig.parse(await read(registry, acl, `${base}/config`, params));
  if (target.kind === 'qemu' && conf[serialPort(target, conf.vga)] === undefined) return undefined;
  const status = GuestStatus.parse(await read(registry, acl, `${base}/status/current`, params));
  return {
    hostname: conf.hostname ?? conf.name ?? `${target.kind === 'lxc' ? 'CT' : 'VM'}${target.vmid}`,
    uptimeSeconds: () => (status.uptime ?? 0) + elapsed(),
    // the guest's own console: the simulator pretends it is logged in as root
    login: 'root',
    now,
  };
}
