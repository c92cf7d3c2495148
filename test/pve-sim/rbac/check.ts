// Evaluates an endpoint's schema `permissions` object the way PVE's check_api2_permissions does.
import type { SchemaPermissions } from '../http/types.js';
import type { CheckResult } from './types.js';
import type { UserConfig } from './user-cfg.js';
import { normalizePath, realmOf, splitList } from './ids.js';
import type { FlagMap } from './resolve.js';

/** Thrown inside the evaluation; carries PVE's exact message (403 unless told otherwise). */
class Denied extends Error {
  constructor(
    message: string,
    readonly status = 403,
  ) {
    super(message);
  }
}
const denied = (detail?: string): Denied =>
  new Denied(detail ? `Permission check failed (${detail})\n` : 'Permission check failed\n');

type Params = Record<string, unknown>;

/** PVE's template_replace: {name} -> param value, or '-' when missing/empty. */
function fillTemplate(tmpl: string, params: Params): string {
  return tmpl.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = params[name];
    return v === undefined || v === null || v === '' || v === 0 || v === '0' ? '-' : String(v);
  });
}

const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const strList = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((p): p is string => typeof p === 'string') : [];

/** Flat "key", value option pairs after the fixed arguments of a check. */
function options(rest: unknown[]): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (let i = 0; i + 1 < rest.length; i += 2) m.set(str(rest[i]), rest[i + 1]);
  return m;
}

export class PermissionEvaluator {
  constructor(
    private readonly cfg: UserConfig,
    private readonly flags: (who: string, path: string) => FlagMap,
  ) {}

  has(user: string, path: string, privs: string[], any: boolean): boolean {
    const mine = this.flags(user, path);
    return any ? privs.some((p) => mine.has(p)) : privs.every((p) => mine.has(p));
  }

  /** check / check_any: throws with "(path, priv)" naming the first missing one, or all joined by '|'. */
  require(user: string, path: string, privs: string[], any: boolean, noerr: boolean): boolean {
    if (any) {
      if (this.has(user, path, privs, true)) return true;
      if (noerr) return false;
      throw denied(`${path}, ${privs.join('|')}`);
    }
    const mine = this.flags(user, path);
    const missing = privs.find((p) => !mine.has(p));
    if (missing === undefined) return true;
    if (noerr) return false;
    throw denied(`${path}, ${missing}`);
  }

  /** perm-modify: Permissions.Modify, or the object-type allocate privilege on a sub-path. */
  requireModify(user: string, path: string | undefined, noerr: boolean): boolean {
    if (!path) return this.require(user, '/access', ['Permissions.Modify'], false, noerr);
    const privs = ['Permissions.Modify'];
    if (/^\/storage\/.+$/.test(path)) privs.push('Datastore.Allocate');
    else if (/^\/vms\/.+$/.test(path)) privs.push('VM.Allocate');
    else if (/^\/pool\/.+$/.test(path)) privs.push('Pool.Allocate');
    return this.require(user, path, privs, true, noerr);
  }

  /** groups where the user holds any of privs on /access/groups/<g> */
  groupsWith(user: string, privs: string[]): Set<string> {
    return new Set(
      [...this.cfg.groups.keys()].filter((g) => this.has(user, `/access/groups/${g}`, privs, true)),
    );
  }

  private userExists(userid: string, noerr: boolean): boolean {
    if (this.cfg.users.has(userid)) return true;
    if (noerr) return false;
    throw new Denied(`no such user ('${userid}')\n`, 500);
  }

  private useridGroup(
    user: string,
    privs: string[],
    opts: Map<string, unknown>,
    params: Params,
    noerr: boolean,
  ): boolean {
    const userid = str(params.userid);
    const groupsParam = str(opts.get('groups_param'));
    const existing = groupsParam !== 'create';
    if (existing && !this.userExists(userid, noerr)) return false;
    if (this.has(user, '/access/groups', privs, true)) return true;
    const allowed = this.groupsWith(user, privs);
    if (groupsParam) {
      const wanted = splitList(str(params.groups));
      if (wanted.length === 0 && groupsParam === 'create') throw denied(`/access/groups, ${privs.join('|')}`);
      for (const g of wanted) if (!allowed.has(g)) throw denied(`/access/groups/${g}, ${privs.join('|')}`);
    }
    if (existing && ![...allowed].some((g) => this.cfg.groups.get(g)?.users.has(userid))) {
      if (noerr) return false;
      throw denied();
    }
    return true;
  }

  private useridParam(user: string, sub: string, params: Params, noerr: boolean): boolean {
    const userid = str(params.userid);
    if (sub === 'self') {
      if (!this.userExists(userid, noerr)) return false;
      if (user === userid) return true;
      if (noerr) return false;
      throw denied();
    }
    return this.require(user, `/access/realm/${realmOf(userid)}`, ['Realm.AllocateUser'], false, noerr);
  }

  /** exec_api2_perm_check */
  run(check: unknown[], user: string, params: Params, noerr: boolean): boolean {
    const [op, ...rest] = check;
    switch (op) {
      case 'or':
        if (rest.some((sub) => Array.isArray(sub) && this.run(sub, user, params, true))) return true;
        if (noerr) return false;
        throw denied();
      case 'and':
        return rest.every((sub) => Array.isArray(sub) && this.run(sub, user, params, noerr));
      case 'perm': {
        const opts = options(rest.slice(2));
        const required = str(opts.get('require_param'));
        if (required && params[required] === undefined) {
          if (noerr) return false;
          throw denied();
        }
        const path = normalizePath(fillTemplate(str(rest[0]), params)) ?? '';
        return this.require(user, path, strList(rest[1]), !!opts.get('any'), noerr);
      }
      case 'perm-modify':
        return this.requireModify(user, normalizePath(fillTemplate(str(rest[0]), params)), noerr);
      case 'userid-param':
        return this.useridParam(user, str(rest[0]), params, noerr);
      case 'userid-group':
        return this.useridGroup(user, strList(rest[0]), options(rest.slice(1)), params, noerr);
      default:
        throw new Denied(`unknown permission test '${str(op)}'\n`, 500);
    }
  }

  /** check_api2_permissions */
  evaluate(perms: SchemaPermissions | undefined, user: string | undefined, params: Params): CheckResult {
    try {
      if (!user) {
        if (perms?.user === 'world') return { ok: true };
        throw denied('user != null');
      }
      if (user === 'root@pam') return { ok: true };
      if (!perms) throw denied('user != root@pam');
      if (perms.user === 'all' || perms.user === 'world') return { ok: true };
      if (Array.isArray(perms.check)) {
        this.run(perms.check, user, params, false);
        return { ok: true };
      }
      throw denied();
    } catch (e) {
      if (e instanceof Denied) return { ok: false, message: e.message, status: e.status };
      throw e;
    }
  }
}
