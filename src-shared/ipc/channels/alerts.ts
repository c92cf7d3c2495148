// Channels of the alerts feature: current problems with the overall health, the opt-in notification setting, and
// the events that carry a notification (alerts.raised), a health change, and a click on a desktop notification.
import { z } from 'zod';
import { event, request } from '../define.js';

export const AlertKind = z.enum([
  'node-offline',
  'ha-error',
  'task-failed',
  'backup-failed',
  'storage-full',
  'certificate-changed',
]);
export type AlertKind = z.infer<typeof AlertKind>;

/** What clicking an alert opens: a node or guest in the inventory, or a task's log. */
export const AlertTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('node'), clusterId: z.string(), node: z.string() }),
  z.object({
    kind: z.literal('guest'),
    clusterId: z.string(),
    guestType: z.enum(['qemu', 'lxc']),
    vmid: z.number().int(),
  }),
  z.object({ kind: z.literal('task'), clusterId: z.string(), upid: z.string() }),
  z.object({ kind: z.literal('cluster'), clusterId: z.string() }),
]);
export type AlertTarget = z.infer<typeof AlertTarget>;

/** amber: needs a look (storage filling, a failed task); red: something is down or untrusted */
export const Severity = z.enum(['amber', 'red']);
export type Severity = z.infer<typeof Severity>;

/** A condition that holds now (a node is offline) or a recent failure (a task failed in the last hour). */
export const Problem = z.object({
  /** stable per condition: the same node offline twice has the same key */
  key: z.string(),
  kind: AlertKind,
  severity: Severity,
  clusterId: z.string(),
  title: z.string(),
  detail: z.string(),
  /** ms since epoch when Proxdeck first saw it */
  since: z.number(),
  target: AlertTarget,
});
export type Problem = z.infer<typeof Problem>;

/** One transition: a problem began (raised) or ended (recovered). */
export const Alert = z.object({
  key: z.string(),
  kind: AlertKind,
  state: z.enum(['raised', 'recovered']),
  severity: Severity,
  clusterId: z.string(),
  title: z.string(),
  detail: z.string(),
  at: z.number(),
  target: AlertTarget,
});
export type Alert = z.infer<typeof Alert>;

export const Health = z.object({
  level: z.enum(['green', 'amber', 'red']),
  /** problems right now */
  count: z.number().int().min(0),
});
export type Health = z.infer<typeof Health>;

/** What one notification shows: a single alert, or several grouped into one. */
export const Notice = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** what a click opens (the single alert's item; a grouped notice opens the problem list) */
  target: AlertTarget.optional(),
  /** alerts folded into this notice */
  count: z.number().int().min(1),
});
export type Notice = z.infer<typeof Notice>;

export const AlertsSettings = z.object({ enabled: z.boolean() }).strict();
export type AlertsSettings = z.infer<typeof AlertsSettings>;

export const alertsRequests = {
  'alerts.problems': request(z.object({}).strict(), z.object({ problems: z.array(Problem), health: Health })),
  'alerts.settings': request(z.object({}).strict(), AlertsSettings),
  /** a setting of this app, kept in its config dir; nothing reaches PVE */
  'alerts.setSettings': request(AlertsSettings, AlertsSettings),
} as const;

export const alertsEvents = {
  /** one notification's worth of alerts (sent only while notifications are on) */
  'alerts.raised': event(z.object({ notice: Notice, alerts: z.array(Alert), health: Health })),
  /** the problem list changed (health indicator, tray) */
  'alerts.changed': event(z.object({ health: Health })),
  /** a desktop notification was clicked (Electron): the window opens its item */
  'alerts.opened': event(z.object({ target: AlertTarget.optional() })),
} as const;
