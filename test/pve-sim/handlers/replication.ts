// Storage replication: /cluster/replication CRUD (VM.Replicate / VM.Audit checked in-handler as PVE does) and the per-node
// job status, log and schedule_now; a scheduled run completes lazily once the simulated task duration has passed.
import type { HandlerContext, HandlerRegistry, SimRequest } from '../http/types.js';
import { permError } from '../http/types.js';
import { opsState, sha1, type ReplicationJob, type ReplicationRun } from '../cluster/ops-state.js';
import { can, fail, flag, optNum, optStr, str, type SimCore } from './common.js';

const OPTIONAL = ['schedule', 'comment', 'rate', 'disable', 'remove_job', 'source'] as const;

// next run of an every-N-minutes schedule (the star-slash-N form) after `after` (s); other calendar forms fall back to 15 minutes
function nextSync(schedule: string | undefined, after: number): number {
  const m = /^\*\/(\d+)$/.exec(schedule ?? '*/15');
  const step = (m ? Number(m[1]) : 15) * 60;
  return (Math.floor(after / step) + 1) * step;
}

export function registerReplication(reg: HandlerRegistry, core: SimCore): void {
  const { state, tasks } = core;
  const ops = (): ReturnType<typeof opsState> => opsState(state);
  const settle = (id: string): ReplicationRun => {
    const jobs = ops().replication;
    const runs = ops().replicationRuns;
    let run = runs.get(id);
    if (!run) runs.set(id, (run = { last_sync: 0, last_try: 0, duration: 0, fail_count: 0 }));
    if (run.runningUntil !== undefined && state.now() >= run.runningUntil) {
      run.last_sync = run.last_try = Math.floor(run.runningUntil / 1000);
      run.duration = Math.max(0.1, tasks.durationMs / 1000);
      delete run.runningUntil;
      const job = jobs.get(id);
      if (job?.remove_job) {
        jobs.delete(id);
        runs.delete(id);
      }
    }
    return run;
  };
  const all = (): ReplicationJob[] => {
    for (const id of [...ops().replication.keys()]) settle(id);
    return [...ops().replication.values()];
  };
  const job = (id: string): ReplicationJob => {
    settle(id);
    const j = ops().replication.get(id);
    if (!j) throw fail(`no such replication job '${id}'`);
    return j;
  };
  const check = (
    req: SimRequest,
    ctx: HandlerContext,
    vmid: number,
    priv: 'VM.Audit' | 'VM.Replicate',
  ): void => {
    if (!can(req, ctx, `/vms/${vmid}`, priv)) throw permError(`/vms/${vmid}`, priv);
  };
  const view = (j: ReplicationJob): Record<string, unknown> => ({ ...j, digest: sha1(JSON.stringify(j)) });
  const setFields = (j: ReplicationJob, req: SimRequest): void => {
    const rec = j as unknown as Record<string, unknown>;
    for (const k of String(req.params['delete'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean))
      delete rec[k];
    for (const k of OPTIONAL)
      if (req.params[k] !== undefined && req.params[k] !== null) rec[k] = req.params[k];
  };
  const status = (j: ReplicationJob): Record<string, unknown> => {
    const run = settle(j.id);
    const g = state.guests.get(j.guest);
    const out: Record<string, unknown> = {
      ...j,
      source: g?.node ?? j.source,
      vmtype: g?.type ?? 'qemu',
      last_sync: run.last_sync,
      last_try: run.last_try,
      duration: run.duration,
      fail_count: run.fail_count,
      next_sync:
        run.runningUntil !== undefined
          ? Math.floor(run.runningUntil / 1000)
          : j.disable
            ? undefined
            : nextSync(j.schedule, run.last_try),
    };
    if (run.runningUntil !== undefined) Object.assign(out, { pid: 41_230, ptime: run.last_try });
    if (run.error) out['error'] = run.error;
    return out;
  };
  const onNode = (node: string, j: ReplicationJob): boolean => state.guests.get(j.guest)?.node === node;

  reg.add('GET', '/cluster/replication', (req, ctx) =>
    all()
      .filter((j) => can(req, ctx, `/vms/${j.guest}`, 'VM.Audit'))
      .map(view),
  );
  reg.add('GET', '/cluster/replication/{id}', (req, ctx) => {
    const j = job(str(req, 'id'));
    check(req, ctx, j.guest, 'VM.Audit');
    return view(j);
  });
  reg.add('POST', '/cluster/replication', (req, ctx) => {
    const id = str(req, 'id');
    const [guest, jobnum] = id.split('-').map(Number) as [number, number];
    check(req, ctx, guest, 'VM.Replicate');
    if (ops().replication.has(id)) throw fail(`replication job '${id}' already exists`);
    const g = state.guests.get(guest);
    if (!g) throw fail(`guest '${guest}' does not exist`);
    const target = state.node(str(req, 'target')).name;
    if (target === g.node) throw fail(`unable to replicate to local node '${target}'`);
    if ([...ops().replication.values()].some((j) => j.guest === guest && j.target === target))
      throw fail(`replication job for guest '${guest}' to target '${target}' already exists`);
    const j: ReplicationJob = { id, guest, jobnum, target, type: 'local' };
    setFields(j, req);
    ops().replication.set(id, j);
    return null;
  });
  reg.add('PUT', '/cluster/replication/{id}', (req, ctx) => {
    const j = job(str(req, 'id'));
    check(req, ctx, j.guest, 'VM.Replicate');
    const digest = optStr(req, 'digest');
    if (digest !== undefined && digest !== view(j)['digest'])
      throw fail('detected modified configuration - file changed by other user? Try again.');
    setFields(j, req);
    return null;
  });
  reg.add('DELETE', '/cluster/replication/{id}', (req, ctx) => {
    const j = job(str(req, 'id'));
    check(req, ctx, j.guest, 'VM.Replicate');
    if (flag(req, 'force')) {
      ops().replication.delete(j.id);
      ops().replicationRuns.delete(j.id);
      return null;
    }
    // PVE marks the job; the replication runner removes its snapshots (and with 'full' the target volumes), then the job
    j.remove_job = flag(req, 'keep') ? 'local' : 'full';
    settle(j.id).runningUntil = state.now() + tasks.durationMs;
    return null;
  });

  reg.add('GET', '/nodes/{node}/replication', (req, ctx) => {
    const node = state.node(str(req, 'node')).name;
    const guest = optNum(req, 'guest');
    return all()
      .filter(
        (j) =>
          onNode(node, j) &&
          (guest === undefined || j.guest === guest) &&
          can(req, ctx, `/vms/${j.guest}`, 'VM.Audit'),
      )
      .map(status);
  });
  const local = (req: SimRequest): ReplicationJob => {
    const node = state.node(str(req, 'node')).name;
    const j = job(str(req, 'id'));
    if (!onNode(node, j)) throw fail(`no such replication job '${j.id}'`);
    return j;
  };
  reg.add('GET', '/nodes/{node}/replication/{id}', (req) => {
    local(req);
    return [{ name: 'schedule_now' }, { name: 'log' }, { name: 'status' }];
  });
  reg.add('GET', '/nodes/{node}/replication/{id}/status', (req, ctx) => {
    const j = local(req);
    check(req, ctx, j.guest, 'VM.Audit');
    return status(j);
  });
  reg.add('GET', '/nodes/{node}/replication/{id}/log', (req, ctx) => {
    const j = local(req);
    if (
      !can(req, ctx, `/vms/${j.guest}`, 'VM.Audit') &&
      !can(req, ctx, `/nodes/${str(req, 'node')}`, 'Sys.Audit')
    )
      throw permError(`/vms/${j.guest}`, 'VM.Audit');
    const run = settle(j.id);
    if (!run.last_try) return [];
    const at = new Date(run.last_try * 1000).toISOString().replace('T', ' ').slice(0, 19);
    const lines = [
      `${at} ${j.id}: start replication job`,
      `${at} ${j.id}: guest => VM ${j.guest}, running => 1`,
      `${at} ${j.id}: volumes => local-zfs:vm-${j.guest}-disk-0`,
      `${at} ${j.id}: end replication job`,
    ];
    return lines.map((t, i) => ({ n: i + 1, t }));
  });
  reg.add('POST', '/nodes/{node}/replication/{id}/schedule_now', (req, ctx) => {
    const j = local(req);
    check(req, ctx, j.guest, 'VM.Replicate');
    const run = settle(j.id);
    if (run.runningUntil === undefined) {
      run.last_try = state.nowSec();
      run.runningUntil = state.now() + tasks.durationMs;
    }
    return null;
  });
}
