// Console endpoints: vncproxy for guests, vncshell for nodes, the vncwebsocket path, and the guest's run state
// (asked first so a stopped guest is reported as such instead of as a dropped WebSocket).
import { z } from 'zod';
import { pveInt, pvePath, pveSend, type PveCaller } from './caller.js';
import { getGuestStatus } from './guests.js';

export type ConsoleTarget =
  { kind: 'qemu' | 'lxc'; node: string; vmid: number } | { kind: 'node'; node: string };

/** What vncproxy / vncshell answer with websocket=1. `password` exists since qemu-server 9.1.7. */
export const VncProxyReply = z.object({
  user: z.string(),
  ticket: z.string().min(1),
  port: pveInt,
  password: z.string().optional(),
  cert: z.string().optional(),
  upid: z.string(),
});
export type VncProxyReply = z.output<typeof VncProxyReply>;

const targetBase = (t: ConsoleTarget): string =>
  t.kind === 'node' ? pvePath`/nodes/${t.node}` : pvePath`/nodes/${t.node}/${t.kind}/${t.vmid}`;

/** Starts the VNC proxy worker for a guest (vncproxy) or a node shell (vncshell). */
export function openVncProxy(c: PveCaller, target: ConsoleTarget): Promise<VncProxyReply> {
  const path = `${targetBase(target)}/${target.kind === 'node' ? 'vncshell' : 'vncproxy'}`;
  return pveSend(c, 'POST', path, VncProxyReply, { websocket: 1 });
}

/** Path (below /api2/json) and query of the WebSocket that carries the RFB stream for a proxy reply. */
export function vncWebSocketPath(
  target: ConsoleTarget,
  reply: Pick<VncProxyReply, 'port' | 'ticket'>,
): string {
  const query = new URLSearchParams({ port: String(reply.port), vncticket: reply.ticket });
  return `${targetBase(target)}/vncwebsocket?${query.toString()}`;
}

/** The VNC password noVNC must answer with: the generated password, else the ticket (PVE before 9.1.7). */
export function vncPasswordOf(reply: VncProxyReply): string {
  return reply.password ?? reply.ticket;
}

/**
 * The guest's state ("running", "stopped", or PVE's other states; qemu's "paused" shows in qmpstatus) and its name
 * (for window titles). The GET lives in guests.ts.
 */
export async function getGuestRunState(
  c: PveCaller,
  target: Extract<ConsoleTarget, { vmid: number }>,
  signal?: AbortSignal,
): Promise<{ state: string; name?: string }> {
  const s = await getGuestStatus(c, { node: target.node, type: target.kind, vmid: target.vmid }, signal);
  const state = s.qmpstatus && s.status === 'running' ? s.qmpstatus : s.status;
  return s.name !== undefined ? { state, name: s.name } : { state };
}

/** What termproxy answers: a ticket bound to the user, the path and the port; no VNC password, no certificate. */
export const TermProxyReply = z.object({
  user: z.string().min(1),
  ticket: z.string().min(1),
  port: pveInt,
  upid: z.string(),
});
export type TermProxyReply = z.output<typeof TermProxyReply>;

/** Starts a termproxy worker: a node's login shell, a container's console, or a VM's serial terminal. */
export function openTermProxy(c: PveCaller, target: ConsoleTarget): Promise<TermProxyReply> {
  return pveSend(c, 'POST', `${targetBase(target)}/termproxy`, TermProxyReply);
}
