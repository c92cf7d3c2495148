// Action-table entries of fleet maintenance (evacuate, rolling reboot, updates, cross-cluster migrate).
//
// API:
//   MAINTENANCE (as const)   node.reboot, node.updates.view, node.updates.refresh, guest.migrate.bulk,
//                                  guest.remote-migrate, guest.remote-migrate.incoming (checked on the target cluster)
import { type ActionDef, call, handler, onVm, perm } from '../action-builders.js';

const nodeModify = [perm('/nodes/{node}', ['Sys.Modify'])];

export const MAINTENANCE = [
  {
    id: 'node.reboot',
    label: 'Reboot node',
    destructive: true,
    calls: [
      call('POST', '/nodes/{node}/status', [perm('/nodes/{node}', ['Sys.PowerMgmt'])]),
      // waiting until the node is back: its uptime, then the cluster's quorum
      call('GET', '/nodes/{node}/status', [perm('/nodes/{node}', ['Sys.Audit'])]),
      call('GET', '/cluster/status', [perm('/', ['Sys.Audit'])]),
    ],
  },
  {
    id: 'node.updates.view',
    label: 'See pending package updates',
    calls: [
      call('GET', '/nodes/{node}/apt/update', nodeModify),
      call('GET', '/nodes/{node}/apt/changelog', nodeModify),
    ],
  },
  {
    id: 'node.updates.refresh',
    label: 'Refresh package index',
    calls: [call('POST', '/nodes/{node}/apt/update', nodeModify)],
  },
  {
    id: 'guest.migrate.bulk',
    label: 'Migrate several guests',
    calls: [
      call('POST', '/cluster/bulk-action/guest/migrate', [
        { kind: 'or', of: [[handler('/', ['VM.Migrate'])], [handler('/vms/{vmid}', ['VM.Migrate'])]] },
      ]),
    ],
  },
  {
    id: 'guest.remote-migrate',
    label: 'Migrate to another cluster',
    calls: [call('POST', '/nodes/{node}/{type}/{vmid}/remote_migrate', [onVm(['VM.Migrate'])])],
  },
  {
    id: 'guest.remote-migrate.incoming',
    label: 'Receive a guest from another cluster',
    calls: [
      call('POST', '/nodes/{node}/{type}/{vmid}/mtunnel', [
        onVm(['VM.Allocate']),
        perm('/', ['Sys.Incoming']),
      ]),
    ],
  },
] as const satisfies readonly ActionDef[];
