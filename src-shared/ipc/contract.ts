// The one typed IPC contract: every request the renderer can make and every event main can push.
// Each area declares its channels in ./channels/<area>.ts; this file is the single place they meet.
import type { z } from 'zod';
import type { EventDef, RequestDef } from './define.js';
import { appEvents, appRequests } from './channels/app.js';
import { connectEvents, connectRequests } from './channels/connect.js';
import { profilesEvents, profilesRequests } from './channels/profiles.js';
import { tasksEvents, tasksRequests } from './channels/tasks.js';
import { inventoryEvents, inventoryRequests } from './channels/inventory.js';
import { consoleEvents, consoleRequests } from './channels/console.js';
import { plansEvents, plansRequests } from './channels/plans.js';
import { auditRequests } from './channels/audit.js';
import { snapshotsRequests } from './channels/snapshots.js';
import { guestConfigRequests } from './channels/guest-config.js';
import { permissionsEvents, permissionsRequests } from './channels/permissions.js';
import { wizardRequests } from './channels/wizard.js';
import { operationsRequests } from './channels/operations.js';
import { backupsRequests } from './channels/backups.js';
import { haRequests } from './channels/ha.js';
import { migrateRequests } from './channels/migrate.js';
import { provisionRequests } from './channels/provision.js';
import { firewallRequests } from './channels/firewall.js';
import { sdnRequests } from './channels/sdn.js';
import { cephRequests } from './channels/ceph.js';
import { replicationRequests } from './channels/replication.js';
import { agentRequests } from './channels/agent.js';
import { storageEvents, storageRequests } from './channels/storage.js';
import { maintenanceRequests } from './channels/maintenance.js';
import { updatesRequests } from './channels/updates.js';
import { alertsEvents, alertsRequests } from './channels/alerts.js';
import { snapshotPolicyRequests } from './channels/snapshot-policy.js';
import { coverageRequests } from './channels/coverage.js';

export const requests = {
  ...appRequests,
  ...profilesRequests,
  ...connectRequests,
  ...tasksRequests,
  ...inventoryRequests,
  ...consoleRequests,
  ...plansRequests,
  ...auditRequests,
  ...snapshotsRequests,
  ...guestConfigRequests,
  ...permissionsRequests,
  ...wizardRequests,
  ...operationsRequests,
  ...backupsRequests,
  ...haRequests,
  ...migrateRequests,
  ...provisionRequests,
  ...firewallRequests,
  ...sdnRequests,
  ...cephRequests,
  ...replicationRequests,
  ...agentRequests,
  ...storageRequests,
  ...maintenanceRequests,
  ...updatesRequests,
  ...alertsRequests,
  ...snapshotPolicyRequests,
  ...coverageRequests,
} as const satisfies Record<string, RequestDef>;

export const events = {
  ...appEvents,
  ...profilesEvents,
  ...connectEvents,
  ...tasksEvents,
  ...inventoryEvents,
  ...consoleEvents,
  ...plansEvents,
  ...permissionsEvents,
  ...storageEvents,
  ...alertsEvents,
} as const satisfies Record<string, EventDef>;

export type Requests = typeof requests;
export type Events = typeof events;
export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestArgs<N extends RequestName> = z.input<Requests[N]['args']>;
export type RequestResult<N extends RequestName> = z.output<Requests[N]['result']>;
export type EventPayload<N extends EventName> = z.output<Events[N]['payload']>;

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requests, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** What main exposes to the renderer: the preload and the web-host bridge both implement this. */
export interface ProxdeckBridge {
  invoke<N extends RequestName>(
    name: N,
    args: RequestArgs<N>,
  ): Promise<import('./errors.js').Reply<RequestResult<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}
