// Events about PVE tasks (UPIDs) that main tracks: progress with new log lines, then the final state.
import { event } from '../define.js';
import { TaskProgress } from '../../model/task.js';

export const tasksRequests = {} as const;

export const tasksEvents = {
  'tasks.progressed': event(TaskProgress),
} as const;
