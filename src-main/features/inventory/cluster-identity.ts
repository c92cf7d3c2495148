// Which cluster a connected profile reaches, so two profiles of one cluster (root + auditor) show it once.
import type { ConnectionSummary } from '../../../src-shared/model/cluster-summary.js';
import type { ClusterIdentity, InventoryRecord } from '../../../src-shared/model/inventory.js';

export interface IdentitySource {
  host: string;
  port: number;
  color: string;
  primary: boolean;
  /** the profile's own name, the last resort for a label */
  profileName: string;
  summary: ConnectionSummary | undefined;
}

/** Privileges rank the profiles of one cluster; the profile the user marked primary outranks them all. */
function rankOf(src: IdentitySource): number {
  const perms = src.summary?.permissions;
  const privileges = perms ? perms.privileges.length * 1_000 + perms.rootPrivileges.length : 0;
  return (src.primary ? 1_000_000 : 0) + privileges;
}

export function clusterIdentity(src: IdentitySource, records: readonly InventoryRecord[]): ClusterIdentity {
  const nodes = records.flatMap((r) => (r.kind === 'node' ? [r.node] : [])).sort();
  const clusterName = src.summary?.clusterName ?? null;
  const keys = [`host:${src.host.toLowerCase()}:${src.port}`];
  if (clusterName) keys.push(`name:${clusterName}|${nodes.join(',')}`);
  if (src.summary?.fingerprint) keys.push(`fp:${src.summary.fingerprint}`);
  const name = clusterName ?? (nodes.length === 1 ? nodes[0]! : src.profileName);
  return { name, color: src.color, keys, rank: rankOf(src) };
}
