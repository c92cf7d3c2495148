// HA endpoints: resources CRUD, status/current, PVE 9 rules CRUD, and migrate/relocate through the HA manager.
import { createHash } from 'node:crypto';
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import type { Guest, HaResource, HaRule } from '../cluster/model.js';
import { fail, optNum, optStr, str, type SimCore } from './common.js';
import { affinityRefusal } from '../fleet/ha-affinity.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** Perl's scalar localtime, as PVE's HA status texts carry it (the simulated node's clock is UTC): "Thu Sep 17 15:39:24 2026". */
export function pveDate(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** sid as PVE resolves it: "vm:100", "ct:101", or a bare vmid looked up by guest type. */
export function resolveSid(core: SimCore, raw: string, type?: string): { sid: string; guest: Guest } {
  const m = /^(?:(vm|ct):)?(\d+)$/.exec(raw);
  const vmid = Number(m?.[2]);
  const g = core.state.guests.get(vmid);
  if (!m || !g) throw fail(`unable to detect SID from VMID - VM/CT ${m?.[2] ?? raw} does not exist`);
  const kind = m[1] ?? type ?? (g.type === 'qemu' ? 'vm' : 'ct');
  return { sid: `${kind}:${vmid}`, guest: g };
}

function resourceView(r: HaResource): Record<string, unknown> {
  const out: Record<string, unknown> = {
    sid: r.sid,
    type: r.sid.slice(0, 2),
    state: r.state,
    max_restart: r.max_restart,
    max_relocate: r.max_relocate,
    failback: r.failback,
    digest: digestOf(r),
  };
  if (r.comment) out['comment'] = r.comment;
  return out;
}

function digestOf(x: unknown): string {
  return createHash('sha1').update(JSON.stringify(x)).digest('hex');
}

function applyResource(r: HaResource, req: SimRequest): void {
  const state = optStr(req, 'state');
  if (state) r.state = (state === 'enabled' ? 'started' : state) as HaResource['state'];
  r.max_restart = optNum(req, 'max_restart') ?? r.max_restart;
  r.max_relocate = optNum(req, 'max_relocate') ?? r.max_relocate;
  const fb = optNum(req, 'failback');
  if (fb !== undefined) r.failback = fb ? 1 : 0;
  const comment = optStr(req, 'comment');
  if (comment !== undefined) r.comment = comment;
}

function crmState(core: SimCore, r: HaResource, g: Guest): string {
  if (r.state === 'ignored' || r.state === 'disabled') return r.state;
  const running = g.power !== 'stopped';
  if (r.state === 'started') return running ? 'started' : 'starting';
  return running ? 'stopping' : 'stopped';
}

function registerHaRules(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  const view = (r: HaRule): Record<string, unknown> => ({ ...r, digest: digestOf(r) });
  const rule = (id: string): HaRule => {
    const r = state.haRules.get(id);
    if (!r) throw fail(`no such ha rule '${id}'`);
    return r;
  };
  const setFields = (r: HaRule, req: SimRequest): void => {
    const res = optStr(req, 'resources');
    if (res)
      r.resources = res
        .split(',')
        .map((s) => resolveSid(core, s.trim()).sid)
        .sort()
        .join(',');
    for (const k of ['comment', 'nodes', 'affinity'] as const) {
      const v = optStr(req, k);
      if (v !== undefined) (r as unknown as Record<string, string>)[k] = v;
    }
    for (const k of ['disable', 'strict'] as const) {
      const v = optNum(req, k);
      if (v !== undefined) r[k] = v ? 1 : 0;
    }
  };
  reg.add('GET', '/cluster/ha/rules', (req) =>
    [...state.haRules.values()]
      .filter((r) => !optStr(req, 'type') || r.type === optStr(req, 'type'))
      .map(view),
  );
  reg.add('GET', '/cluster/ha/rules/{rule}', (req) => view(rule(str(req, 'rule'))));
  reg.add('POST', '/cluster/ha/rules', (req) => {
    const id = str(req, 'rule');
    if (state.haRules.has(id)) throw fail(`ha rule '${id}' already defined`);
    const type = str(req, 'type') as HaRule['type'];
    const r: HaRule = {
      rule: id,
      type,
      resources: '',
      disable: 0,
      order: state.haRules.size + 1,
      ...(type === 'node-affinity' ? { strict: 0 } : {}),
    };
    setFields(r, req);
    if (type === 'node-affinity' && !r.nodes) throw fail(`node-affinity rule requires 'nodes'`);
    if (type === 'resource-affinity' && !r.affinity) throw fail(`resource-affinity rule requires 'affinity'`);
    state.haRules.set(id, r);
    return null;
  });
  reg.add('PUT', '/cluster/ha/rules/{rule}', (req) => {
    const r = rule(str(req, 'rule'));
    for (const k of String(req.params['delete'] ?? '')
      .split(',')
      .filter(Boolean))
      delete (r as unknown as Record<string, unknown>)[k];
    setFields(r, req);
    return null;
  });
  reg.add('DELETE', '/cluster/ha/rules/{rule}', (req) => {
    rule(str(req, 'rule'));
    state.haRules.delete(str(req, 'rule'));
    return null;
  });
}

export function registerHa(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  const resource = (raw: string): { r: HaResource; guest: Guest } => {
    const { sid, guest } = resolveSid(core, raw);
    const r = state.ha.get(sid);
    if (!r) throw fail(`service '${sid}' not defined`);
    return { r, guest };
  };
  reg.add('GET', '/cluster/ha', () => [
    { id: 'status' },
    { id: 'resources' },
    { id: 'groups' },
    { id: 'rules' },
  ]);
  reg.add('GET', '/cluster/ha/resources', (req) =>
    [...state.ha.values()]
      .filter((r) => !optStr(req, 'type') || r.sid.startsWith(`${optStr(req, 'type')}:`))
      .map(resourceView),
  );
  reg.add('GET', '/cluster/ha/resources/{sid}', (req) => resourceView(resource(str(req, 'sid')).r));
  reg.add('POST', '/cluster/ha/resources', (req) => {
    const { sid } = resolveSid(core, str(req, 'sid'), optStr(req, 'type'));
    if (state.ha.has(sid)) throw fail(`resource ID '${sid}' already defined`);
    const r: HaResource = { sid, state: 'started', max_restart: 1, max_relocate: 1, failback: 1 };
    applyResource(r, req);
    state.ha.set(sid, r);
    state.bump();
    return null;
  });
  reg.add('PUT', '/cluster/ha/resources/{sid}', (req) => {
    const { r } = resource(str(req, 'sid'));
    for (const k of String(req.params['delete'] ?? '')
      .split(',')
      .filter(Boolean))
      if (k === 'comment') delete r.comment;
    applyResource(r, req);
    state.bump();
    return null;
  });
  reg.add('DELETE', '/cluster/ha/resources/{sid}', (req) => {
    const { r } = resource(str(req, 'sid'));
    state.ha.delete(r.sid);
    state.bump();
    return null;
  });
  for (const verb of ['migrate', 'relocate'] as const) {
    reg.add('POST', `/cluster/ha/resources/{sid}/${verb}`, (req) => {
      const { r, guest } = resource(str(req, 'sid'));
      const node = str(req, 'node');
      state.node(node);
      const refusal = affinityRefusal(core, guest, node);
      if (refusal) throw fail(refusal);
      core.tasks.start({
        node: guest.node,
        type: verb === 'migrate' ? 'hamigrate' : 'harelocate',
        id: String(guest.vmid),
        principal: req.principal,
        run: (t) =>
          t.withLock(guest, 'migrate', async () => {
            await t.wait();
            guest.node = node;
          }),
      });
      return { sid: r.sid, 'requested-node': node };
    });
  }
  reg.add('GET', '/cluster/ha/status', () => [{ name: 'current' }, { name: 'manager_status' }]);
  reg.add('GET', '/cluster/ha/status/current', () => {
    const nodes = [...state.nodes.values()];
    const master = nodes.find((n) => n.online) ?? nodes[0];
    const ts = state.nowSec();
    const quorate = nodes.filter((n) => n.online).length * 2 > nodes.length;
    const out: Record<string, unknown>[] = [
      {
        id: 'quorum',
        type: 'quorum',
        node: master?.name,
        status: quorate ? 'OK' : `No quorum on node '${master?.name}'!`,
        quorate: quorate ? 1 : 0,
      },
    ];
    if (master)
      out.push({
        id: 'master',
        type: 'master',
        node: master.name,
        status: `${master.name} (active, ${pveDate(ts * 1000)})`,
        timestamp: ts,
      });
    out.push({
      id: 'fencing',
      type: 'fencing',
      node: master?.name,
      status: 'armed',
      'armed-state': state.ha.size > 0 ? 'armed' : 'standby',
    });
    for (const n of nodes) {
      const active = [...state.ha.values()].some(
        (r) => state.guests.get(Number(r.sid.slice(3)))?.node === n.name,
      );
      const status = n.online
        ? `${n.name} (${active ? 'active' : 'idle'}, ${active ? 'watchdog active' : 'watchdog standby'}, ${pveDate(ts * 1000)})`
        : `${n.name} (old timestamp - dead?, ${pveDate(ts * 1000 - 60_000)})`;
      out.push({
        id: `lrm:${n.name}`,
        type: 'lrm',
        node: n.name,
        status,
        timestamp: n.online ? ts : ts - 60,
      });
    }
    for (const r of state.ha.values()) {
      const g = state.guests.get(Number(r.sid.slice(3)));
      if (!g) continue;
      const crm = crmState(core, r, g);
      const e: Record<string, unknown> = {
        id: `service:${r.sid}`,
        type: 'service',
        sid: r.sid,
        node: g.node,
        crm_state: crm,
        state: crm,
        request_state: r.state,
        status: `${r.sid} (${g.node}, ${crm})`,
        max_restart: r.max_restart,
        max_relocate: r.max_relocate,
        failback: r.failback,
      };
      if (r.comment) e['comment'] = r.comment;
      out.push(e);
    }
    return out;
  });
  registerHaRules(reg, core);
}
