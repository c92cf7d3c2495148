// Action-table entries of snapshots: list, take, delete, roll back.
//
// API:
//   SNAPSHOTS (as const)   snapshot.list, snapshot.create, snapshot.delete, snapshot.rollback
import { type ActionDef, call, onVm } from '../action-builders.js';
import { GUEST } from './common.js';

export const SNAPSHOTS = [
  {
    id: 'snapshot.list',
    label: 'See snapshots',
    calls: [call('GET', `${GUEST}/snapshot`, [onVm(['VM.Audit'])])],
  },
  {
    id: 'snapshot.create',
    label: 'Take snapshot',
    calls: [call('POST', `${GUEST}/snapshot`, [onVm(['VM.Snapshot'])])],
  },
  {
    id: 'snapshot.delete',
    label: 'Delete snapshot',
    destructive: true,
    calls: [call('DELETE', `${GUEST}/snapshot/{snapname}`, [onVm(['VM.Snapshot'])])],
  },
  {
    id: 'snapshot.rollback',
    label: 'Roll back to snapshot',
    destructive: true,
    calls: [
      call('POST', `${GUEST}/snapshot/{snapname}/rollback`, [
        onVm(['VM.Snapshot', 'VM.Snapshot.Rollback'], { any: true }),
      ]),
    ],
  },
] as const satisfies readonly ActionDef[];
