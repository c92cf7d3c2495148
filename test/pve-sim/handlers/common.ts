// Shared helpers for the cluster handlers: the simulator core they act on and typed parameter access.
import type { HandlerContext, Principal, SimRequest } from '../http/types.js';
import { PveHttpError } from '../http/types.js';
import type { ResourceCache } from '../cluster/resources.js';
import type { ClusterState } from '../cluster/state.js';
import type { TaskEngine } from '../cluster/tasks.js';
import type { Guest, GuestType } from '../cluster/model.js';

export interface SimCore {
  state: ClusterState;
  tasks: TaskEngine;
  resources: ResourceCache;
}

export function str(req: SimRequest, key: string): string {
  const v = req.params[key];
  if (v === undefined || v === null)
    throw new PveHttpError(400, 'Parameter verification failed.\n', {
      [key]: 'property is missing and it is not optional',
    });
  return String(v);
}

export function optStr(req: SimRequest, key: string): string | undefined {
  const v = req.params[key];
  return v === undefined || v === null ? undefined : String(v);
}

export function num(req: SimRequest, key: string): number {
  return Number(str(req, key));
}

export function optNum(req: SimRequest, key: string): number | undefined {
  const v = optStr(req, key);
  return v === undefined ? undefined : Number(v);
}

export function flag(req: SimRequest, key: string): boolean {
  const v = req.params[key];
  return v === 1 || v === true || v === '1';
}

export function who(req: SimRequest): Principal {
  return req.principal ?? { kind: 'user', userid: 'root@pam' };
}

export function isRoot(req: SimRequest): boolean {
  return req.principal?.kind === 'user' && req.principal.userid === 'root@pam';
}

export function can(req: SimRequest, ctx: HandlerContext, path: string, priv: string): boolean {
  return ctx.acl.privileges(who(req), path).has(priv);
}

/** skiplock is root@pam only, as PVE. */
export function checkSkiplock(req: SimRequest): boolean {
  if (!flag(req, 'skiplock')) return false;
  if (!isRoot(req))
    throw new PveHttpError(400, 'Parameter verification failed.\n', {
      skiplock: 'Only root may use this option.',
    });
  return true;
}

/** The guest addressed by {node}/{vmid} of a qemu or lxc path. */
export function guestOf(core: SimCore, req: SimRequest, type: GuestType): Guest {
  return core.state.guestOn(str(req, 'node'), num(req, 'vmid'), type);
}

export const KINDS: readonly GuestType[] = ['qemu', 'lxc'];

/** Task type names differ per guest kind: qm* for qemu, vz* for lxc. */
export function taskType(type: GuestType, action: string): string {
  return (type === 'qemu' ? 'qm' : 'vz') + action;
}

export function fail(message: string, status = 500): PveHttpError {
  return new PveHttpError(status, message.endsWith('\n') ? message : `${message}\n`);
}
