// Channels for the embedded consoles, noVNC (kind "vnc") and xterm.js (kind "term", PVE's termproxy): open (main
// connects to PVE and hands out a one-time loopback relay URL), close, a permission check, and the closed event.
import { z } from 'zod';
import { event, request } from '../define.js';
import { PveNode, PveVmid } from '../../model/pve-formats.js';

const Name = z.string().min(1).max(64);

/** A guest (qemu, lxc; vmid required) or a node shell (type "node", no vmid). */
export const ConsoleTargetArgs = z
  .object({
    profileId: Name,
    node: PveNode,
    type: z.enum(['qemu', 'lxc', 'node']),
    vmid: PveVmid.optional(),
    /** "vnc" (noVNC, the default) or "term" (a text terminal through termproxy) */
    kind: z.enum(['vnc', 'term']).optional(),
  })
  .strict()
  .refine((t) => (t.type === 'node') === (t.vmid === undefined), {
    message: 'vmid is required for qemu and lxc, and not allowed for a node shell',
    path: ['vmid'],
  });
export type ConsoleTargetArgs = z.infer<typeof ConsoleTargetArgs>;

export type ConsoleKind = NonNullable<ConsoleTargetArgs['kind']>;

/**
 * kind "vnc": the relay carries RFB, and vncPassword answers the VNC login. kind "term": main has done termproxy's
 * login ("user:ticket", "OK"); the relay then carries termproxy's client messages ("0:LEN:DATA", "1:COLS:ROWS:",
 * "2"), one per WebSocket message, towards PVE and the raw terminal output back.
 */
export const ConsoleOpened = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['vnc', 'term']).default('vnc'),
    /** ws://127.0.0.1:PORT/<one-time token>; valid for one connection within expiresInMs */
    relayUrl: z.string().regex(/^ws:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]+$/),
    /** the VNC password for this console only (as PVE's GUI hands to its page); never the API secret */
    vncPassword: z.string().min(1).optional(),
    expiresInMs: z.number().int().positive(),
    /** read-only profile: main relays no key, pointer or clipboard input; the viewer shows "View only" */
    viewOnly: z.boolean().default(false),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    /** the guest's name, for window titles (a node shell has none) */
    guestName: z.string().optional(),
  })
  .refine((o) => o.kind !== 'vnc' || o.vncPassword !== undefined, {
    message: 'a VNC console needs its password',
    path: ['vncPassword'],
  });
export type ConsoleOpened = z.infer<typeof ConsoleOpened>;

/** details.reason of the conflict failure console.open answers for a guest that is not running */
export const GUEST_STOPPED = 'guest_stopped';

export const consoleRequests = {
  'console.open': request(ConsoleTargetArgs, ConsoleOpened),
  'console.close': request(
    z.object({ id: z.string().min(1).max(64) }).strict(),
    z.object({ closed: z.boolean() }),
  ),
  /** may this profile open this console? VM.Console on /vms/ID, or Sys.Console on /nodes/NODE for a shell */
  'console.access': request(
    ConsoleTargetArgs,
    z.object({ allowed: z.boolean(), reason: z.string().optional() }),
  ),
} as const;

export const consoleEvents = {
  'console.closed': event(z.object({ id: z.string(), reason: z.string() })),
} as const;
