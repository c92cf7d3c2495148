// Plan builder for power actions on one guest or a grid multi-selection (one plan, one line per guest).
import type { GuestRef, PlanAction, PowerAction } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { DiffEntry } from '../../../src-shared/plans/diff.js';
import { callFor, confirmWordFor, type PlanWarning } from '../../../src-shared/plans/plan.js';
import { getGuestStatus, powerAction } from '../../pve/api/guests.js';
import { snapshotStep, statusWarnings } from '../snapshots/build-snapshots.js';
import {
  autoSnapName,
  guestLabel,
  guestVars,
  type BuildContext,
  type BuiltAction,
  type PlanStep,
  type Precondition,
} from '../../plans/plan-types.js';

type Power = Extract<PlanAction, { kind: 'power' }>;

const VERB: Record<PowerAction, string> = {
  start: 'Start',
  shutdown: 'Shut down',
  stop: 'Stop',
  reboot: 'Reboot',
  reset: 'Reset',
  suspend: 'Suspend',
  resume: 'Resume',
};
/** The power state each action leads to; reboot and reset pass through "stopped". */
const AFTER: Record<PowerAction, string> = {
  start: 'running',
  shutdown: 'stopped',
  stop: 'stopped',
  reboot: 'running',
  reset: 'running',
  suspend: 'paused',
  resume: 'running',
};
const DESTRUCTIVE = new Set<PowerAction>(['stop', 'reset']);
/** Actions meant for a running guest: "is running" is the point, not a warning. */
const FOR_RUNNING = new Set<PowerAction>(['shutdown', 'stop', 'reboot', 'reset', 'suspend']);

function powerParams(a: Power): Record<string, number | boolean> {
  if (a.action !== 'shutdown') return {};
  return {
    ...(a.timeout !== undefined ? { timeout: a.timeout } : {}),
    ...(a.forceStop ? { forceStop: true } : {}),
  };
}

function powerDiff(key: string, before: string, a: PowerAction): DiffEntry[] {
  const after = AFTER[a];
  if (before === after && (a === 'reboot' || a === 'reset'))
    return [{ kind: 'power', key, change: 'changed', before, after: `${after} (restarted)` }];
  return before === after ? [] : [{ kind: 'power', key, change: 'changed', before, after }];
}

export async function buildPower(a: Power, ctx: BuildContext): Promise<BuiltAction> {
  if (a.action === 'reset' && a.guests.some((g) => g.type === 'lxc'))
    throw new AppFailure('bad_parameter', 'Containers cannot be reset; reboot them instead');
  const seen = new Set<string>();
  const guests = a.guests.filter((g) => !seen.has(`${g.type}/${g.vmid}`) && seen.add(`${g.type}/${g.vmid}`));
  const statuses = await Promise.all(guests.map((g) => getGuestStatus(ctx.caller, g)));
  const many = guests.length > 1;
  const params = powerParams(a);
  const snapname = autoSnapName(ctx.now());
  const diff: DiffEntry[] = [];
  const warnings: PlanWarning[] = [];
  const steps: PlanStep[] = [];
  const preconditions: Precondition[] = [];
  guests.forEach((g: GuestRef, i) => {
    const s = statuses[i]!;
    const label = guestLabel(g, s.name);
    diff.push(...powerDiff(many ? `${label} status` : 'status', s.status, a.action));
    const dataLoss = DESTRUCTIVE.has(a.action)
      ? `${label}: a hard ${a.action} loses whatever the guest had not written to disk`
      : undefined;
    warnings.push(
      ...statusWarnings(g, s, dataLoss ? { dataLoss } : {}).filter(
        (w) => !(w.code === 'guest-running' && FOR_RUNNING.has(a.action)),
      ),
    );
    if (a.snapshotFirst)
      steps.push(snapshotStep(g, { snapname, description: `before ${a.action} (Proxdeck)` }));
    steps.push({
      call: callFor(`guest.${a.action}`, guestVars(g), params, g.type),
      run: (c) => powerAction(c, g, a.action, params),
    });
    preconditions.push({ guest: g, label, status: s.status });
  });
  const first = guests[0]!;
  const firstName = statuses[0]?.name;
  const destructive = DESTRUCTIVE.has(a.action);
  return {
    input: {
      title: many
        ? `${VERB[a.action]} ${guests.length} guests`
        : `${VERB[a.action]} ${guestLabel(first, firstName)}`,
      targets: guests.map((g, i) => ({
        kind: g.type,
        id: String(g.vmid),
        node: g.node,
        ...(statuses[i]?.name ? { name: statuses[i]!.name! } : {}),
      })),
      diff,
      warnings,
      destructive,
      ...(destructive
        ? {
            confirmWord: many
              ? `${a.action} ${guests.length}`
              : confirmWordFor({ vmid: first.vmid, ...(firstName ? { name: firstName } : {}) }),
          }
        : {}),
      ...(many ? {} : { expect: { status: statuses[0]!.status } }),
    },
    steps,
    preconditions,
    targets: guests,
  };
}
