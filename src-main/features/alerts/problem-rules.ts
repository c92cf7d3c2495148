// Which inventory records are problems right now: an offline node, an HA resource in error or fence, a storage over
// 90 % full. Pure: records in, problem drafts out (the tracker stamps `since`).
import type { InventoryRecord } from '../../../src-shared/model/inventory.js';
import type { Problem } from '../../../src-shared/ipc/channels/alerts.js';

export type ProblemDraft = Omit<Problem, 'since'>;

/** share of a storage's capacity in use above which it is a problem */
export const STORAGE_FULL_RATIO = 0.9;
const HA_BAD = new Set(['error', 'fence']);

const percent = (ratio: number): string => `${Math.round(ratio * 100)} %`;

export function problemsFromRecords(
  clusterId: string,
  clusterName: string,
  records: Iterable<InventoryRecord>,
): ProblemDraft[] {
  const out = new Map<string, ProblemDraft>();
  for (const r of records) {
    if (r.kind === 'node' && r.status === 'offline') {
      const key = `${clusterId}|node-offline|${r.node}`;
      out.set(key, {
        key,
        kind: 'node-offline',
        severity: 'red',
        clusterId,
        title: `Node ${r.node} is offline`,
        detail: `Cluster ${clusterName}: the node does not answer.`,
        target: { kind: 'node', clusterId, node: r.node },
      });
    } else if (r.kind === 'guest' && r.hastate !== null && HA_BAD.has(r.hastate)) {
      const key = `${clusterId}|ha-error|${r.vmid}`;
      const label = `${r.type === 'qemu' ? 'VM' : 'Container'} ${r.vmid}${r.name ? ` (${r.name})` : ''}`;
      out.set(key, {
        key,
        kind: 'ha-error',
        severity: 'red',
        clusterId,
        title: `HA ${r.hastate === 'fence' ? 'is fencing' : 'error on'} ${label}`,
        detail: `Cluster ${clusterName}: HA state "${r.hastate}" on node ${r.node}.`,
        target: { kind: 'guest', clusterId, guestType: r.type, vmid: r.vmid },
      });
    } else if (r.kind === 'storage' && r.disk !== null && r.maxdisk !== null && r.maxdisk > 0) {
      const ratio = r.disk / r.maxdisk;
      if (ratio <= STORAGE_FULL_RATIO) continue;
      // a shared storage is listed once per node: one problem for all of them
      const where = r.shared ? r.storage : `${r.node}/${r.storage}`;
      const key = `${clusterId}|storage-full|${where}`;
      out.set(key, {
        key,
        kind: 'storage-full',
        severity: 'amber',
        clusterId,
        title: `Storage ${r.storage} is ${percent(ratio)} full`,
        detail: `Cluster ${clusterName}: ${r.shared ? 'shared storage' : `on node ${r.node}`}.`,
        target: { kind: 'node', clusterId, node: r.node },
      });
    }
  }
  return [...out.values()];
}

/** A connection refused because the server's certificate no longer matches the pinned one. */
export function certificateProblem(clusterId: string, clusterName: string): ProblemDraft {
  return {
    key: `${clusterId}|certificate-changed`,
    kind: 'certificate-changed',
    severity: 'red',
    clusterId,
    title: `Certificate of ${clusterName} changed`,
    detail:
      'The server presented a certificate that does not match the pinned one; Proxdeck stopped talking to it.',
    target: { kind: 'cluster', clusterId },
  };
}
