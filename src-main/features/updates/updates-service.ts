// Pending updates per node (kernel and pve-manager marked, a pending kernel means a reboot), changelogs on demand,
// and the "refresh package index" plan: one apt update task per node.
import type { NodeUpdates, PackageUpdate } from '../../../src-shared/ipc/channels/updates.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { callFor } from '../../../src-shared/plans/plan.js';
import { getAptChangelog, listAptUpdates, refreshAptIndex, type AptUpdate } from '../../pve/api/apt.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { listNodes } from '../../pve/api/nodes.js';
import { clusterAction } from '../../plans/cluster-plan.js';
import type { BuiltAction } from '../../plans/plan-types.js';

const kindOf = (name: string): PackageUpdate['kind'] =>
  /^(proxmox|pve)-kernel-|^linux-image-/.test(name)
    ? 'kernel'
    : name === 'pve-manager'
      ? 'pve-manager'
      : 'other';

const toUpdate = (u: AptUpdate): PackageUpdate => ({
  name: u.name,
  title: u.title,
  ...(u.from ? { from: u.from } : {}),
  to: u.to,
  kind: kindOf(u.name),
});

const message = (err: unknown): string => (err instanceof Error ? err.message : 'could not be read');

export async function listUpdates(c: PveCaller): Promise<NodeUpdates[]> {
  const nodes = await listNodes(c);
  return Promise.all(
    nodes
      .sort((a, b) => a.node.localeCompare(b.node))
      .map(async (n): Promise<NodeUpdates> => {
        const online = n.status === 'online';
        if (!online)
          return { node: n.node, online, updates: [], needsReboot: false, error: 'node is offline' };
        try {
          const updates = (await listAptUpdates(c, n.node)).map(toUpdate);
          return { node: n.node, online, updates, needsReboot: updates.some((u) => u.kind === 'kernel') };
        } catch (err) {
          return { node: n.node, online, updates: [], needsReboot: false, error: message(err) };
        }
      }),
  );
}

export async function changelog(c: PveCaller, node: string, name: string, version?: string): Promise<string> {
  return getAptChangelog(c, node, name, version);
}

export function buildRefresh(nodes: string[]): BuiltAction {
  if (new Set(nodes).size !== nodes.length) throw new AppFailure('bad_parameter', 'a node is listed twice');
  return clusterAction(
    {
      title: `Refresh the package index of ${nodes.join(', ')}`,
      targets: nodes.map((node) => ({ kind: 'node' as const, id: node })),
      diff: [],
      warnings: [],
    },
    nodes.map((node) => ({
      call: callFor('node.updates.refresh', { node }),
      run: (c: PveCaller) => refreshAptIndex(c, node),
    })),
  );
}
