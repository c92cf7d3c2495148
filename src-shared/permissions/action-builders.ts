// The shape of an action-table entry and the small builders every table file writes its entries with.
//
// API:
//   type GuestType = 'qemu' | 'lxc'
//   interface ActionCall { method; path; needs: readonly Need[]; guestTypes?: readonly GuestType[] }
//   interface ActionDef { id: string; label: string; calls: readonly ActionCall[]; destructive?: true }
//   perm(path, privs, opts?)  onVm(privs, opts?)  handler(path, privs, requireParam?)  call(method, path, needs, guestTypes?)
import type { HttpMethod, Need, PermNeed } from './requirement.js';

export type GuestType = 'qemu' | 'lxc';

export interface ActionCall {
  method: HttpMethod;
  path: string;
  needs: readonly Need[];
  guestTypes?: readonly GuestType[];
}

export interface ActionDef {
  id: string;
  label: string;
  calls: readonly ActionCall[];
  destructive?: true;
}

type PermOpts = Omit<PermNeed, 'kind' | 'path' | 'privs'>;

export const perm = (path: string, privs: readonly string[], opts: PermOpts = {}): PermNeed => ({
  kind: 'perm',
  path,
  privs,
  ...opts,
});
export const onVm = (privs: readonly string[], opts: PermOpts = {}): PermNeed =>
  perm('/vms/{vmid}', privs, opts);
/** a check PVE makes inside the handler (named in the endpoint's description, not in its schema check) */
export const handler = (path: string, privs: readonly string[], requireParam?: string): PermNeed =>
  perm(path, privs, requireParam ? { inHandler: true, requireParam } : { inHandler: true });
export const call = (
  method: HttpMethod,
  path: string,
  needs: readonly Need[],
  guestTypes?: readonly GuestType[],
): ActionCall => (guestTypes ? { method, path, needs, guestTypes } : { method, path, needs });
