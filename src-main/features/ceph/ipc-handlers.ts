// Main-side handler for ceph.view: the read-only Ceph health view.
import type { Handlers } from '../../ipc/dispatch.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { cephView } from './ceph-view.js';

export function createCephHandlers(deps: {
  clientFor(profileId: string): PveCaller;
}): Pick<Handlers, 'ceph.view'> {
  return {
    'ceph.view': ({ profileId }) => cephView(deps.clientFor(profileId)),
  };
}
