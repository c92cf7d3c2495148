// Action-table entry of tasks: following a task's status and log (its owner, or Sys.Audit on the node).
//
// API:
//   TASKS (as const)   tasks.view
import { type ActionCall, type ActionDef, call, handler } from '../action-builders.js';

const taskRead = (suffix: string): ActionCall =>
  call('GET', `/nodes/{node}/tasks/{upid}/${suffix}`, [
    { kind: 'or', of: [[{ kind: 'self', param: 'owner' }], [handler('/nodes/{node}', ['Sys.Audit'])]] },
  ]);

export const TASKS = [
  { id: 'tasks.view', label: 'Follow tasks', calls: [taskRead('status'), taskRead('log')] },
] as const satisfies readonly ActionDef[];
