// GET /access/permissions: who may ask about whom, and the effective-permissions listing.
import { PveHttpError } from '../http/types.js';
import type { UserConfig } from './user-cfg.js';
import type { FlagMap } from './resolve.js';
import { normalizePath, splitTokenId } from './ids.js';

export type PermissionsAnswer = Record<string, Record<string, 0 | 1>>;

const FIXED_PATHS = ['/', '/access', '/access/groups', '/nodes', '/pool', '/sdn', '/storage', '/vms'];

/** Paths of the listing: fixed ones, every ACL tree node, every pool member. */
function listedPaths(cfg: UserConfig): Set<string> {
  const paths = new Set(FIXED_PATHS);
  const visit = (path: string, node: UserConfig['aclRoot']): void => {
    paths.add(path);
    for (const [name, child] of node.children) visit(`${path === '/' ? '' : path}/${name}`, child);
  };
  visit('/', cfg.aclRoot);
  for (const pool of cfg.pools.values()) {
    for (const vmid of pool.vms) paths.add(`/vms/${vmid}`);
    for (const sid of pool.storage) paths.add(`/storage/${sid}`);
  }
  return paths;
}

const toRecord = (privs: FlagMap): Record<string, 0 | 1> =>
  Object.fromEntries([...privs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, f]) => [p, f ? 1 : 0]));

export function permissionsAnswer(
  cfg: UserConfig,
  privileges: (who: string, path: string) => FlagMap,
  caller: string,
  path?: string,
  userid?: string,
): PermissionsAnswer {
  if (userid !== undefined && userid !== caller && splitTokenId(userid)?.[0] !== caller) {
    if (!privileges(caller, '/access').has('Sys.Audit')) {
      throw new PveHttpError(403, 'Permission check failed (/access, Sys.Audit)\n');
    }
  }
  const who = userid ?? caller;
  if (path) return { [path]: toRecord(privileges(who, normalizePath(path) ?? path)) };
  const answer: PermissionsAnswer = {};
  for (const p of [...listedPaths(cfg)].sort()) {
    const privs = privileges(who, p);
    if (privs.size > 0) answer[p] = toRecord(privs);
  }
  return answer;
}
