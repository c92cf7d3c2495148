// Restore verification as one plan: restore a backup to a fresh vmid, start it, wait until it runs (and its guest agent
// answers, for VMs with an agent), record pass/fail with timings, then stop and remove the scratch guest either way.
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import type { VerifyReport } from '../../../src-shared/ipc/channels/backups.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { actionCall, callFor } from '../../../src-shared/plans/plan.js';
import { pingAgent } from '../../pve/api/agent-ping.js';
import { restoreParams } from '../../pve/api/backups.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { getNextId } from '../../pve/api/cluster.js';
import { createGuest, destroyGuest } from '../../pve/api/create.js';
import { getGuestConfig, getGuestStatus, powerAction } from '../../pve/api/guests.js';
import { trackTask } from '../../pollers/task-tracker.js';
import { guestLabel, guestVars, type BuildContext, type BuiltAction } from '../../plans/plan-types.js';
import { added, guestTarget, removed } from '../../plans/op-calls.js';

type Verify = Extract<OperationAction, { kind: 'backup.verify' }>;

export interface VerifyDeps {
  /** task and readiness poll interval (1 s like the PVE GUI) */
  pollMs: number;
  now: () => number;
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Polls `probe` until it answers true or the deadline passes; probe errors count as "not yet". */
async function until(probe: () => Promise<boolean>, deadline: number, deps: VerifyDeps): Promise<boolean> {
  for (;;) {
    if (await probe().catch(() => false)) return true;
    if (deps.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, deps.pollMs));
  }
}

async function runTask(c: PveCaller, upid: string, deps: VerifyDeps): Promise<void> {
  const out = await trackTask(c, upid, { intervalMs: deps.pollMs });
  if (!out.ok) throw new AppFailure('server_error', out.exitstatus);
}

export function buildVerify(
  a: Verify,
  ctx: BuildContext,
  deps: VerifyDeps,
): Promise<{ built: BuiltAction; report: VerifyReport }> {
  return getNextId(ctx.caller).then((vmid) => {
    const g: GuestRef = { node: a.node, type: a.type, vmid };
    const timeoutMs = (a.timeoutSec ?? 120) * 1000;
    const report: VerifyReport = {
      planId: '',
      state: 'pending',
      scratchVmid: vmid,
      volid: a.volid,
      timings: {},
      agentChecked: false,
      cleanedUp: false,
    };
    const fail = (detail: string): void => {
      if (report.state !== 'fail') Object.assign(report, { state: 'fail', detail });
    };
    let mark = 0;
    const lap = (phase: string): void => {
      const t = deps.now();
      report.timings[phase] = t - mark;
      mark = t;
    };
    const params = restoreParams(a.type, {
      vmid,
      volid: a.volid,
      unique: true,
      ...(a.storage ? { storage: a.storage } : {}),
    });
    const label = guestLabel(g, `verify-${vmid}`);
    const waitPath =
      a.type === 'qemu' ? '/nodes/{node}/qemu/{vmid}/agent/ping' : '/nodes/{node}/lxc/{vmid}/status/current';
    const built: BuiltAction = {
      input: {
        title: `Verify backup ${a.volid} (scratch ${guestLabel(g)})`,
        targets: [
          guestTarget(g, `scratch for ${a.volid}`),
          { kind: 'storage', id: a.volid.split(':')[0] ?? '', node: a.node },
        ],
        diff: [
          added(`scratch ${label}`, `restored from ${a.volid}, started, checked`),
          removed(`scratch ${label}`, 'stopped and destroyed after the check'),
        ],
        warnings: [],
      },
      steps: [
        {
          call: callFor('backup.restore', { node: a.node, vmid, storage: a.storage }, params, a.type),
          run: (c) => {
            report.state = 'running';
            mark = deps.now();
            return createGuest(c, a.node, a.type, params);
          },
        },
        {
          call: callFor('guest.start', guestVars(g), {}, a.type),
          run: async (c) => {
            lap('restore');
            try {
              await runTask(c, await powerAction(c, g, 'start'), deps);
              lap('start');
            } catch (e) {
              fail(`start failed: ${errText(e)}`);
            }
            return undefined;
          },
        },
        {
          call:
            a.type === 'qemu'
              ? actionCall('guest.agent.info', 'POST', waitPath, guestVars(g))
              : actionCall('guest.view', 'GET', waitPath, guestVars(g)),
          run: async (c) => {
            if (report.state === 'fail') return undefined;
            const deadline = deps.now() + timeoutMs;
            if (
              !(await until(async () => (await getGuestStatus(c, g)).status === 'running', deadline, deps))
            ) {
              fail(`the guest did not reach "running" within ${timeoutMs / 1000} s`);
              return undefined;
            }
            lap('running');
            const agent =
              a.type === 'qemu' && /^(1|enabled=1)/.test((await getGuestConfig(c, g)).config.agent ?? '');
            if (agent) {
              report.agentChecked = true;
              if (!(await until(() => pingAgent(c, g).then(() => true), deadline, deps))) {
                fail(`the guest agent did not answer within ${timeoutMs / 1000} s`);
                return undefined;
              }
              lap('agent');
            }
            report.state = 'pass';
            return undefined;
          },
        },
        {
          call: callFor('guest.stop', guestVars(g), {}, a.type),
          run: async (c) => {
            const s = await getGuestStatus(c, g).catch(() => undefined);
            if (s && s.status !== 'stopped') await runTask(c, await powerAction(c, g, 'stop'), deps);
            return undefined;
          },
        },
        {
          call: callFor('guest.delete', guestVars(g), { purge: true }, a.type),
          run: async (c) => {
            await runTask(c, await destroyGuest(c, g), deps);
            report.cleanedUp = true;
            if (report.state !== 'pass')
              throw new AppFailure(
                'server_error',
                `verification failed: ${report.detail ?? 'unknown'} (scratch guest removed)`,
              );
            return undefined;
          },
        },
      ],
      preconditions: [],
      targets: [],
    };
    return { built, report };
  });
}
