// Plan builders for HA: add a guest as a resource, change its requested state and limits, remove it, migrate/relocate.
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { actionCall, callFor, type PlanTarget, type PlanWarning } from '../../../src-shared/plans/plan.js';
import {
  addHaResource,
  getHaStatus,
  listHaResources,
  moveHaResource,
  removeHaResource,
  updateHaResource,
  type HaResource,
} from '../../pve/api/ha.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getGuestStatus } from '../../pve/api/guests.js';
import { guestLabel, type BuildContext, type BuiltAction } from '../../plans/plan-types.js';
import { added, changed, guestTarget, haSid, removed } from '../../plans/op-calls.js';

type Of<K extends OperationAction['kind']> = Extract<OperationAction, { kind: K }>;

const limitParams = (a: {
  maxRestart?: number | undefined;
  maxRelocate?: number | undefined;
}): Record<string, number | undefined> => ({ max_restart: a.maxRestart, max_relocate: a.maxRelocate });

async function existing(c: PveCaller, sid: string): Promise<HaResource> {
  const r = (await listHaResources(c)).find((x) => x.sid === sid);
  if (!r) throw new AppFailure('not_found', `${sid} is not an HA resource`);
  return r;
}

const sidTarget = (sid: string, node?: string): PlanTarget => ({
  kind: sid.startsWith('vm:') ? 'qemu' : 'lxc',
  id: sid.slice(3),
  ...(node ? { node } : {}),
});

export async function buildHaAdd(a: Of<'ha.add'>, ctx: BuildContext): Promise<BuiltAction> {
  const g = a.guest;
  const sid = haSid(g);
  // the guest's own status says whether HA manages it: no Sys.Audit needed to build the plan
  const status = await getGuestStatus(ctx.caller, g);
  if (status.ha?.managed) throw new AppFailure('conflict', `${sid} is already an HA resource`);
  const params = { sid, state: a.state, ...limitParams(a), comment: a.comment };
  const warnings: PlanWarning[] = [];
  if (a.state === 'started' && status.status !== 'running')
    warnings.push({
      code: 'guest-running',
      message: `HA will start ${guestLabel(g, status.name)} (requested state started)`,
    });
  if (a.state === 'stopped' && status.status === 'running')
    warnings.push({
      code: 'guest-running',
      message: `HA will stop ${guestLabel(g, status.name)} (requested state stopped)`,
    });
  return {
    input: {
      title: `Add ${guestLabel(g, status.name)} to HA`,
      targets: [guestTarget(g, status.name)],
      diff: [
        added(
          `ha ${sid}`,
          `state=${a.state}, max_restart=${a.maxRestart ?? 1}, max_relocate=${a.maxRelocate ?? 1}`,
        ),
      ],
      warnings,
    },
    steps: [{ call: callFor('ha.manage', {}, params), run: (c) => addHaResource(c, params) }],
    preconditions: [],
    targets: [g],
  };
}

export async function buildHaUpdate(a: Of<'ha.update'>, ctx: BuildContext): Promise<BuiltAction> {
  const r = await existing(ctx.caller, a.sid);
  const params = { state: a.state, ...limitParams(a), digest: r.digest };
  const diff = [
    ...changed(`ha ${a.sid} state`, r.state, a.state ?? r.state),
    ...changed(`ha ${a.sid} max_restart`, String(r.maxRestart), String(a.maxRestart ?? r.maxRestart)),
    ...changed(`ha ${a.sid} max_relocate`, String(r.maxRelocate), String(a.maxRelocate ?? r.maxRelocate)),
  ];
  if (diff.length === 0) throw new AppFailure('bad_parameter', 'Nothing to change');
  return {
    input: { title: `Change HA settings of ${a.sid}`, targets: [sidTarget(a.sid)], diff, warnings: [] },
    steps: [
      {
        call: actionCall('ha.manage', 'PUT', '/cluster/ha/resources/{sid}', { sid: a.sid }, params),
        run: (c) => updateHaResource(c, a.sid, params),
      },
    ],
    preconditions: [],
    targets: [],
  };
}

export async function buildHaRemove(a: Of<'ha.remove'>, ctx: BuildContext): Promise<BuiltAction> {
  const r = await existing(ctx.caller, a.sid);
  return {
    input: {
      title: `Remove ${a.sid} from HA`,
      targets: [sidTarget(a.sid)],
      diff: [
        removed(
          `ha ${a.sid}`,
          `state=${r.state}, max_restart=${r.maxRestart}, max_relocate=${r.maxRelocate}`,
        ),
      ],
      warnings: [
        { code: 'ha-managed', message: `${a.sid} is no longer restarted or moved by HA when its node fails` },
      ],
    },
    steps: [
      {
        call: actionCall('ha.manage', 'DELETE', '/cluster/ha/resources/{sid}', { sid: a.sid }),
        run: (c) => removeHaResource(c, a.sid),
      },
    ],
    preconditions: [],
    targets: [],
  };
}

/** HA moves asynchronously: the step waits until the HA status shows the resource on the target (bounded). */
export async function moveThroughHa(
  c: PveCaller,
  sid: string,
  verb: 'migrate' | 'relocate',
  node: string,
  pollMs: number,
  timeoutMs = 300_000,
): Promise<undefined> {
  await moveHaResource(c, sid, verb, node);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const svc = (await getHaStatus(c)).services.find((s) => s.sid === sid);
    if (svc?.node === node && !['migrate', 'relocate'].includes(svc.state)) return undefined;
    if (Date.now() >= deadline)
      throw new AppFailure('timeout', `HA did not move ${sid} to ${node} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export async function buildHaMove(a: Of<'ha.move'>, ctx: BuildContext, pollMs: number): Promise<BuiltAction> {
  await existing(ctx.caller, a.sid);
  const from = (await getHaStatus(ctx.caller)).services.find((s) => s.sid === a.sid)?.node ?? '?';
  if (from === a.node) throw new AppFailure('bad_parameter', `${a.sid} already runs on ${a.node}`);
  return {
    input: {
      title: `${a.verb === 'migrate' ? 'Migrate' : 'Relocate'} ${a.sid} to ${a.node} through HA`,
      targets: [sidTarget(a.sid, from), { kind: 'node', id: a.node }],
      diff: changed(`${a.sid} node`, from, a.node),
      warnings:
        a.verb === 'relocate'
          ? [
              {
                code: 'guest-running',
                message: `relocate stops ${a.sid} on ${from} and starts it on ${a.node}`,
              },
            ]
          : [],
    },
    steps: [
      {
        call: actionCall(
          'ha.manage',
          'POST',
          `/cluster/ha/resources/{sid}/${a.verb}`,
          { sid: a.sid },
          { node: a.node },
        ),
        run: (c) => moveThroughHa(c, a.sid, a.verb, a.node, pollMs),
      },
    ],
    preconditions: [],
    targets: [],
  };
}
