// Task endpoints: /nodes/{node}/tasks (list, status, log, stop) and /cluster/tasks.
import {
  PveHttpError,
  permError,
  type HandlerRegistry,
  type Principal,
  type SimRequest,
} from '../http/types.js';
import type { TaskRecord } from '../cluster/tasks.js';
import { parseUpid } from '../cluster/upid.js';
import { can, flag, optNum, optStr, str, who, type SimCore } from './common.js';
import type { HandlerContext } from '../http/types.js';

function owns(p: Principal, t: TaskRecord): boolean {
  return p.kind === 'token' ? t.user === p.full : t.userid === p.userid;
}

function fields(t: TaskRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    upid: t.upid,
    node: t.node,
    pid: t.pid,
    pstart: t.pstart,
    starttime: t.starttime,
    type: t.type,
    id: t.id,
    user: t.userid,
  };
  if (t.tokenid) out['tokenid'] = t.tokenid;
  return out;
}

const STATUS_CLASS = (t: TaskRecord): string => {
  if (t.status === 'running') return 'running';
  if (t.exitstatus === 'OK') return 'ok';
  if (t.exitstatus?.startsWith('WARNINGS')) return 'warning';
  return 'error';
};

function taskFor(core: SimCore, req: SimRequest, ctx: HandlerContext): TaskRecord {
  const upid = str(req, 'upid');
  const parsed = parseUpid(upid);
  if (!parsed)
    throw new PveHttpError(400, 'Parameter verification failed.\n', { upid: 'unable to parse worker upid' });
  const t = core.tasks.get(upid);
  if (!t || parsed.node !== str(req, 'node'))
    throw new PveHttpError(400, 'Parameter verification failed.\n', { upid: 'no such task' });
  if (!owns(who(req), t) && !can(req, ctx, `/nodes/${t.node}`, 'Sys.Audit')) throw permError();
  return t;
}

export function registerTasks(reg: HandlerRegistry, core: SimCore): void {
  reg.add('GET', '/nodes/{node}/tasks', (req, ctx) => {
    const node = core.state.node(str(req, 'node')).name;
    const source = optStr(req, 'source') ?? 'archive';
    const audit = can(req, ctx, `/nodes/${node}`, 'Sys.Audit');
    const vmid = optStr(req, 'vmid');
    const typefilter = optStr(req, 'typefilter');
    const userfilter = optStr(req, 'userfilter');
    const statusfilter = optStr(req, 'statusfilter')?.split(/[,;\s]+/);
    const since = optNum(req, 'since');
    const until = optNum(req, 'until');
    const list = core.tasks.list().filter((t) => {
      if (t.node !== node) return false;
      if (source === 'archive' && t.status === 'running') return false;
      if (source === 'active' && t.status !== 'running') return false;
      if (!audit && !owns(who(req), t)) return false;
      if (vmid !== undefined && t.id !== vmid) return false;
      if (typefilter && !t.type.includes(typefilter)) return false;
      if (userfilter && !t.user.includes(userfilter)) return false;
      if (flag(req, 'errors') && STATUS_CLASS(t) !== 'error') return false;
      if (statusfilter && !statusfilter.includes(STATUS_CLASS(t))) return false;
      if (since !== undefined && t.starttime < since) return false;
      if (until !== undefined && t.starttime > until) return false;
      return true;
    });
    const start = optNum(req, 'start') ?? 0;
    const limit = optNum(req, 'limit') ?? 50;
    const page = list.slice(start, limit > 0 ? start + limit : undefined).map((t) => ({
      ...fields(t),
      ...(t.status === 'running' ? { status: 'RUNNING' } : { status: t.exitstatus, endtime: t.endtime }),
    }));
    return { __envelope: true, data: page, total: list.length };
  });

  reg.add('GET', '/nodes/{node}/tasks/{upid}', () => [{ name: 'log' }, { name: 'status' }]);

  reg.add('GET', '/nodes/{node}/tasks/{upid}/status', (req, ctx) => {
    const t = taskFor(core, req, ctx);
    const out = { ...fields(t), status: t.status };
    return t.status === 'stopped' ? { ...out, exitstatus: t.exitstatus } : out;
  });

  reg.add('GET', '/nodes/{node}/tasks/{upid}/log', (req, ctx) => {
    const t = taskFor(core, req, ctx);
    if (t.log.length === 0) return { __envelope: true, data: [{ n: 1, t: 'no content' }], total: 1 };
    const start = optNum(req, 'start') ?? 0;
    const limit = optNum(req, 'limit') ?? 50;
    const lines = t.log
      .slice(start, limit > 0 ? start + limit : undefined)
      .map((text, i) => ({ n: start + i + 1, t: text }));
    return { __envelope: true, data: lines, total: t.log.length };
  });

  reg.add('DELETE', '/nodes/{node}/tasks/{upid}', (req, ctx) => {
    const t = taskFor(core, req, ctx);
    core.tasks.stop(t.upid);
    return null;
  });

  reg.add('GET', '/cluster/tasks', (req, ctx) => {
    const audit = can(req, ctx, '/', 'Sys.Audit');
    const p = who(req);
    return core.tasks
      .list()
      .slice(0, 500)
      .filter((t) => audit || owns(p, t))
      .map((t) => {
        const { pstart: _pstart, ...rest } = fields(t);
        void _pstart;
        if (t.status === 'running') return rest;
        const { pid: _pid, ...done } = rest;
        void _pid;
        return { ...done, endtime: t.endtime, status: t.exitstatus, saved: '1' };
      });
  });
}
