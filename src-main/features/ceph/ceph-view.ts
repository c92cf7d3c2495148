// The read-only Ceph view: status, OSDs (from the CRUSH tree of one online node) and pools; "not configured" when PVE says so.
import type { CephView } from '../../../src-shared/ipc/channels/ceph.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getCephOsdTree, getCephStatus, listCephPools } from '../../pve/api/ceph.js';
import { listNodes } from '../../pve/api/nodes.js';

const EMPTY = {
  health: 'unknown',
  checks: [],
  monitors: [],
  osdCounts: { total: 0, up: 0, in: 0 },
  pgs: { total: 0, byState: [] },
  bytesUsed: 0,
  bytesTotal: 0,
  osds: [],
  pools: [],
};

export async function cephView(c: PveCaller): Promise<CephView> {
  let status;
  try {
    status = await getCephStatus(c);
  } catch (err) {
    // PVE answers 500 ("binary not installed", "not initialized") on clusters without Ceph; anything else surfaces
    if (
      err instanceof AppFailure &&
      err.status === 500 &&
      (err.code === 'server_error' || err.code === 'not_found')
    )
      return { configured: false, message: err.message, ...EMPTY };
    throw err;
  }
  const node = (await listNodes(c))
    .filter((n) => n.status === 'online')
    .map((n) => n.node)
    .sort()[0];
  const [tree, pools] = node
    ? await Promise.all([getCephOsdTree(c, node), listCephPools(c, node)])
    : [{ osds: [] }, []];
  const { osds, ...rest } = status;
  return { configured: true, ...rest, osdCounts: osds, osds: tree.osds, pools };
}
