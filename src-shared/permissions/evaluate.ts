// Decides whether the identity may do an action on concrete targets, from its GET /access/permissions answer, and says what is missing.
//
// API:
//   PermissionsAnswer = zod schema and type of GET /access/permissions: { [path]: { [priv]: 0 | 1 } }
//   privilegesAt(answer, path): ReadonlySet<string>     effective privileges on any path, with PVE's inheritance (below)
//   interface Identity { id: string }                    'user@realm' or 'user@realm!token' (for "self"/"owner" checks)
//   interface Missing { path: string; privs: string[]; any: boolean; self?: string }
//   interface Gap { options: Missing[][]; text: string }  satisfy one option (all of its Missing) to close the gap
//   interface Verdict { allowed: boolean; reason?: string; gaps: Gap[]; unchecked: string[] }
//   evaluateNeeds(needs, answer, vars, identity?): Verdict
//   evaluateAction(actionId, answer, vars, { guestType?, identity? }): Verdict    reason e.g. "needs VM.PowerMgmt on /vms/101"
//   intersectAnswers(user, token): PermissionsAnswer   what a privsep token really has (PVE intersects both sides)
//
// Inheritance in the answer format: PVE lists the fixed paths (/, /access, /access/groups, /nodes, /pool, /sdn, /storage,
// /vms), every path that has an ACL and every pool member, leaving out the ones without privileges. A listed path is
// exact. An unlisted path inherits the propagated (flag 1) privileges of its nearest listed ancestor, except that an
// absent fixed path means "nothing here" (it was computed and was empty). One ambiguity stays: an ACL path whose result
// is empty (NoAccess) is left out too and looks inherited; ask GET /access/permissions?path=<p> for an exact answer
// (then the key is present, possibly with {}), which this function honours.
import { z } from 'zod';
import { type ActionId, type GuestType, actionById, expandCalls } from './action-privileges.js';
import { type Need, type PermNeed, type Vars, fillPath } from './requirement.js';

export const PermissionsAnswer = z.record(
  z.string(),
  z.record(z.string(), z.union([z.literal(0), z.literal(1)])),
);
export type PermissionsAnswer = z.infer<typeof PermissionsAnswer>;

const FIXED_PATHS = new Set([
  '/',
  '/access',
  '/access/groups',
  '/nodes',
  '/pool',
  '/sdn',
  '/storage',
  '/vms',
]);

const parentOf = (path: string): string | undefined =>
  path === '/' ? undefined : path.slice(0, path.lastIndexOf('/')) || '/';

/** Privileges on `path` with their propagate flag (inherited ones are propagated by definition). */
function flagsAt(answer: PermissionsAnswer, path: string): Record<string, 0 | 1> {
  const own = answer[path];
  if (own) return own;
  if (FIXED_PATHS.has(path)) return {};
  for (let p = parentOf(path); p !== undefined; p = parentOf(p)) {
    const listed = answer[p];
    if (listed) return Object.fromEntries(Object.entries(listed).filter(([, flag]) => flag === 1));
    if (FIXED_PATHS.has(p)) return {};
  }
  return {};
}

export function privilegesAt(answer: PermissionsAnswer, path: string): ReadonlySet<string> {
  return new Set(Object.keys(flagsAt(answer, path)));
}

export interface Identity {
  id: string;
}
export interface Missing {
  path: string;
  privs: string[];
  any: boolean;
  /** set when the failed check was "the caller must be <param> itself" */
  self?: string;
}
export interface Gap {
  options: Missing[][];
  text: string;
}
export interface Verdict {
  allowed: boolean;
  reason?: string;
  gaps: Gap[];
  /** requirements we could not check because a target variable was not given (e.g. the storage of a clone) */
  unchecked: string[];
}

type Outcome =
  | { state: 'pass' }
  | { state: 'na' }
  | { state: 'unchecked'; what: string[] }
  | { state: 'fail'; options: Missing[][] };

interface Ctx {
  answer: PermissionsAnswer;
  vars: Vars;
  identity?: Identity;
}

function evalPerm(n: PermNeed, ctx: Ctx): Outcome {
  if (
    n.requireParam !== undefined &&
    (ctx.vars[n.requireParam] === undefined || ctx.vars[n.requireParam] === '')
  )
    return { state: 'na' };
  const path = fillPath(n.path, ctx.vars);
  if (path === undefined)
    return { state: 'unchecked', what: [`${n.privs.join(n.any ? '|' : ', ')} on ${n.path}`] };
  const have = privilegesAt(ctx.answer, path);
  if (n.any ? n.privs.some((p) => have.has(p)) : n.privs.every((p) => have.has(p))) return { state: 'pass' };
  const privs = n.any ? [...n.privs] : n.privs.filter((p) => !have.has(p));
  return { state: 'fail', options: [[{ path, privs, any: Boolean(n.any) && privs.length > 1 }]] };
}

/** PUT /access/acl: Permissions.Modify, or the object type's Allocate privilege on a path below /storage, /vms, /pool. */
function evalPermModify(template: string, ctx: Ctx): Outcome {
  // PVE checks an empty ACL path as Permissions.Modify on /access
  const path = template === '{path}' && ctx.vars.path === '' ? '/access' : fillPath(template, ctx.vars);
  if (path === undefined) return { state: 'unchecked', what: [`Permissions.Modify on ${template}`] };
  const privs = ['Permissions.Modify'];
  if (/^\/storage\/./.test(path)) privs.push('Datastore.Allocate');
  else if (/^\/vms\/./.test(path)) privs.push('VM.Allocate');
  else if (/^\/pool\/./.test(path)) privs.push('Pool.Allocate');
  return evalPerm({ kind: 'perm', path, privs, any: true }, { ...ctx, vars: {} });
}

function evalSelf(param: string, ctx: Ctx): Outcome {
  const who = ctx.vars[param];
  if (who === undefined || ctx.identity === undefined)
    return { state: 'unchecked', what: [`caller is ${param}`] };
  return String(who) === ctx.identity.id
    ? { state: 'pass' }
    : { state: 'fail', options: [[{ path: '', privs: [], any: false, self: String(who) }]] };
}

function evalAll(needs: readonly Need[], ctx: Ctx, naFails: boolean): Outcome {
  const failed: Missing[][][] = [];
  const unchecked: string[] = [];
  for (const n of needs) {
    const o = evalNeed(n, ctx);
    if (o.state === 'na' && naFails) return { state: 'na' };
    if (o.state === 'fail') failed.push(o.options);
    if (o.state === 'unchecked') unchecked.push(...o.what);
  }
  if (failed.length > 0) {
    // every failed need must be fixed: combine their options (cross product, small in practice)
    const combined = failed.reduce<Missing[][]>(
      (acc, opts) => acc.flatMap((a) => opts.map((o) => [...a, ...o])),
      [[]],
    );
    return { state: 'fail', options: combined };
  }
  return unchecked.length > 0 ? { state: 'unchecked', what: unchecked } : { state: 'pass' };
}

function evalOr(branches: readonly (readonly Need[])[], ctx: Ctx): Outcome {
  const options: Missing[][] = [];
  const unchecked: string[] = [];
  for (const b of branches) {
    const o = evalAll(b, ctx, true);
    if (o.state === 'pass') return o;
    if (o.state === 'fail') options.push(...o.options);
    if (o.state === 'unchecked') unchecked.push(...o.what);
  }
  if (unchecked.length > 0) return { state: 'unchecked', what: unchecked };
  return { state: 'fail', options };
}

function evalNeed(n: Need, ctx: Ctx): Outcome {
  switch (n.kind) {
    case 'perm':
      return evalPerm(n, ctx);
    case 'perm-modify':
      return evalPermModify(n.path, ctx);
    case 'self':
      return evalSelf(n.param, ctx);
    case 'or':
      return evalOr(n.of, ctx);
  }
}

const missingText = (m: Missing): string =>
  m.self !== undefined
    ? `to be ${m.self} itself`
    : `${m.any ? 'one of ' : ''}${m.privs.join(', ')} on ${m.path}`;

function gapOf(options: Missing[][]): Gap {
  return { options, text: `needs ${options.map((o) => o.map(missingText).join(' and ')).join(' or ')}` };
}

export function evaluateNeeds(
  needs: readonly Need[],
  answer: PermissionsAnswer,
  vars: Vars,
  identity?: Identity,
): Verdict {
  const ctx: Ctx = identity ? { answer, vars, identity } : { answer, vars };
  const gaps: Gap[] = [];
  const unchecked: string[] = [];
  for (const n of needs) {
    const o = evalNeed(n, ctx);
    if (o.state === 'fail') gaps.push(gapOf(o.options));
    if (o.state === 'unchecked') unchecked.push(...o.what);
  }
  const verdict: Verdict = { allowed: gaps.length === 0, gaps, unchecked };
  if (gaps.length > 0) verdict.reason = gaps.map((g) => g.text).join('; ');
  return verdict;
}

export function evaluateAction(
  id: ActionId,
  answer: PermissionsAnswer,
  vars: Vars,
  opts: { guestType?: GuestType; identity?: Identity } = {},
): Verdict {
  const needs = expandCalls(actionById(id), opts.guestType ?? guestTypeOf(vars)).flatMap((c) => c.needs);
  return evaluateNeeds(dedupe(needs), answer, vars, opts.identity);
}

const guestTypeOf = (vars: Vars): GuestType | undefined =>
  vars.type === 'qemu' || vars.type === 'lxc' ? vars.type : undefined;

/** The same need listed by two calls (config + status) is reported once. */
function dedupe(needs: readonly Need[]): Need[] {
  const seen = new Set<string>();
  return needs.filter((n) => {
    const key = JSON.stringify(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function intersectAnswers(user: PermissionsAnswer, token: PermissionsAnswer): PermissionsAnswer {
  const out: PermissionsAnswer = {};
  for (const path of new Set([...Object.keys(user), ...Object.keys(token)])) {
    const u = flagsAt(user, path);
    const both = Object.entries(flagsAt(token, path)).flatMap(([p, f]) =>
      u[p] === undefined ? [] : [[p, (f & u[p]) as 0 | 1] as const],
    );
    if (both.length > 0 || (path in user && path in token)) out[path] = Object.fromEntries(both);
  }
  return out;
}
