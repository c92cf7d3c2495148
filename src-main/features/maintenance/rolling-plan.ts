// The plan of one node of a rolling reboot, from the step it stopped at: evacuate (one migration at a time), reboot,
// wait until it is back online with the cluster quorate, move its guests back. Each step waits for its own end and
// records it in the rolling store before the next starts, so after an app restart nothing that finished runs again.
import type { RollingState } from '../../../src-shared/ipc/channels/maintenance.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { actionCall, callFor } from '../../../src-shared/plans/plan.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getClusterStatus } from '../../pve/api/cluster.js';
import { migrateGuest } from '../../pve/api/migrate.js';
import { getNodeStatus, rebootNode } from '../../pve/api/nodes.js';
import { trackTask } from '../../pollers/task-tracker.js';
import { changed } from '../../plans/op-calls.js';
import type { BuiltAction, PlanStep } from '../../plans/plan-types.js';
import { evacuationPreview, cannotMoveWarnings } from './build-evacuate.js';
import type { RollingStore } from './rolling-store.js';

export interface RollingDeps {
  store: RollingStore;
  /** task and readiness poll interval */
  pollMs: number;
  /** how long a node may take to come back */
  bootDeadlineMs: number;
}

type NodeState = RollingState['nodes'][number];

/** the next node that is not done, after closing nodes that only have bookkeeping left */
export function nextNode(s: RollingState): NodeState | undefined {
  for (const n of s.nodes) {
    if (n.phase === 'online' && (!s.moveBack || n.moved.length === 0)) {
      n.phase = 'done';
      n.log.push('nothing to move back');
    }
    if (n.phase !== 'done') return n;
  }
  return undefined;
}

async function waitTask(c: PveCaller, upid: string, pollMs: number): Promise<void> {
  const out = await trackTask(c, upid, { intervalMs: pollMs });
  if (!out.ok) throw new AppFailure('server_error', out.exitstatus);
}

async function untilBack(c: PveCaller, n: NodeState, deps: RollingDeps): Promise<void> {
  const deadline = Date.now() + deps.bootDeadlineMs;
  let unreachable = 0;
  for (;;) {
    const [status, cluster] = await Promise.all([
      getNodeStatus(c, n.node).catch(() => undefined),
      getClusterStatus(c).catch(() => undefined),
    ]);
    // the rebooting node may be unreachable, the cluster should not be: give up when nothing answers for long
    unreachable = cluster === undefined ? unreachable + 1 : 0;
    if (unreachable > 30) throw new AppFailure('unreachable', 'The cluster stopped answering while waiting');
    const rebooted = status !== undefined && (n.uptimeBefore === undefined || status.uptime < n.uptimeBefore);
    const member = cluster?.nodes.find((m) => m.name === n.node);
    if (rebooted && member?.online && cluster?.cluster?.quorate !== false) return;
    if (Date.now() > deadline)
      throw new AppFailure('timeout', `${n.node} did not come back online and quorate in time`);
    await new Promise((r) => setTimeout(r, deps.pollMs));
  }
}

export async function buildRollingNode(
  c: PveCaller,
  s: RollingState,
  deps: RollingDeps,
): Promise<BuiltAction> {
  const n = nextNode(s);
  if (!n) throw new AppFailure('conflict', 'Every node of this rolling reboot is done');
  const save = (what: string): Promise<void> => {
    n.log.push(what);
    return deps.store.put(s);
  };
  const steps: PlanStep[] = [];
  const movedOff: RollingState['nodes'][number]['moved'] = [];
  const warnings = [];
  const diff = [];
  if (n.phase === 'pending') {
    const { placement } = await evacuationPreview(c, {
      node: n.node,
      includeStopped: false,
      concurrency: 1,
      onFailure: 'stop',
    });
    if (placement.cannotMove.length > 0)
      throw new AppFailure(
        'conflict',
        `${n.node} cannot be emptied, its reboot would stop: ${placement.cannotMove.map((m) => `${m.guest.name} (${m.reason})`).join('; ')}`,
      );
    warnings.push(...cannotMoveWarnings(placement));
    placement.moves.forEach(({ guest: g, target, reason }, i) => {
      const ref = { node: n.node, type: g.type, vmid: g.vmid };
      const params = g.type === 'qemu' ? { target, online: g.running } : { target, restart: g.running };
      diff.push(...changed(`${g.name} (${g.vmid}) node (${reason})`, n.node, target));
      movedOff.push({ vmid: g.vmid, type: g.type, to: target });
      steps.push({
        call: callFor('guest.migrate', ref, params, g.type),
        run: async (cc) => {
          await waitTask(cc, await migrateGuest(cc, ref, params), deps.pollMs);
          n.moved.push({ vmid: g.vmid, type: g.type, to: target });
          if (i === placement.moves.length - 1) n.phase = 'evacuated';
          await save(`moved ${g.vmid} to ${target}`);
          return undefined;
        },
      });
    });
    if (placement.moves.length === 0) n.phase = 'evacuated';
  }
  if (n.phase === 'pending' || n.phase === 'evacuated') {
    steps.push({
      call: callFor('node.reboot', { node: n.node }, { command: 'reboot' }),
      run: async (cc) => {
        n.uptimeBefore = (await getNodeStatus(cc, n.node)).uptime;
        n.phase = 'rebooting';
        // recorded before asking: a restart now waits for this reboot instead of asking for a second one
        await save('reboot requested');
        await rebootNode(cc, n.node);
        return undefined;
      },
    });
    diff.push(...changed(`${n.node} state`, 'online', 'rebooted'));
  }
  if (n.phase !== 'online') {
    steps.push({
      call: actionCall('node.reboot', 'GET', '/nodes/{node}/status', { node: n.node }),
      run: async (cc) => {
        await untilBack(cc, n, deps);
        n.phase = s.moveBack && n.moved.length > 0 ? 'online' : 'done';
        await save('back online, cluster quorate');
        return undefined;
      },
    });
  }
  if (s.moveBack) {
    const back = n.phase === 'pending' ? movedOff : n.moved;
    back.forEach((m, i) => {
      const ref = { node: m.to, type: m.type, vmid: m.vmid };
      const params = m.type === 'qemu' ? { target: n.node, online: true } : { target: n.node, restart: true };
      diff.push(...changed(`guest ${m.vmid} node (move back)`, m.to, n.node));
      steps.push({
        call: callFor('guest.migrate', ref, params, m.type),
        run: async (cc) => {
          await waitTask(cc, await migrateGuest(cc, ref, params), deps.pollMs);
          n.moved = n.moved.filter((x) => x.vmid !== m.vmid);
          if (i === back.length - 1) n.phase = 'done';
          await save(`moved ${m.vmid} back`);
          return undefined;
        },
      });
    });
  }
  const index = s.nodes.indexOf(n) + 1;
  return {
    input: {
      title: `Rolling reboot ${index}/${s.nodes.length}: ${n.node}${n.phase === 'pending' ? '' : ` (resuming after: ${n.log.at(-1) ?? n.phase})`}`,
      targets: [{ kind: 'node', id: n.node }],
      diff,
      warnings: [
        ...warnings,
        { code: 'needs-reboot', message: `${n.node} reboots; the next node waits for your approval` },
      ],
      destructive: true,
      confirmWord: n.node,
    },
    steps,
    preconditions: [],
    targets: [],
  };
}
