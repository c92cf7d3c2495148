// Channels of the tasks feature: cluster and node task lists with filters, following one task's log (as tasks.progressed
// events), node syslog and journal, and node services.
import { z } from 'zod';
import { event, request } from '../define.js';
import { PveNode, PveVmid } from '../../model/pve-formats.js';
import { TaskLogLine, TaskProgress } from '../../model/task.js';

const ProfileId = z.string().min(1).max(64);
const NodeName = PveNode;
const Upid = z.string().regex(/^UPID:[^\s]{10,400}$/);

export const TaskStatusClass = z.enum(['running', 'ok', 'warning', 'error']);
export type TaskStatusClass = z.infer<typeof TaskStatusClass>;

export const TaskFilter = z
  .object({
    status: TaskStatusClass.optional(),
    type: z
      .string()
      .regex(/^[a-z_-]{1,32}$/)
      .optional(),
    user: z.string().max(128).optional(),
    vmid: PveVmid.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type TaskFilter = z.infer<typeof TaskFilter>;

export const TaskListEntry = z.object({
  upid: z.string(),
  node: z.string(),
  type: z.string(),
  id: z.string(),
  user: z.string(),
  starttime: z.number(),
  endtime: z.number().optional(),
  running: z.boolean(),
  status: z.string().optional(),
  statusClass: TaskStatusClass,
});
export type TaskListEntry = z.infer<typeof TaskListEntry>;

export const ServiceEntry = z.object({
  service: z.string(),
  name: z.string(),
  desc: z.string(),
  state: z.string(),
  activeState: z.string(),
  unitState: z.string(),
});
export type ServiceEntry = z.infer<typeof ServiceEntry>;

export const tasksRequests = {
  /** without node: the cluster's recent tasks (/cluster/tasks, filtered here); with node: PVE's filtered node list */
  'tasks.list': request(
    z.object({ profileId: ProfileId, node: NodeName.optional(), filter: TaskFilter }).strict(),
    z.object({ tasks: z.array(TaskListEntry), total: z.number() }),
  ),
  /** streams the task's whole log, then new lines, as tasks.progressed events until it stops or is unfollowed */
  'tasks.follow': request(
    z.object({ profileId: ProfileId, upid: Upid }).strict(),
    z.object({ following: z.boolean() }),
  ),
  'tasks.unfollow': request(
    z.object({ profileId: ProfileId, upid: Upid }).strict(),
    z.object({ following: z.boolean() }),
  ),
  'nodeLogs.syslog': request(
    z
      .object({
        profileId: ProfileId,
        node: NodeName,
        start: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
        service: z.string().max(128).optional(),
      })
      .strict(),
    z.object({ lines: z.array(TaskLogLine), total: z.number() }),
  ),
  'nodeLogs.journal': request(
    z
      .object({ profileId: ProfileId, node: NodeName, lastentries: z.number().int().min(1).max(10_000) })
      .strict(),
    z.object({ lines: z.array(z.string()) }),
  ),
  'nodeLogs.services': request(
    z.object({ profileId: ProfileId, node: NodeName }).strict(),
    z.object({ services: z.array(ServiceEntry) }),
  ),
} as const;

export const tasksEvents = {
  /** progress with new log lines of a tracked task (UPID), then its final state */
  'tasks.progressed': event(TaskProgress),
} as const;
