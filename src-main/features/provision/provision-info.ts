// What the clone and create forms need: the next free vmid, nodes with free memory, a clone source's template state.
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { ProvisionInfo } from '../../../src-shared/ipc/channels/provision.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getNextId } from '../../pve/api/cluster.js';
import { getGuestConfig, getGuestStatus } from '../../pve/api/guests.js';
import { getNodeStatus, listNodes } from '../../pve/api/nodes.js';
import { cloudInitDrive } from '../../plans/op-calls.js';

export async function provisionInfo(c: PveCaller, guest?: GuestRef): Promise<ProvisionInfo> {
  const [nextId, nodes] = await Promise.all([getNextId(c), listNodes(c)]);
  const withMem = await Promise.all(
    nodes.map(async (n) => {
      const online = n.status === 'online';
      const st = online ? await getNodeStatus(c, n.node).catch(() => undefined) : undefined;
      return {
        node: n.node,
        online,
        ...(st ? { memFree: st.memory.free ?? st.memory.total - st.memory.used } : {}),
      };
    }),
  );
  const out: ProvisionInfo = { nextId, nodes: withMem.sort((a, b) => a.node.localeCompare(b.node)) };
  if (!guest) return out;
  const [status, cfg] = await Promise.all([getGuestStatus(c, guest), getGuestConfig(c, guest)]);
  const hasCloudInit = guest.type === 'qemu' && cloudInitDrive(cfg.config) !== undefined;
  return {
    ...out,
    template: Boolean(status.template),
    hasCloudInit,
    ...(hasCloudInit
      ? {
          cloudInit: {
            ...(cfg.config.ciuser ? { ciuser: cfg.config.ciuser } : {}),
            ...(cfg.config.ipconfig0 ? { ipconfig0: cfg.config.ipconfig0 } : {}),
          },
        }
      : {}),
  };
}
