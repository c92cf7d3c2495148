// What main keeps for a built plan besides the Plan the renderer sees: the executable steps and what must still hold.
import type { GuestRef } from '../../src-shared/ipc/channels/plans.js';
import type { CallInput, PlanInput } from '../../src-shared/plans/plan.js';
import type { PlanContext } from '../../src-shared/plans/plan.js';
import type { PveCaller } from '../pve/api/caller.js';

/** One planned API call and the function (from pve/api) that makes it; answers a UPID for asynchronous calls. */
export interface PlanStep {
  call: CallInput;
  run(c: PveCaller): Promise<string | undefined>;
}

/** What the target looked like when planned; the runner re-reads it and refuses to act when it changed. */
export interface Precondition {
  guest: GuestRef;
  label: string;
  digest?: string;
  status?: string;
  /** the snapshot the plan acts on must still exist */
  snapshot?: string;
}

/** A builder's answer: the plan input plus its steps (in call order), preconditions and the guests it touches. */
export interface BuiltAction {
  input: Omit<PlanInput, 'id' | 'calls'>;
  steps: PlanStep[];
  preconditions: Precondition[];
  targets: GuestRef[];
}

export interface BuildContext {
  caller: PveCaller;
  plan: PlanContext;
  now: () => Date;
}

export const guestLabel = (g: GuestRef, name?: string): string =>
  `${g.type === 'qemu' ? 'VM' : 'CT'} ${g.vmid}${name ? ` (${name})` : ''}`;

export const guestVars = (g: GuestRef): { node: string; vmid: number; type: GuestRef['type'] } => ({
  node: g.node,
  vmid: g.vmid,
  type: g.type,
});

/** "auto-20260102-030405": PVE snapshot names must start with a letter. */
export function autoSnapName(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `auto-${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
