// The shape of a privilege requirement (PVE's `check` language, in our own typed form) and its conversion from schema.json.
//
// API:
//   type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'
//   type Need = PermNeed | OrNeed | PermModifyNeed | SelfNeed    (a call's `needs: Need[]` are all required)
//   interface PermNeed { kind: 'perm'; path: string; privs: readonly string[]; any?: true; requireParam?: string; inHandler?: true }
//   interface OrNeed { kind: 'or'; of: readonly (readonly Need[])[] }       one branch (all of its needs) suffices
//   interface PermModifyNeed { kind: 'perm-modify'; path: string }          PUT /access/acl: Permissions.Modify or the type's Allocate
//   interface SelfNeed { kind: 'self'; param: string }                      passes when vars[param] is the caller (or its own token)
//   type Vars = Readonly<Record<string, string | number | undefined>>
//   fillPath(template, vars): string | undefined      '/vms/{vmid}' -> '/vms/101'; undefined if a variable is missing
//   needsFromSchemaCheck(check: unknown): Need[]      ['and', ['perm', '/vms/{vmid}', [...]], ...] -> Need[] (throws on unknown forms)
//   stripHandlerNeeds(needs): Need[]                  the needs the schema itself states (inHandler ones removed)

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface PermNeed {
  kind: 'perm';
  /** ACL path template, e.g. '/vms/{vmid}' */
  path: string;
  privs: readonly string[];
  /** one of `privs` is enough (PVE's "any", 1) */
  any?: true;
  /** the need applies only when this parameter/variable is given (PVE's require_param, or an optional feature) */
  requireParam?: string;
  /** checked inside the handler (from the endpoint's description), not by the schema's `check` */
  inHandler?: true;
}
export interface OrNeed {
  kind: 'or';
  of: readonly (readonly Need[])[];
}
export interface PermModifyNeed {
  kind: 'perm-modify';
  path: string;
}
export interface SelfNeed {
  kind: 'self';
  /** variable holding a user id; PVE's userid-param "self" */
  param: string;
}
export type Need = PermNeed | OrNeed | PermModifyNeed | SelfNeed;

export type Vars = Readonly<Record<string, string | number | undefined>>;

/** Derived variables PVE computes itself: the realm of a user id. */
function lookup(name: string, vars: Vars): string | undefined {
  const direct = vars[name];
  if (direct !== undefined && direct !== '') return String(direct);
  if (name === 'realm' && typeof vars.userid === 'string') {
    const at = vars.userid.lastIndexOf('@');
    return at > 0 ? vars.userid.slice(at + 1).replace(/!.*$/, '') : undefined;
  }
  return undefined;
}

/** Fills a path template and normalises it as PVE does (collapsed and trailing '/' removed). */
export function fillPath(template: string, vars: Vars): string | undefined {
  let missing = false;
  const raw = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = lookup(name, vars);
    if (v === undefined) missing = true;
    return v ?? '';
  });
  if (missing) return undefined;
  const p = `/${raw}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return p;
}

const isStr = (x: unknown): x is string => typeof x === 'string';

function permFromSchema(args: unknown[]): PermNeed {
  const [path, privs, ...opts] = args;
  if (!isStr(path) || !Array.isArray(privs) || !privs.every(isStr))
    throw new Error(`bad perm check: ${JSON.stringify(args)}`);
  const need: PermNeed = { kind: 'perm', path, privs: [...privs] };
  for (let i = 0; i + 1 < opts.length; i += 2) {
    if (opts[i] === 'any' && opts[i + 1]) need.any = true;
    else if (opts[i] === 'require_param' && isStr(opts[i + 1])) need.requireParam = opts[i + 1] as string;
    else throw new Error(`unknown perm option ${String(opts[i])}`);
  }
  return need;
}

/**
 * userid-group: PVE accepts the privileges on /access/groups or on a group the target user is in;
 * we model the /access/groups form, which is what a wizard grants and what the answer lists.
 */
function useridGroup(args: unknown[]): PermNeed {
  const [privs] = args;
  if (!Array.isArray(privs) || !privs.every(isStr))
    throw new Error(`bad userid-group: ${JSON.stringify(args)}`);
  return { kind: 'perm', path: '/access/groups', privs: [...privs], any: true };
}

export function needsFromSchemaCheck(check: unknown): Need[] {
  if (!Array.isArray(check) || !isStr(check[0])) throw new Error(`bad check: ${JSON.stringify(check)}`);
  const [op, ...args] = check;
  switch (op) {
    case 'and':
      return args.flatMap(needsFromSchemaCheck);
    case 'or':
      return [{ kind: 'or', of: args.map(needsFromSchemaCheck) }];
    case 'perm':
      return [permFromSchema(args)];
    case 'perm-modify':
      if (!isStr(args[0])) throw new Error('bad perm-modify');
      return [{ kind: 'perm-modify', path: args[0] }];
    case 'userid-param':
      if (args[0] === 'self') return [{ kind: 'self', param: 'userid' }];
      if (args[0] === 'Realm.AllocateUser')
        return [{ kind: 'perm', path: '/access/realm/{realm}', privs: ['Realm.AllocateUser'] }];
      throw new Error(`unknown userid-param ${String(args[0])}`);
    case 'userid-group':
      return [useridGroup(args)];
    default:
      throw new Error(`unknown check operator ${op}`);
  }
}

/** A need checked inside a handler; an `or` counts as one when any branch holds such a need. */
const isHandlerNeed = (n: Need): boolean =>
  (n.kind === 'perm' && n.inHandler === true) || (n.kind === 'or' && n.of.some((b) => b.some(isHandlerNeed)));

export function stripHandlerNeeds(needs: readonly Need[]): Need[] {
  return needs.filter((n) => !isHandlerNeed(n));
}

/** Every privilege a list of needs names (perm-modify counts as Permissions.Modify). */
export function privilegesNamed(needs: readonly Need[]): string[] {
  const out = new Set<string>();
  const visit = (n: Need): void => {
    if (n.kind === 'perm') n.privs.forEach((p) => out.add(p));
    else if (n.kind === 'or') n.of.forEach((b) => b.forEach(visit));
    else if (n.kind === 'perm-modify') out.add('Permissions.Modify');
  };
  needs.forEach(visit);
  return [...out].sort();
}
