// The RBAC engine's public face: what the HTTP core and the handlers may ask of it.
import type { Principal, SchemaPermissions } from '../http/types.js';

/** One ACL line as in user.cfg: acl:<propagate>:<path>:<ugids>:<roles>: */
export interface AclEntry {
  path: string;
  propagate: boolean;
  /** user id, @group, or user@realm!token */
  ugid: string;
  kind: 'user' | 'group' | 'token';
  roles: string[];
}

export interface PoolInfo {
  poolid: string;
  comment?: string;
  vms: ReadonlySet<number>;
  storage: ReadonlySet<string>;
}

export interface TokenInfo {
  userid: string;
  tokenid: string;
  privsep: boolean;
  expire: number;
  comment?: string;
}

/** status: 403 unless set (500 for "no such user ('x')" raised inside userid checks, as PVE does) */
export type CheckResult = { ok: true } | { ok: false; message: string; status?: number };

export interface AccessControl {
  // --- authentication
  /** full id "user@realm!name" + secret -> principal, or undefined (unknown, bad secret, expired, disabled) */
  authenticateToken(fullTokenId: string, secret: string, now?: number): Principal | undefined;
  /** username "user@realm" + password -> true when correct and the user is enabled */
  verifyPassword(userid: string, password: string): boolean;
  setPassword(userid: string, password: string): void;
  /** does the user have a TOTP secret (base32)? */
  totpSecret(userid: string): string | undefined;
  setTotpSecret(userid: string, base32: string | undefined): void;
  userEnabled(userid: string, now?: number): boolean;

  // --- authorisation
  /** effective privileges on a path (privsep tokens: intersection of user and token) */
  privileges(principal: Principal, path: string): Set<string>;
  /** evaluate one endpoint's schema permissions with the call's params */
  check(
    perms: SchemaPermissions | undefined,
    principal: Principal | undefined,
    params: Record<string, unknown>,
  ): CheckResult;
  /** the answer of GET /access/permissions: path -> {priv: 1|0 (propagate)} */
  permissionsAnswer(
    principal: Principal,
    path?: string,
    userid?: string,
  ): Record<string, Record<string, 0 | 1>>;

  // --- state used by handlers
  /** bumped on every change of users, ACLs, tokens or pools: callers key their caches on it */
  readonly version: number;
  /** read-only view; change membership only through addPoolMember / removePoolMember */
  pools(): Map<string, PoolInfo>;
  /** which pool holds a guest, if any */
  poolOfVm(vmid: number): string | undefined;
  /** put a guest into a pool, moving it out of any other (PVE add_vm_to_pool); throws if the pool does not exist */
  addPoolMember(poolid: string, vmid: number): void;
  /** take a guest out of its pool; false if it was in none */
  removePoolMember(vmid: number): boolean;
  /** a destroyed guest: drop its /vms/<vmid> ACLs and its pool membership (PVE remove_vm_access) */
  removeVmAccess(vmid: number): void;
  tokens(): Map<string, TokenInfo>;
  /** revoke (delete) a token — control API fault */
  revokeToken(fullTokenId: string): boolean;

  /** round-trip to PVE's own user.cfg text */
  toUserCfg(): string;
}
