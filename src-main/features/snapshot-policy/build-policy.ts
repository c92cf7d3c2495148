// The plan of one snapshot-policy run: per guest it covers, a "proxdeck-auto-<frequency>-…" snapshot, then deleting
// that policy's oldest snapshots so exactly N remain. Saving a policy is the same plan, which saves it as it starts.
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import {
  policySnapPrefix,
  type PolicyInput,
  type PolicyTarget,
} from '../../../src-shared/ipc/channels/snapshot-policy.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { splitTags } from '../../../src-shared/model/inventory.js';
import { diffSnapshots, type DiffEntry } from '../../../src-shared/plans/diff.js';
import type { PlanTarget, PlanWarning } from '../../../src-shared/plans/plan.js';
import { getClusterResources } from '../../pve/api/cluster.js';
import { guestLabel, type BuildContext, type BuiltAction, type PlanStep } from '../../plans/plan-types.js';
import { planTarget, readGuest, snapshotStep } from '../snapshots/build-snapshots.js';
import {
  deleteStep,
  prunable,
  stampedName,
  treeItems,
  withoutSnapshots,
} from '../snapshots/stamped-snapshots.js';

/** "keep the last 3 hourly snapshots of VM 101" */
export function describePolicy(p: PolicyInput): string {
  const what =
    p.target.kind === 'guest' ? `guest ${p.target.guest.vmid}` : `every guest tagged '${p.target.tag}'`;
  return `keep the last ${p.keep} ${p.frequency} snapshot${p.keep === 1 ? '' : 's'} of ${what}`;
}

/** The guests a policy covers now, on the node each is on now (templates cannot take snapshots). */
export async function policyGuests(ctx: BuildContext, target: PolicyTarget): Promise<GuestRef[]> {
  const vms = await getClusterResources(ctx.caller, 'vm');
  const out: GuestRef[] = [];
  for (const r of vms) {
    if (r.vmid === undefined || !r.node || r.template || (r.type !== 'qemu' && r.type !== 'lxc')) continue;
    const covered =
      target.kind === 'guest' ? r.vmid === target.guest.vmid : splitTags(r.tags).includes(target.tag);
    if (covered) out.push({ node: r.node, type: r.type, vmid: r.vmid });
  }
  return out.sort((a, b) => a.vmid - b.vmid);
}

interface GuestRun {
  target: PlanTarget;
  steps: PlanStep[];
  diff: DiffEntry[];
  warnings: PlanWarning[];
}

async function guestRun(ctx: BuildContext, g: GuestRef, p: PolicyInput): Promise<GuestRun> {
  const { status, list } = await readGuest(ctx, g);
  const prefix = policySnapPrefix(p.frequency);
  const snapname = stampedName(prefix, ctx.now(), list);
  const gone = prunable(list, prefix, p.keep, 1);
  const before = treeItems(list);
  const taken = [
    ...before.filter((s) => s.name !== 'current'),
    { name: snapname, ...(list.latest ? { parent: list.latest } : {}) },
    { name: 'current', parent: snapname },
  ];
  const label = guestLabel(g, status.name);
  return {
    target: planTarget(g, status),
    steps: [
      snapshotStep(g, { snapname, description: `Proxdeck snapshot policy: ${describePolicy(p)}` }),
      ...gone.map((name) => deleteStep(g, name)),
    ],
    diff: diffSnapshots(before, withoutSnapshots(taken, gone)).map((e) => ({
      ...e,
      key: `${g.vmid} ${e.key}`,
    })),
    warnings:
      gone.length > 0
        ? [{ code: 'data-loss', message: `${label}: ${gone.join(', ')} can no longer be rolled back to` }]
        : [],
  };
}

export interface PolicyPlanOptions {
  /** saving: the change shown, and what saves it (called as the plan starts, before its first call) */
  save?: { before?: PolicyInput; persist(): Promise<void> };
}

export async function buildPolicyRun(
  p: PolicyInput,
  ctx: BuildContext,
  opts: PolicyPlanOptions = {},
): Promise<BuiltAction> {
  const guests = await policyGuests(ctx, p.target);
  if (guests.length === 0)
    throw new AppFailure(
      'not_found',
      p.target.kind === 'guest'
        ? `guest ${p.target.guest.vmid} is not in this cluster (or is a template)`
        : `no guest is tagged '${p.target.tag}' yet: tag one first`,
    );
  const runs: GuestRun[] = [];
  for (const g of guests) runs.push(await guestRun(ctx, g, p));
  const steps = runs.flatMap((r) => r.steps);
  const { save } = opts;
  if (save && steps[0]) {
    const first = steps[0];
    steps[0] = {
      call: first.call,
      run: async (c) => {
        await save.persist();
        return first.run(c);
      },
    };
  }
  const change: DiffEntry[] = save
    ? [
        {
          kind: 'config',
          key: 'snapshot policy',
          change: save.before ? 'changed' : 'added',
          ...(save.before ? { before: describePolicy(save.before) } : {}),
          after: `${describePolicy(p)} (first run now)`,
        },
      ]
    : [];
  return {
    input: {
      title: save
        ? `Save snapshot policy: ${describePolicy(p)}`
        : `Snapshot policy run: ${describePolicy(p)}`,
      targets: runs.map((r) => r.target),
      diff: [...change, ...runs.flatMap((r) => r.diff)],
      warnings: runs.flatMap((r) => r.warnings),
    },
    steps,
    preconditions: [],
    targets: guests,
  };
}
