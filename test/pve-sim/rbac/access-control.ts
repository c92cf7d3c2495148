// The AccessControl implementation: user.cfg state, credentials, privilege cache and permission checks.
import { timingSafeEqual } from 'node:crypto';
import type { Principal, SchemaPermissions } from '../http/types.js';
import type { AccessControl, CheckResult, PoolInfo, TokenInfo } from './types.js';
import { type UserConfig, parseUserCfg, writeUserCfg } from './user-cfg.js';
import { type FlagMap, resolvePrivileges } from './resolve.js';
import { PermissionEvaluator } from './check.js';
import { type PermissionsAnswer, permissionsAnswer } from './permissions-answer.js';
import { splitTokenId } from './ids.js';

export const principalId = (p: Principal): string => (p.kind === 'token' ? p.full : p.userid);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface AccessState {
  userCfg: string;
  tokenSecrets: Map<string, string>;
  passwords: Map<string, string>;
  totp: Map<string, string>;
  /** ms since epoch */
  now: () => number;
}

export class SimAccessControl implements AccessControl {
  readonly cfg: UserConfig;
  private readonly cache = new Map<string, FlagMap>();
  private readonly evaluator: PermissionEvaluator;
  private generation = 0;

  constructor(private readonly state: AccessState) {
    this.cfg = parseUserCfg(state.userCfg);
    this.evaluator = new PermissionEvaluator(this.cfg, (who, path) => this.flags(who, path));
  }

  /** Call after every change to cfg: privileges are cached per principal and path. */
  changed(): void {
    this.cache.clear();
    this.generation++;
  }

  get version(): number {
    return this.generation;
  }

  /** effective privileges with propagate flags, for a user id or full token id */
  flags(who: string, path: string): FlagMap {
    const key = `${who}\0${path}`;
    let hit = this.cache.get(key);
    if (!hit) {
      if (this.cache.size > 200_000) this.cache.clear();
      this.cache.set(key, (hit = resolvePrivileges(this.cfg, who, path)));
    }
    return hit;
  }

  private nowSeconds(now?: number): number {
    return Math.floor((now ?? this.state.now()) / 1000);
  }

  authenticateToken(fullTokenId: string, secret: string, now?: number): Principal | undefined {
    const split = splitTokenId(fullTokenId);
    const expected = this.state.tokenSecrets.get(fullTokenId);
    if (!split || expected === undefined || !sameSecret(expected, secret)) return undefined;
    const token = this.cfg.users.get(split[0])?.tokens.get(split[1]);
    if (!token || (token.expire > 0 && token.expire < this.nowSeconds(now))) return undefined;
    if (!this.userEnabled(split[0], now)) return undefined;
    return { kind: 'token', userid: split[0], tokenid: split[1], full: fullTokenId };
  }

  verifyPassword(userid: string, password: string): boolean {
    const expected = this.state.passwords.get(userid);
    return expected !== undefined && this.userEnabled(userid) && sameSecret(expected, password);
  }

  setPassword(userid: string, password: string): void {
    this.state.passwords.set(userid, password);
  }

  totpSecret(userid: string): string | undefined {
    return this.state.totp.get(userid);
  }

  setTotpSecret(userid: string, base32: string | undefined): void {
    if (base32 === undefined) this.state.totp.delete(userid);
    else this.state.totp.set(userid, base32);
  }

  userEnabled(userid: string, now?: number): boolean {
    const u = this.cfg.users.get(userid);
    return !!u && u.enable && (u.expire === 0 || u.expire >= this.nowSeconds(now));
  }

  privileges(principal: Principal, path: string): Set<string> {
    return new Set(this.flags(principalId(principal), path).keys());
  }

  check(
    perms: SchemaPermissions | undefined,
    principal: Principal | undefined,
    params: Record<string, unknown>,
  ): CheckResult {
    return this.evaluator.evaluate(perms, principal && principalId(principal), params);
  }

  permissionsAnswer(principal: Principal, path?: string, userid?: string): PermissionsAnswer {
    return permissionsAnswer(this.cfg, (who, p) => this.flags(who, p), principalId(principal), path, userid);
  }

  /** the evaluator, for handlers' in-code checks (delegation limits, list filtering) */
  get perms(): PermissionEvaluator {
    return this.evaluator;
  }

  pools(): Map<string, PoolInfo> {
    const out = new Map<string, PoolInfo>();
    for (const [poolid, p] of this.cfg.pools)
      out.set(poolid, { poolid, comment: p.comment, vms: p.vms, storage: p.storage });
    return out;
  }

  poolOfVm(vmid: number): string | undefined {
    return this.cfg.vms.get(vmid);
  }

  /** PVE's add_vm_to_pool: a guest belongs to at most one pool */
  addPoolMember(poolid: string, vmid: number): void {
    const pool = this.cfg.pools.get(poolid);
    if (!pool) throw new Error(`pool '${poolid}' does not exist`);
    this.removePoolMember(vmid);
    pool.vms.add(vmid);
    this.cfg.vms.set(vmid, poolid);
    this.changed();
  }

  removePoolMember(vmid: number): boolean {
    const poolid = this.cfg.vms.get(vmid);
    if (poolid === undefined) return false;
    this.cfg.pools.get(poolid)?.vms.delete(vmid);
    this.cfg.vms.delete(vmid);
    this.changed();
    return true;
  }

  /** PVE's remove_vm_access, run by every guest destroy: drops the /vms/<vmid> ACLs and the pool membership */
  removeVmAccess(vmid: number): void {
    this.cfg.aclRoot.children.get('vms')?.children.delete(String(vmid));
    this.removePoolMember(vmid);
    this.changed();
  }

  tokens(): Map<string, TokenInfo> {
    const out = new Map<string, TokenInfo>();
    for (const [userid, u] of this.cfg.users) {
      for (const [tokenid, t] of u.tokens) {
        out.set(`${userid}!${tokenid}`, {
          userid,
          tokenid,
          privsep: t.privsep,
          expire: t.expire,
          comment: t.comment,
        });
      }
    }
    return out;
  }

  setTokenSecret(fullTokenId: string, secret: string | undefined): void {
    if (secret === undefined) this.state.tokenSecrets.delete(fullTokenId);
    else this.state.tokenSecrets.set(fullTokenId, secret);
  }

  revokeToken(fullTokenId: string): boolean {
    const split = splitTokenId(fullTokenId);
    const user = split && this.cfg.users.get(split[0]);
    if (!split || !user?.tokens.delete(split[1])) return false;
    this.setTokenSecret(fullTokenId, undefined);
    this.dropAclMember('tokens', fullTokenId);
    this.changed();
    return true;
  }

  /** remove a user, group or token from every ACL node (PVE does this when deleting them) */
  dropAclMember(bucket: 'users' | 'groups' | 'tokens', member: string): void {
    const visit = (node: UserConfig['aclRoot']): void => {
      node[bucket].delete(member);
      node.children.forEach(visit);
    };
    visit(this.cfg.aclRoot);
    this.changed();
  }

  toUserCfg(): string {
    return writeUserCfg(this.cfg);
  }
}
