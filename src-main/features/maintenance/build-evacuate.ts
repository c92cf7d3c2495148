// The evacuation plan: every placed guest's migration (one bulk-action call per target on PVE 9 when the run should
// carry on past failures, with max-workers as the concurrency; otherwise one migrate call per guest, one at a time, so
// the run stops at the first failure with nothing else in flight), with guest -> target and why, and what cannot move.
import type { EvacuateOptions, EvacuationView } from '../../../src-shared/ipc/channels/maintenance.js';
import { actionCall, callFor, type PlanWarning } from '../../../src-shared/plans/plan.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { PveCaller, PveParams } from '../../pve/api/caller.js';
import { bulkMigrate, migrateGuest } from '../../pve/api/migrate.js';
import { changed, guestTarget } from '../../plans/op-calls.js';
import { guestLabel, type BuiltAction, type PlanStep } from '../../plans/plan-types.js';
import { readEvacuation } from './evacuate-reads.js';
import { placeGuests, type PlaceGuest, type Placement } from './placement.js';

const line = (g: PlaceGuest): { vmid: number; type: PlaceGuest['type']; name: string; running: boolean } => ({
  vmid: g.vmid,
  type: g.type,
  name: g.name,
  running: g.running,
});

export function viewOf(node: string, p: Placement, bulk: boolean): EvacuationView {
  return {
    node,
    moves: p.moves.map((m) => ({ ...line(m.guest), target: m.target, reason: m.reason })),
    cannotMove: p.cannotMove.map((m) => ({ ...line(m.guest), reason: m.reason })),
    staying: p.staying.map((m) => ({ ...line(m.guest), reason: m.reason })),
    targets: p.targets,
    mode: bulk ? 'bulk' : 'per-guest',
  };
}

export async function evacuationPreview(
  c: PveCaller,
  o: EvacuateOptions,
): Promise<{ view: EvacuationView; placement: Placement }> {
  const input = await readEvacuation(c, o.node);
  const placement = placeGuests({ ...input, includeStopped: o.includeStopped });
  const bulk = input.bulk && o.onFailure === 'continue';
  return { view: viewOf(o.node, placement, bulk), placement };
}

/** migrate params of one guest: live for running VMs (copying local disks), restart mode for running containers */
function migrateParams(g: PlaceGuest, target: string): PveParams {
  if (!g.running) return { target };
  if (g.type === 'lxc') return { target, restart: true };
  return { target, online: true, ...(g.localDiskBytes > 0 ? { 'with-local-disks': true } : {}) };
}

/** the migration steps of a placement (also the first part of a rolling-reboot node) */
export function evacuationSteps(
  source: string,
  placement: Placement,
  o: Pick<EvacuateOptions, 'concurrency'>,
  bulk: boolean,
): PlanStep[] {
  if (!bulk)
    return placement.moves.map(({ guest: g, target }) => {
      const ref = { node: source, type: g.type, vmid: g.vmid };
      const params = migrateParams(g, target);
      return {
        call: callFor('guest.migrate', ref, params, g.type),
        run: (c: PveCaller) => migrateGuest(c, ref, params),
      };
    });
  const byTarget = new Map<string, PlaceGuest[]>();
  for (const m of placement.moves) byTarget.set(m.target, [...(byTarget.get(m.target) ?? []), m.guest]);
  return [...byTarget].map(([target, guests]) => {
    const params = {
      target,
      vms: guests.map((g) => String(g.vmid)),
      'max-workers': o.concurrency,
      online: guests.some((g) => g.running),
      ...(guests.some((g) => g.localDiskBytes > 0 && g.running) ? { 'with-local-disks': true } : {}),
    };
    return {
      call: actionCall('guest.migrate.bulk', 'POST', '/cluster/bulk-action/guest/migrate', {}, params),
      run: (c: PveCaller) => bulkMigrate(c, params),
    };
  });
}

export function cannotMoveWarnings(p: Placement): PlanWarning[] {
  return p.cannotMove.map((m) => ({
    code: 'guest-running',
    message: `${guestLabel({ node: '', type: m.guest.type, vmid: m.guest.vmid }, m.guest.name)} cannot move and stays: ${m.reason}`,
  }));
}

export async function buildEvacuate(c: PveCaller, o: EvacuateOptions): Promise<BuiltAction> {
  const { view, placement } = await evacuationPreview(c, o);
  if (placement.moves.length === 0)
    throw new AppFailure(
      'conflict',
      `Nothing on ${o.node} can move: ${view.cannotMove.map((m) => `${m.vmid}: ${m.reason}`).join('; ') || 'no guests to move'}`,
    );
  const warnings: PlanWarning[] = [
    ...cannotMoveWarnings(placement),
    ...placement.moves
      .filter((m) => m.guest.localDiskBytes > 0)
      .map((m) => ({
        code: 'data-loss' as const,
        message: `local disks of ${m.guest.name} are copied to ${m.target}`,
      })),
  ];
  const refs = placement.moves.map((m) => ({ node: o.node, type: m.guest.type, vmid: m.guest.vmid }));
  return {
    input: {
      title: `Evacuate ${o.node}: move ${placement.moves.length} guest${placement.moves.length === 1 ? '' : 's'} (${view.mode === 'bulk' ? `${o.concurrency} at a time, carry on past failures` : 'one at a time, stop at the first failure'})`,
      targets: [
        { kind: 'node', id: o.node },
        ...placement.moves.map((m) =>
          guestTarget({ node: o.node, type: m.guest.type, vmid: m.guest.vmid }, m.guest.name),
        ),
      ],
      diff: placement.moves.flatMap((m, i) =>
        changed(`${guestLabel(refs[i]!, m.guest.name)} node (${m.reason})`, o.node, m.target),
      ),
      warnings,
    },
    steps: evacuationSteps(o.node, placement, o, view.mode === 'bulk'),
    preconditions: placement.moves.map((m, i) => ({
      guest: refs[i]!,
      label: guestLabel(refs[i]!, m.guest.name),
      status: m.guest.running ? 'running' : 'stopped',
    })),
    targets: placement.moves.map((m) => ({ node: m.target, type: m.guest.type, vmid: m.guest.vmid })),
  };
}
