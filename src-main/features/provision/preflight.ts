// Pre-flight checks for create and clone: vmid free, enough free memory on the node, enough space on the storage.
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getNextId } from '../../pve/api/cluster.js';
import { getNodeStatus } from '../../pve/api/nodes.js';
import { listNodeStorages } from '../../pve/api/storage.js';

const GIB = 2 ** 30;
const gib = (bytes: number): string => `${(bytes / GIB).toFixed(1)} GiB`;

export interface PreflightNeeds {
  node: string;
  vmid: number;
  memoryBytes: number;
  /** omitted: no new disk space (linked clone) */
  storage?: { id: string; bytes: number; content: 'images' | 'rootdir' };
}

/** Refuses (AppFailure conflict, details.check = vmid|memory|storage) with a reason a user can act on. */
export async function preflight(c: PveCaller, n: PreflightNeeds): Promise<void> {
  const [idFree, status, storages] = await Promise.all([
    getNextId(c, n.vmid).then(
      () => true,
      (err: unknown) => {
        if (err instanceof AppFailure && (err.code === 'bad_parameter' || err.code === 'conflict'))
          return false;
        throw err;
      },
    ),
    getNodeStatus(c, n.node),
    n.storage ? listNodeStorages(c, n.node) : Promise.resolve([]),
  ]);
  if (!idFree)
    throw new AppFailure('conflict', `Refused: VM id ${n.vmid} is already taken. Pick another id.`, {
      check: 'vmid',
    });
  const free = status.memory.free ?? status.memory.total - status.memory.used;
  if (n.memoryBytes > free) {
    throw new AppFailure(
      'conflict',
      `Refused: node ${n.node} has ${gib(free)} of memory free, the guest needs ${gib(n.memoryBytes)}.`,
      { check: 'memory' },
    );
  }
  if (!n.storage) return;
  const want = n.storage;
  const st = storages.find((s) => s.storage === want.id);
  if (!st)
    throw new AppFailure('conflict', `Refused: storage '${want.id}' is not available on node ${n.node}.`, {
      check: 'storage',
    });
  if (!st.content.includes(want.content))
    throw new AppFailure(
      'conflict',
      `Refused: storage '${want.id}' does not hold ${want.content === 'images' ? 'VM disks' : 'container volumes'}.`,
      { check: 'storage' },
    );
  if (want.bytes > st.avail) {
    throw new AppFailure(
      'conflict',
      `Refused: storage '${want.id}' on ${n.node} has ${gib(st.avail)} free, the guest needs ${gib(want.bytes)}.`,
      { check: 'storage' },
    );
  }
}
