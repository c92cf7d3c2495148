// Action-table entries of replication: configure a job and run it now.
//
// API:
//   REPLICATION (as const)   replication.manage, replication.run
import { type ActionDef, call, handler } from '../action-builders.js';

export const REPLICATION = [
  {
    id: 'replication.manage',
    label: 'Configure replication',
    calls: [call('POST', '/cluster/replication', [handler('/vms/{vmid}', ['VM.Replicate'])])],
  },
  {
    id: 'replication.run',
    label: 'Run replication now',
    calls: [
      call('POST', '/nodes/{node}/replication/{id}/schedule_now', [handler('/vms/{vmid}', ['VM.Replicate'])]),
    ],
  },
] as const satisfies readonly ActionDef[];
