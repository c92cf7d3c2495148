// Action-table entries of HA: the HA view and managing HA resources.
//
// API:
//   HA (as const)   ha.view, ha.manage
import { type ActionDef, call, perm } from '../action-builders.js';

export const HA = [
  {
    id: 'ha.view',
    label: 'See HA state',
    calls: [
      call('GET', '/cluster/ha/resources', [perm('/', ['Sys.Audit'])]),
      call('GET', '/cluster/ha/status/current', [perm('/', ['Sys.Audit'])]),
    ],
  },
  {
    id: 'ha.manage',
    label: 'Manage HA resources',
    // add first: callFor('ha.manage') answers the first mutating call
    calls: [
      call('POST', '/cluster/ha/resources', [perm('/', ['Sys.Console'])]),
      call('PUT', '/cluster/ha/resources/{sid}', [perm('/', ['Sys.Console'])]),
      call('DELETE', '/cluster/ha/resources/{sid}', [perm('/', ['Sys.Console'])]),
      call('POST', '/cluster/ha/resources/{sid}/migrate', [perm('/', ['Sys.Console'])]),
      call('POST', '/cluster/ha/resources/{sid}/relocate', [perm('/', ['Sys.Console'])]),
    ],
  },
] as const satisfies readonly ActionDef[];
