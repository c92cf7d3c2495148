// SDN endpoints: zones, vnets and subnets with pending (written) vs running (applied) config, and PUT /cluster/sdn (apply → task).
import type { HandlerContext, HandlerRegistry, SimRequest } from '../http/types.js';
import { paramError, permError } from '../http/types.js';
import { cloneSdn, opsState, sha1, type Fields, type SdnConfig } from '../cluster/ops-state.js';
import { can, fail, flag, optStr, str, type SimCore } from './common.js';

type Kind = keyof SdnConfig;
const ID_KEY: Record<Kind, string> = { zones: 'zone', vnets: 'vnet', subnets: 'subnet' };
const WORD: Record<Kind, string> = { zones: 'zone', vnets: 'vnet', subnets: 'subnet' };
const META = new Set(['lock-token', 'delete', 'digest', 'pending', 'running']);
const TAGGED = new Set(['vlan', 'qinq', 'vxlan', 'evpn']);

const digestOf = (f: Fields): string => sha1(JSON.stringify(Object.entries(f).sort()));

function fieldsOf(req: SimRequest, skip: readonly string[] = []): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(req.params)) {
    if (META.has(k) || skip.includes(k) || v === undefined || v === null) continue;
    out[k] = typeof v === 'number' ? v : Array.isArray(v) ? v.map(String).join(',') : String(v);
  }
  return out;
}

const same = (a: Fields, b: Fields): boolean =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** PVE's pending view: running values on top, differing written values under `pending`, and state new/changed/deleted. */
type View = Record<string, unknown>;

function pendingView(id: string, key: string, cfg: Fields | undefined, run: Fields | undefined): View {
  if (cfg && !run) {
    const pending: Fields = { ...cfg };
    delete pending[key];
    // the parent keys stay on top: lists filter subnets by vnet and vnets by zone
    const parents = Object.fromEntries(
      ['zone', 'vnet'].filter((k) => k !== key && cfg[k] !== undefined).map((k) => [k, cfg[k]]),
    );
    return { [key]: id, type: cfg['type'] ?? '', ...parents, state: 'new', pending };
  }
  if (!cfg && run) return { ...run, state: 'deleted' };
  if (cfg && run && !same(cfg, run)) {
    const pending: Fields = {};
    for (const k of new Set([...Object.keys(cfg), ...Object.keys(run)]))
      if (cfg[k] !== run[k] && cfg[k] !== undefined) pending[k] = cfg[k];
    return { ...run, state: 'changed', pending };
  }
  return { ...(cfg ?? run ?? {}) };
}

function subnetView(s: View, zoneOf: (vnet: string) => string | undefined): Fields {
  const id = String(s['subnet']);
  const m = /^(.+)-(\d+\.\d+\.\d+\.\d+|[0-9a-f:]+)-(\d+)$/i.exec(id);
  return {
    ...s,
    zone: zoneOf(String(s['vnet'])) ?? '',
    ...(m ? { cidr: `${m[2]}/${m[3]}`, network: m[2]!, mask: Number(m[3]) } : {}),
  };
}

export function registerSdn(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  const ops = (): ReturnType<typeof opsState> => opsState(state);
  const zoneOfVnet = (vnet: string): string | undefined => {
    const v = ops().sdn.vnets.get(vnet) ?? ops().sdnRunning.vnets.get(vnet);
    return v ? String(v['zone']) : undefined;
  };
  const aclPath = (kind: Kind, f: Fields): string => {
    if (kind === 'zones') return `/sdn/zones/${f['zone']}`;
    const vnet = String(kind === 'vnets' ? f['vnet'] : f['vnet']);
    return `/sdn/zones/${zoneOfVnet(vnet) ?? ''}/${vnet}`;
  };
  const visible = (req: SimRequest, ctx: HandlerContext, path: string): boolean =>
    can(req, ctx, path, 'SDN.Audit') || can(req, ctx, path, 'SDN.Allocate');
  const requireAllocate = (req: SimRequest, ctx: HandlerContext, path: string): void => {
    if (!can(req, ctx, path, 'SDN.Allocate')) throw permError(path, 'SDN.Allocate');
  };
  const get = (kind: Kind, id: string): Fields => {
    const f = ops().sdn[kind].get(id);
    if (!f) throw fail(`sdn ${WORD[kind]} '${id}' does not exist`);
    return f;
  };
  const list = (kind: Kind, req: SimRequest, ctx: HandlerContext, filter: (f: Fields) => boolean): View[] => {
    const { sdn, sdnRunning } = ops();
    const key = ID_KEY[kind];
    const ids = [
      ...new Set([
        ...sdn[kind].keys(),
        ...(flag(req, 'pending') || flag(req, 'running') ? sdnRunning[kind].keys() : []),
      ]),
    ].sort();
    const out: View[] = [];
    for (const id of ids) {
      const cfg = sdn[kind].get(id);
      const run = sdnRunning[kind].get(id);
      const base = flag(req, 'running') ? run : (cfg ?? run);
      if (!base || !filter(base) || !visible(req, ctx, aclPath(kind, base))) continue;
      const view: View = flag(req, 'pending')
        ? pendingView(id, key, cfg, run)
        : flag(req, 'running')
          ? { ...base }
          : { ...base, digest: digestOf(base) };
      out.push(kind === 'subnets' ? subnetView(view, zoneOfVnet) : view);
    }
    return out;
  };

  reg.add('GET', '/cluster/sdn', () =>
    ['vnets', 'zones', 'controllers', 'ipams', 'dns', 'fabrics'].map((id) => ({ id })),
  );
  reg.add('PUT', '/cluster/sdn', (req) => {
    const o = ops();
    o.sdnRunning = cloneSdn(o.sdn);
    const nodes = [...state.nodes.values()].filter((n) => n.online);
    const first = nodes[0] ?? [...state.nodes.values()][0]!;
    return core.tasks.start({
      node: first.name,
      type: 'reloadnetworkall',
      id: '',
      principal: req.principal,
      run: async (t) => {
        for (const n of nodes) t.log(`${n.name}: reloading network config`);
        await t.wait();
        t.log('reloading network config done');
      },
    });
  });

  reg.add('GET', '/cluster/sdn/zones', (req, ctx) =>
    list('zones', req, ctx, (f) => !optStr(req, 'type') || f['type'] === optStr(req, 'type')),
  );
  reg.add('GET', '/cluster/sdn/zones/{zone}', (req) => {
    const z = get('zones', str(req, 'zone'));
    return { ...z, digest: digestOf(z) };
  });
  reg.add('POST', '/cluster/sdn/zones', (req) => {
    const id = str(req, 'zone');
    if (ops().sdn.zones.has(id)) throw fail(`sdn zone object ID '${id}' already defined`);
    const z = fieldsOf(req);
    if ((z['type'] === 'vlan' || z['type'] === 'qinq') && !z['bridge'])
      throw paramError({ bridge: 'property is missing and it is not optional' });
    ops().sdn.zones.set(id, z);
    return null;
  });
  reg.add('PUT', '/cluster/sdn/zones/{zone}', (req) => {
    const z = get('zones', str(req, 'zone'));
    if (optStr(req, 'digest') !== undefined && optStr(req, 'digest') !== digestOf(z))
      throw fail('detected modified configuration - file changed by other user? Try again.');
    for (const k of String(req.params['delete'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean))
      delete z[k];
    Object.assign(z, fieldsOf(req, ['zone']));
    return null;
  });
  reg.add('DELETE', '/cluster/sdn/zones/{zone}', (req) => {
    const id = str(req, 'zone');
    get('zones', id);
    const used = [...ops().sdn.vnets.values()].find((v) => v['zone'] === id);
    if (used) throw fail(`Can't delete zone '${id}': vnet '${used['vnet']}' is using it`);
    ops().sdn.zones.delete(id);
    return null;
  });

  reg.add('GET', '/cluster/sdn/vnets', (req, ctx) => list('vnets', req, ctx, () => true));
  reg.add('GET', '/cluster/sdn/vnets/{vnet}', (req, ctx) => {
    const v = get('vnets', str(req, 'vnet'));
    if (!visible(req, ctx, aclPath('vnets', v))) throw permError(aclPath('vnets', v), 'SDN.Audit');
    return { ...v, digest: digestOf(v) };
  });
  reg.add('POST', '/cluster/sdn/vnets', (req) => {
    const id = str(req, 'vnet');
    if (ops().sdn.vnets.has(id)) throw fail(`sdn vnet object ID '${id}' already defined`);
    const zone = ops().sdn.zones.get(str(req, 'zone'));
    if (!zone) throw paramError({ zone: `zone '${str(req, 'zone')}' does not exist` });
    const v: Fields = { type: 'vnet', ...fieldsOf(req) };
    if (TAGGED.has(String(zone['type'])) && v['tag'] === undefined) throw fail('missing vlan tag');
    if (zone['type'] === 'simple' && v['tag'] !== undefined)
      throw paramError({ tag: "vlan tag is not allowed on 'simple' zone" });
    ops().sdn.vnets.set(id, v);
    return null;
  });
  reg.add('PUT', '/cluster/sdn/vnets/{vnet}', (req, ctx) => {
    const v = get('vnets', str(req, 'vnet'));
    requireAllocate(req, ctx, aclPath('vnets', v));
    for (const k of String(req.params['delete'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean))
      delete v[k];
    Object.assign(v, fieldsOf(req, ['vnet']));
    return null;
  });
  reg.add('DELETE', '/cluster/sdn/vnets/{vnet}', (req, ctx) => {
    const id = str(req, 'vnet');
    requireAllocate(req, ctx, aclPath('vnets', get('vnets', id)));
    if ([...ops().sdn.subnets.values()].some((s) => s['vnet'] === id))
      throw fail(`Can't delete vnet '${id}': it still has subnets`);
    ops().sdn.vnets.delete(id);
    return null;
  });

  const subnetsOf = (req: SimRequest, ctx: HandlerContext, write: boolean): string => {
    const vnet = str(req, 'vnet');
    const path = aclPath('vnets', get('vnets', vnet));
    if (write) requireAllocate(req, ctx, path);
    else if (!visible(req, ctx, path)) throw permError(path, 'SDN.Audit');
    return vnet;
  };
  reg.add('GET', '/cluster/sdn/vnets/{vnet}/subnets', (req, ctx) => {
    const vnet = subnetsOf(req, ctx, false);
    return list('subnets', req, ctx, (s) => s['vnet'] === vnet);
  });
  reg.add('GET', '/cluster/sdn/vnets/{vnet}/subnets/{subnet}', (req, ctx) => {
    subnetsOf(req, ctx, false);
    const s = get('subnets', str(req, 'subnet'));
    return subnetView({ ...s, digest: digestOf(s) }, zoneOfVnet);
  });
  reg.add('POST', '/cluster/sdn/vnets/{vnet}/subnets', (req, ctx) => {
    const vnet = subnetsOf(req, ctx, true);
    const cidr = str(req, 'subnet');
    if (!/^[0-9a-f.:]+\/\d{1,3}$/i.test(cidr)) throw paramError({ subnet: `invalid subnet '${cidr}'` });
    const id = `${zoneOfVnet(vnet)}-${cidr.replace('/', '-')}`;
    if (ops().sdn.subnets.has(id)) throw fail(`sdn subnet object ID '${id}' already defined`);
    ops().sdn.subnets.set(id, { ...fieldsOf(req, ['subnet']), subnet: id, type: 'subnet', vnet });
    return null;
  });
  reg.add('PUT', '/cluster/sdn/vnets/{vnet}/subnets/{subnet}', (req, ctx) => {
    subnetsOf(req, ctx, true);
    const s = get('subnets', str(req, 'subnet'));
    for (const k of String(req.params['delete'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean))
      delete s[k];
    Object.assign(s, fieldsOf(req, ['subnet', 'vnet']));
    return null;
  });
  reg.add('DELETE', '/cluster/sdn/vnets/{vnet}/subnets/{subnet}', (req, ctx) => {
    subnetsOf(req, ctx, true);
    get('subnets', str(req, 'subnet'));
    ops().sdn.subnets.delete(str(req, 'subnet'));
    return null;
  });
}
