// Main-side handlers for tasks.list/follow/unfollow and nodeLogs.*: task history, followed tasks' progress events,
// and a node's syslog, journal and services.
import type { Handlers } from '../../ipc/dispatch.js';
import type { EventBus } from '../../ipc/event-bus.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getJournal, getSyslog, listServices } from '../../pve/api/node-logs.js';
import { createTaskFollower, listTasks } from './task-service.js';

type TaskName =
  'tasks.list' | 'tasks.follow' | 'tasks.unfollow' | Extract<keyof Handlers, `nodeLogs.${string}`>;

export interface TasksDeps {
  clientFor(profileId: string): PveCaller;
  events: Pick<EventBus, 'emit'>;
  taskIntervalMs?: number;
}

export function createTasks(deps: TasksDeps): { handlers: Pick<Handlers, TaskName>; dispose(): void } {
  const follower = createTaskFollower((p) => deps.events.emit('tasks.progressed', p), deps.taskIntervalMs);
  const handlers: Pick<Handlers, TaskName> = {
    'tasks.list': async ({ profileId, node, filter }) => listTasks(deps.clientFor(profileId), node, filter),
    'tasks.follow': async ({ profileId, upid }) => ({
      following: follower.follow(profileId, deps.clientFor(profileId), upid),
    }),
    'tasks.unfollow': async ({ profileId, upid }) => {
      follower.unfollow(profileId, upid);
      return { following: false };
    },
    'nodeLogs.syslog': async ({ profileId, node, start, limit, service }) =>
      getSyslog(deps.clientFor(profileId), node, {
        ...(start !== undefined ? { start } : {}),
        limit: limit ?? 500,
        ...(service ? { service } : {}),
      }),
    'nodeLogs.journal': async ({ profileId, node, lastentries }) => ({
      lines: (await getJournal(deps.clientFor(profileId), node, lastentries)).lines,
    }),
    'nodeLogs.services': async ({ profileId, node }) => ({
      services: await listServices(deps.clientFor(profileId), node),
    }),
  };
  return { handlers, dispose: () => follower.dispose() };
}
