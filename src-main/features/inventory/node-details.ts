// Reads what /cluster/resources lacks for the node cards (load average, pve-manager version) from
// /nodes/{node}/status, a few nodes at a time; a node that fails keeps its last known details.
import type { PveCaller } from '../../pve/api/caller.js';
import { getNodeStatus } from '../../pve/api/nodes.js';

export type NodeDetails = Map<string, { loadavg: number[] | null; pveversion: string | null }>;

const CONCURRENCY = 4;

/** online: the names of the nodes the last /cluster/resources answer lists as online. */
export async function fetchNodeDetails(
  caller: PveCaller,
  online: readonly string[],
  previous: NodeDetails,
  signal: AbortSignal,
): Promise<NodeDetails> {
  const out: NodeDetails = new Map(previous);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < online.length && !signal.aborted) {
      const node = online[next++]!;
      try {
        const st = await getNodeStatus(caller, node, signal);
        out.set(node, { loadavg: st.loadavg ? st.loadavg.slice(0, 3) : null, pveversion: st.pveversion });
      } catch {
        // Sys.Audit may be missing on one node, or it went down between the two calls: keep what we had.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, online.length) }, worker));
  return out;
}
