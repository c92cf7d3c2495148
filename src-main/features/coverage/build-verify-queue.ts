// "Verify latest backups" as one plan: the backups feature's restore → start → check → destroy verification, once per
// queued archive, one after the other on one node (and storage). Each verification's outcome is recorded as soon as it
// ends, and a failed one does not stop the queue; only a scratch guest that could not be removed stops it (the next
// restore would reuse its id). The reports are live objects the queue report request answers.
import type { QueueItem, QueueReport } from '../../../src-shared/ipc/channels/coverage.js';
import type { VerifyReport } from '../../../src-shared/ipc/channels/backups.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { added } from '../../plans/op-calls.js';
import type { BuiltAction, PlanStep } from '../../plans/plan-types.js';
import { trackTask } from '../../pollers/task-tracker.js';
import { buildVerify } from '../backups/build-verify.js';
import type { VerifyRecord } from '../backups/verify-results.js';

export interface QueueSpec {
  node: string;
  storage?: string | undefined;
  items: QueueItem[];
  timeoutSec?: number | undefined;
}

export interface QueueDeps {
  pollMs: number;
  now: () => number;
  /** keeps one finished verification (the verify-results store) */
  record(r: Omit<VerifyRecord, 'profileId'>): Promise<void>;
}

type Item = QueueReport['items'][number];

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function failed(report: VerifyReport, detail: string): void {
  if (report.state !== 'fail') Object.assign(report, { state: 'fail', detail });
}

/** One verification's steps, made to keep going: a task is followed here, a failure marks the report, not the plan. */
function queuedSteps(steps: PlanStep[], report: Item, deps: QueueDeps): PlanStep[] {
  let restored = false;
  const last = steps.length - 1;
  return steps.map((s, i) => ({
    call: s.call,
    run: async (c: PveCaller) => {
      // without a restored scratch guest there is nothing to start, check or remove
      if (i > 0 && !restored && report.state === 'fail') return finish(i);
      try {
        const upid = await s.run(c);
        if (upid !== undefined) {
          const out = await trackTask(c, upid, { intervalMs: deps.pollMs });
          if (!out.ok) throw new AppFailure('server_error', out.exitstatus);
        }
        if (i === 0) restored = true;
      } catch (e) {
        if (i === last && !report.cleanedUp && restored) {
          failed(report, errText(e));
          await finish(i);
          throw new AppFailure(
            'server_error',
            `the scratch guest ${report.scratchVmid} could not be removed (${errText(e)}); the verifications after it did not run`,
          );
        }
        // the last step reports a failed check by throwing after the cleanup: the report already says why
        failed(report, i === 0 ? `restore failed: ${errText(e)}` : errText(e));
        // PVE removes what a failed restore created: nothing is left to clean up
        if (i === 0) report.cleanedUp = true;
      }
      return finish(i);
    },
  }));

  async function finish(i: number): Promise<undefined> {
    if (i !== last) return undefined;
    await deps.record({
      time: new Date(deps.now()).toISOString(),
      volid: report.volid,
      state: report.state === 'pass' ? 'pass' : 'fail',
      scratchVmid: report.scratchVmid,
      ...(report.detail ? { detail: report.detail } : {}),
    });
    return undefined;
  }
}

export async function buildVerifyQueue(
  caller: PveCaller,
  planId: string,
  spec: QueueSpec,
  deps: QueueDeps,
): Promise<{ built: BuiltAction; report: QueueReport }> {
  const volids = spec.items.map((i) => i.volid);
  if (new Set(volids).size !== volids.length)
    throw new AppFailure('bad_parameter', 'an archive is queued twice');
  const ctx = { caller, plan: {}, now: () => new Date(deps.now()) };
  // built one after the other: each asks /cluster/nextid, and they all get the same free id, which is right — the
  // verifications run one at a time and each removes its scratch guest before the next restores
  const verifies: Array<{ built: BuiltAction; report: Item }> = [];
  for (const item of spec.items) {
    const { built, report } = await buildVerify(
      {
        kind: 'backup.verify',
        node: spec.node,
        type: item.type,
        volid: item.volid,
        ...(spec.storage ? { storage: spec.storage } : {}),
        ...(spec.timeoutSec ? { timeoutSec: spec.timeoutSec } : {}),
      },
      ctx,
      { pollMs: deps.pollMs, now: deps.now },
    );
    // the same object: the verification's steps write their progress into it
    verifies.push({ built, report: Object.assign(report, { planId, vmid: item.vmid }) });
  }
  const scratch = verifies[0]?.report.scratchVmid;
  const where = `on ${spec.node}${spec.storage ? `, disks on ${spec.storage}` : ''}`;
  const items = verifies.map((v) => v.report);
  const steps = verifies.flatMap((v) => queuedSteps(v.built.steps, v.report, deps));
  const lastStep = steps.at(-1);
  if (lastStep) {
    const inner = lastStep.run;
    // the plan ends failed when any verification failed, so the run result says so too
    lastStep.run = async (c) => {
      await inner(c);
      const bad = items.filter((r) => r.state !== 'pass');
      if (bad.length)
        throw new AppFailure(
          'server_error',
          `${bad.length} of ${items.length} verifications failed: ${bad.map((r) => `${r.volid} (${r.detail ?? 'failed'})`).join('; ')}`,
        );
      return undefined;
    };
  }
  return {
    built: {
      input: {
        title: `Verify the latest backups of ${items.length} guest${items.length === 1 ? '' : 's'} ${where}`,
        targets: [
          { kind: 'node', id: spec.node },
          ...(spec.storage ? [{ kind: 'storage' as const, id: spec.storage, node: spec.node }] : []),
        ],
        diff: [
          ...items.map((r, i) =>
            added(
              `${i + 1}. ${r.volid}`,
              `restored to scratch guest ${r.scratchVmid} ${where}, started, checked, then stopped and destroyed`,
            ),
          ),
          added(
            'order',
            `one at a time; each reuses the scratch id ${scratch ?? ''} after the previous one is gone`,
          ),
        ],
        warnings: [],
      },
      steps,
      preconditions: [],
      targets: [],
    },
    report: { planId, items },
  };
}
