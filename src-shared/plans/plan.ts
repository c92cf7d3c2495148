// The Plan: every mutation's calls, diff, privilege checks, warnings, confirmation and pvesh lines, built once and shown before running.
//
// API:
//   Plan, PlanCall, PlanTarget, PlanWarning (zod schemas + types; a Plan crosses IPC)
//   interface CallInput { method; path (concrete); params?; needs?: readonly Need[]; vars?: Vars }
//   callFor(actionId, vars, params?, guestType?): CallInput        the action's mutating call, path filled from vars, its needs attached
//   actionCall(actionId, method, template, vars, params?): CallInput   the action's call with this method and path template
//   interface PlanInput { id; title; targets; calls: CallInput[]; diff?; warnings?; destructive?; confirmWord?; expect?;
//                         changes? }   (changes: declared on top of what the calls show, see changes.ts)
//   interface PlanContext { answer?: PermissionsAnswer; identity?: Identity; readOnly?: boolean }
//   buildPlan(input, ctx): Plan     checks each call's needs (vars = call.vars merged with params), renders pvesh,
//                                   blocks on a missing privilege or read-only mode and says why
//   guestWarnings(guest, opts?): PlanWarning[]    running / HA-managed / locked / not the latest snapshot / data loss
//   confirmWordFor(guest): string                 the guest's name, or its vmid when it has none
//   isConfirmed(plan, typed): boolean             destructive plans need the exact word; others always true
import { z } from 'zod';
import {
  type ActionId,
  type ConcreteCall,
  type GuestType,
  actionById,
  expandCalls,
} from '../permissions/action-privileges.js';
import { type Identity, type PermissionsAnswer, evaluateNeeds } from '../permissions/evaluate.js';
import { type HttpMethod, type Need, type Vars, fillPath } from '../permissions/requirement.js';
import { ChangeKey, changesOfCalls, mergeChanges } from './changes.js';
import { DiffEntry } from './diff.js';
import { type ParamValue, pveshLine } from './pvesh.js';

const Method = z.enum(['GET', 'POST', 'PUT', 'DELETE']);
const Param = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

export const PlanCheck = z.object({
  allowed: z.boolean(),
  reason: z.string().optional(),
  missing: z.array(z.string()),
  unchecked: z.array(z.string()),
});
export const PlanCall = z.object({
  method: Method,
  path: z.string(),
  params: z.record(z.string(), Param),
  privileges: z.array(z.string()),
  check: PlanCheck,
  pvesh: z.string(),
});
export type PlanCall = z.infer<typeof PlanCall>;

export const PlanTarget = z.object({
  kind: z.enum(['qemu', 'lxc', 'node', 'storage', 'pool', 'user', 'token', 'role', 'acl']),
  id: z.string(),
  name: z.string().optional(),
  node: z.string().optional(),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

export const PlanWarning = z.object({
  code: z.enum([
    'guest-running',
    'ha-managed',
    'locked',
    'not-latest-snapshot',
    'data-loss',
    'needs-reboot',
    'unchecked-privilege',
    'already-exists',
    /** the plan hands a secret (an API token) to a cluster, as PVE's remote migration needs */
    'secret-sent',
    /** a safety snapshot of the current state is taken first, so the change can be undone */
    'safety-snapshot',
  ]),
  message: z.string(),
});
export type PlanWarning = z.infer<typeof PlanWarning>;

export const Plan = z.object({
  id: z.string(),
  title: z.string(),
  targets: z.array(PlanTarget),
  calls: z.array(PlanCall),
  diff: z.array(DiffEntry),
  warnings: z.array(PlanWarning),
  destructive: z.boolean(),
  confirmWord: z.string().optional(),
  readOnlyRefused: z.boolean(),
  blocked: z.boolean(),
  blockReasons: z.array(z.string()),
  /** what the target looked like when planned (config digest, power status): the run re-checks it */
  expect: z.object({ digest: z.string().optional(), status: z.string().optional() }).optional(),
  /** what running it changes (read from its calls, plus what the builder declared): refetched when it finishes */
  changes: z.array(ChangeKey),
});
export type Plan = z.infer<typeof Plan>;

export interface CallInput {
  method: z.infer<typeof Method>;
  path: string;
  params?: Readonly<Record<string, ParamValue | undefined>>;
  needs?: readonly Need[];
  vars?: Vars;
}

function attach(
  id: ActionId,
  call: ConcreteCall,
  vars: Vars,
  params: Readonly<Record<string, ParamValue | undefined>>,
): CallInput {
  const path = fillPath(call.path, vars);
  if (path === undefined) throw new Error(`action ${id}: ${call.path} needs variables not given`);
  return { method: call.method, path, params, needs: call.needs, vars };
}

export function callFor(
  id: ActionId,
  vars: Vars,
  params: Readonly<Record<string, ParamValue | undefined>> = {},
  guestType?: GuestType,
): CallInput {
  const type = guestType ?? (vars.type === 'qemu' || vars.type === 'lxc' ? vars.type : undefined);
  const call = expandCalls(actionById(id), type).find((c) => c.method !== 'GET');
  if (!call) throw new Error(`action ${id} makes no mutating call`);
  return attach(id, call, vars, params);
}

/** For actions with several calls: the one with this method and path template ('{type}' written out as qemu/lxc). */
export function actionCall(
  id: ActionId,
  method: HttpMethod,
  template: string,
  vars: Vars,
  params: Readonly<Record<string, ParamValue | undefined>> = {},
): CallInput {
  const call = expandCalls(actionById(id)).find((c) => c.method === method && c.path === template);
  if (!call) throw new Error(`action ${id} has no ${method} ${template}`);
  return attach(id, call, vars, params);
}

export interface PlanInput {
  id: string;
  title: string;
  targets: PlanTarget[];
  calls: CallInput[];
  diff?: DiffEntry[];
  warnings?: PlanWarning[];
  destructive?: boolean;
  confirmWord?: string;
  expect?: Plan['expect'];
  /** changes the calls alone do not show (a verify report filed for an archive, say) */
  changes?: ChangeKey[];
}

export interface PlanContext {
  answer?: PermissionsAnswer;
  identity?: Identity;
  readOnly?: boolean;
}

function cleanParams(params: CallInput['params']): PlanCall['params'] {
  const out: PlanCall['params'] = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v === undefined) continue;
    out[k] = typeof v === 'object' ? [...v] : v;
  }
  return out;
}

function paramVars(params: Record<string, ParamValue>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'boolean' ? (v ? 1 : 0) : Array.isArray(v) ? v.join(',') : (v as string | number),
    ]),
  );
}

function planCall(c: CallInput, ctx: PlanContext): PlanCall {
  const params = cleanParams(c.params);
  const needs = c.needs ?? [];
  const verdict = ctx.answer
    ? evaluateNeeds(needs, ctx.answer, { ...paramVars(params), ...c.vars }, ctx.identity)
    : { allowed: true, gaps: [], unchecked: ['effective permissions not read'] };
  const check: z.infer<typeof PlanCheck> = {
    allowed: verdict.allowed,
    missing: verdict.gaps.map((g) => g.text),
    unchecked: verdict.unchecked,
  };
  if (verdict.reason) check.reason = verdict.reason;
  return {
    method: c.method,
    path: c.path,
    params,
    privileges: privilegeList(needs),
    check,
    pvesh: pveshLine({ method: c.method, path: c.path, params }),
  };
}

function privilegeList(needs: readonly Need[]): string[] {
  const out: string[] = [];
  for (const n of needs) {
    if (n.kind === 'perm')
      out.push(
        `${n.any ? 'one of ' : ''}${n.privs.join(', ')} on ${n.path}${n.requireParam ? ` (with ${n.requireParam})` : ''}`,
      );
    else if (n.kind === 'or') out.push(n.of.map((b) => privilegeList(b).join(' and ')).join(' or '));
    else if (n.kind === 'perm-modify') out.push(`Permissions.Modify on ${n.path}`);
    else out.push(`to be ${n.param} itself`);
  }
  return out;
}

export function buildPlan(input: PlanInput, ctx: PlanContext): Plan {
  const calls = input.calls.map((c) => planCall(c, ctx));
  const mutates = calls.some((c) => c.method !== 'GET');
  const readOnlyRefused = Boolean(ctx.readOnly) && mutates;
  const blockReasons = [
    ...(readOnlyRefused ? ['this profile is read-only'] : []),
    ...calls.flatMap((c) => (c.check.reason ? [`${c.method} ${c.path}: ${c.check.reason}`] : [])),
  ];
  const warnings = [...(input.warnings ?? [])];
  for (const c of calls)
    for (const u of c.check.unchecked)
      warnings.push({ code: 'unchecked-privilege', message: `not checked in advance: ${u}` });
  const plan: Plan = {
    id: input.id,
    title: input.title,
    targets: input.targets,
    calls,
    diff: input.diff ?? [],
    warnings,
    destructive: Boolean(input.destructive),
    readOnlyRefused,
    blocked: blockReasons.length > 0,
    blockReasons,
    changes: mergeChanges(changesOfCalls(calls), input.changes ?? []),
  };
  if (input.destructive)
    plan.confirmWord = input.confirmWord ?? input.targets[0]?.name ?? input.targets[0]?.id;
  if (input.expect) plan.expect = input.expect;
  return plan;
}

export interface GuestState {
  vmid: number;
  name?: string;
  status: string;
  /** HA state when the guest is an HA resource */
  hastate?: string;
  lock?: string;
}

export function confirmWordFor(guest: Pick<GuestState, 'vmid' | 'name'>): string {
  return guest.name && guest.name.length > 0 ? guest.name : String(guest.vmid);
}

export function guestWarnings(
  guest: GuestState,
  opts: { snapname?: string; latestSnapshot?: string; dataLoss?: string } = {},
): PlanWarning[] {
  const w: PlanWarning[] = [];
  const label = `${guest.vmid}${guest.name ? ` (${guest.name})` : ''}`;
  if (guest.status === 'running') w.push({ code: 'guest-running', message: `guest ${label} is running` });
  if (guest.hastate)
    w.push({
      code: 'ha-managed',
      message: `guest ${label} is managed by HA (state ${guest.hastate}); HA may undo power changes`,
    });
  if (guest.lock) w.push({ code: 'locked', message: `guest ${label} is locked (${guest.lock})` });
  if (opts.snapname && opts.latestSnapshot && opts.snapname !== opts.latestSnapshot) {
    w.push({
      code: 'not-latest-snapshot',
      message: `${opts.snapname} is not the latest snapshot (${opts.latestSnapshot}); rolling back discards the later state`,
    });
  }
  if (opts.dataLoss) w.push({ code: 'data-loss', message: opts.dataLoss });
  return w;
}

export function isConfirmed(plan: Pick<Plan, 'destructive' | 'confirmWord'>, typed: string): boolean {
  return !plan.destructive || (plan.confirmWord !== undefined && typed.trim() === plan.confirmWord);
}
