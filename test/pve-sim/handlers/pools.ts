// /pools (PVE 9's poolid-parameter form) and the older /pools/{poolid} form: list, create, update, delete.
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import type { SimAccessControl } from '../rbac/access-control.js';
import { ensurePool } from '../rbac/user-cfg.js';
import { isStorageId, splitList } from '../rbac/ids.js';
import { type AccessHandlerDeps, callerOf, fail, flagParam, sortedKeys, strParam } from './access/common.js';

function defaultMembers(acl: SimAccessControl, poolid: string): unknown[] {
  const pool = acl.cfg.pools.get(poolid);
  if (!pool) return [];
  return [
    ...[...pool.vms].sort((a, b) => a - b).map((vmid) => ({ id: `qemu/${vmid}`, vmid, type: 'qemu' })),
    ...[...pool.storage].sort().map((storage) => ({ id: `storage/${storage}`, storage, type: 'storage' })),
  ];
}

function mustExist(acl: SimAccessControl, poolid: string) {
  const pool = acl.cfg.pools.get(poolid);
  if (!pool) throw fail(`pool '${poolid}' does not exist`);
  return pool;
}

/** PVE checks every member before it writes user.cfg once: a refused member leaves the pool untouched */
function updatePool(acl: SimAccessControl, deps: AccessHandlerDeps, req: SimRequest): null {
  const poolid = strParam(req, 'poolid') ?? '';
  const pool = mustExist(acl, poolid);
  const caller = callerOf(req);
  const del = flagParam(req, 'delete') ?? false;
  const allowMove = flagParam(req, 'allow-move') ?? false;
  const vms = splitList(strParam(req, 'vms')).map(Number);
  for (const vmid of vms) {
    acl.perms.requireModify(caller, `/vms/${vmid}`, false);
    if (del) {
      if (!pool.vms.has(vmid)) throw fail(`VM ${vmid} is not a pool member`);
      continue;
    }
    if (deps.vmExists && !deps.vmExists(vmid)) throw fail(`VM ${vmid} does not exist`);
    const current = acl.poolOfVm(vmid);
    if (current !== undefined && current !== poolid && !allowMove) {
      throw fail(`VM ${vmid} belongs already to pool '${current}' and 'allow-move' is not set`);
    }
  }
  const storages = splitList(strParam(req, 'storage'));
  for (const sid of storages) {
    acl.perms.requireModify(caller, `/storage/${sid}`, false);
    if (!isStorageId(sid)) throw fail(`invalid storage ID '${sid}'`);
    if (del && !pool.storage.has(sid)) throw fail(`storage '${sid}' is not a pool member`);
  }
  const comment = strParam(req, 'comment');
  if (comment !== undefined) pool.comment = comment || undefined;
  for (const vmid of vms) {
    if (del) acl.removePoolMember(vmid);
    else acl.addPoolMember(poolid, vmid);
  }
  for (const sid of storages) {
    if (del) pool.storage.delete(sid);
    else pool.storage.add(sid);
  }
  acl.changed();
  return null;
}

function deletePool(acl: SimAccessControl, req: SimRequest): null {
  const poolid = strParam(req, 'poolid') ?? '';
  const pool = mustExist(acl, poolid);
  if (pool.vms.size > 0 || pool.storage.size > 0 || pool.pools.size > 0)
    throw fail(`pool '${poolid}' is not empty`);
  if (pool.parent) acl.cfg.pools.get(pool.parent)?.pools.delete(poolid);
  acl.cfg.pools.delete(poolid);
  acl.changed();
  return null;
}

function poolEntry(
  acl: SimAccessControl,
  deps: AccessHandlerDeps,
  req: SimRequest,
  poolid: string,
  withMembers: boolean,
) {
  const pool = mustExist(acl, poolid);
  return {
    poolid,
    ...(pool.comment !== undefined && { comment: pool.comment }),
    ...(withMembers && { members: deps.poolMembers?.(poolid, req) ?? defaultMembers(acl, poolid) }),
  };
}

export function registerPoolHandlers(
  registry: HandlerRegistry,
  acl: SimAccessControl,
  deps: AccessHandlerDeps = {},
): void {
  registry.add('GET', '/pools', (req) => {
    const caller = callerOf(req);
    const only = strParam(req, 'poolid');
    return sortedKeys(acl.cfg.pools)
      .filter(
        (p) =>
          (only === undefined || p === only) && acl.perms.has(caller, `/pool/${p}`, ['Pool.Audit'], false),
      )
      .map((p) => poolEntry(acl, deps, req, p, only !== undefined));
  });
  registry.add('GET', '/pools/{poolid}', (req) => {
    const { poolid: _id, ...rest } = poolEntry(acl, deps, req, strParam(req, 'poolid') ?? '', true);
    return rest;
  });
  registry.add('POST', '/pools', (req) => {
    const poolid = strParam(req, 'poolid') ?? '';
    if (acl.cfg.pools.has(poolid)) throw fail(`pool '${poolid}' already exists`);
    const cut = poolid.lastIndexOf('/');
    if (cut > 0 && !acl.cfg.pools.has(poolid.slice(0, cut)))
      throw fail(`parent pool '${poolid.slice(0, cut)}' does not exist`);
    const pool = ensurePool(acl.cfg, poolid);
    pool.comment = strParam(req, 'comment') || undefined;
    acl.changed();
    return null;
  });
  registry.add('PUT', '/pools', (req) => updatePool(acl, deps, req));
  registry.add('PUT', '/pools/{poolid}', (req) => updatePool(acl, deps, req));
  registry.add('DELETE', '/pools', (req) => deletePool(acl, req));
  registry.add('DELETE', '/pools/{poolid}', (req) => deletePool(acl, req));
}
