// Builds the connection test report: version, cluster name and size, identity, permission summary,
// and the warning for a privilege-separated API token that sees an empty cluster.
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { ConnectionSummary, PermissionSummary } from '../../../src-shared/model/cluster-summary.js';
import type { Permissions } from '../../pve/api/access.js';
import { getPermissions } from '../../pve/api/access.js';
import { getClusterResources, getClusterStatus } from '../../pve/api/cluster.js';
import { getVersion } from '../../pve/api/version.js';
import type { PveClient } from '../../pve/client.js';

export const EMPTY_TOKEN_WARNING =
  'This API token sees no guests, nodes or permissions. A token created with "Privilege Separation" ' +
  "only gets the intersection of its own ACL entries and its user's: add a permission for the token " +
  '(Datacenter → Permissions → Add → API Token Permission) or recreate it without privilege separation.';

export function summarizePermissions(perms: Permissions): PermissionSummary {
  const all = new Set<string>();
  let pathCount = 0;
  for (const privs of Object.values(perms)) {
    const names = Object.keys(privs);
    if (names.length > 0) pathCount++;
    for (const n of names) all.add(n);
  }
  return { pathCount, privileges: [...all].sort(), rootPrivileges: Object.keys(perms['/'] ?? {}).sort() };
}

/** Optional parts (cluster status needs Sys.Audit on /) degrade to unknown instead of failing. */
async function optional<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppFailure && err.code === 'permission_denied') return undefined;
    throw err;
  }
}

export async function summarizeConnection(
  client: PveClient,
  profileId: string,
  authKind: 'token' | 'password',
): Promise<ConnectionSummary> {
  // The version call goes first: it proves TLS trust and credentials before anything else runs.
  const version = await getVersion(client);
  const [status, resources, perms] = await Promise.all([
    optional(getClusterStatus(client)),
    getClusterResources(client),
    getPermissions(client),
  ]);
  const nodes = resources.filter((r) => r.type === 'node');
  const guests = resources.filter((r) => r.type === 'qemu' || r.type === 'lxc');
  const permissions = summarizePermissions(perms);
  const sees =
    permissions.pathCount > 0 && guests.length + nodes.filter((n) => n.maxcpu !== undefined).length > 0;
  const summary: ConnectionSummary = {
    profileId,
    version: version.version,
    release: version.release,
    clusterName: status?.cluster?.name ?? null,
    nodeCount: status ? Math.max(status.nodes.length, status.cluster?.nodes ?? 0) : nodes.length,
    nodesOnline: status
      ? status.nodes.filter((n) => n.online).length
      : nodes.filter((n) => n.status === 'online').length,
    guestCount: guests.length,
    identity: client.identity,
    permissions,
    ...(client.verifiedFingerprint ? { fingerprint: client.verifiedFingerprint } : {}),
  };
  if (authKind === 'token' && !sees) summary.emptyClusterWarning = EMPTY_TOKEN_WARNING;
  return summary;
}
