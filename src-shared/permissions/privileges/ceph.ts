// Action-table entry of the read-only Ceph view.
//
// API:
//   CEPH (as const)   ceph.view
import { type ActionDef, call, perm } from '../action-builders.js';

const cephRead = [perm('/', ['Sys.Audit', 'Datastore.Audit'], { any: true })];

export const CEPH = [
  {
    id: 'ceph.view',
    label: 'See Ceph',
    calls: [
      call('GET', '/cluster/ceph/status', cephRead),
      call('GET', '/nodes/{node}/ceph/osd', cephRead),
      call('GET', '/nodes/{node}/ceph/pool', cephRead),
    ],
  },
] as const satisfies readonly ActionDef[];
