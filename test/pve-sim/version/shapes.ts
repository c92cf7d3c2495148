// Re-shapes answers of registered handlers to what a given PVE version sends (see profile.ts); 9.1 is the model's own shape.
import { PveHttpError, type Handler, type HandlerRegistry, type HttpMethod } from '../http/types.js';
import type { VersionProfile } from './profile.js';

type Entry = Record<string, unknown>;

/** Answers may be raw JSON (the /cluster/resources cache) or plain values. */
export function plain(result: unknown): unknown {
  if (typeof result === 'object' && result !== null && '__rawJson' in result)
    return JSON.parse((result as { __rawJson: string }).__rawJson) as unknown;
  return result;
}

/** Replaces a registered handler by one that re-shapes its answer (params: the request's). */
export function wrap(
  reg: HandlerRegistry,
  method: HttpMethod,
  template: string,
  reshape: (answer: unknown, params: Record<string, unknown>) => unknown,
): void {
  const inner = reg.get(method, template);
  if (!inner) return;
  const outer: Handler = async (req, ctx) => reshape(plain(await inner(req, ctx)), req.params);
  reg.add(method, template, outer);
}

const mapEntries =
  (fn: (e: Entry) => Entry) =>
  (answer: unknown): unknown =>
    Array.isArray(answer) ? answer.map((e) => (typeof e === 'object' && e ? fn(e as Entry) : e)) : answer;

/** Node fields older versions do not send. */
function nodeFields(p: VersionProfile, e: Entry): Entry {
  const out = { ...e };
  if (!p.cgroupMode) delete out['cgroup-mode'];
  if (!p.hostArch) delete out['host-arch'];
  return out;
}

function resourceEntry(p: VersionProfile, e: Entry): Entry {
  if (e['type'] === 'node') return nodeFields(p, e);
  if (e['type'] === 'qemu' || e['type'] === 'lxc') {
    const out = { ...e };
    if (!p.memhost) delete out['memhost'];
    if (p.vmidStrings && typeof out['vmid'] === 'number') out['vmid'] = String(out['vmid']);
    return out;
  }
  if (e['type'] === 'network' && !p.networkEntries) {
    const { network, 'network-type': _t, ...rest } = e;
    return { ...rest, id: `sdn/${String(e['node'])}/${String(network)}`, type: 'sdn', sdn: network };
  }
  return e;
}

/** PVE 9 RRD columns; pressure values come as strings ("0.00"), as PVE 9.x sends them. */
const pressure = (seedish: number): Entry => ({
  pressurecpusome: (seedish * 0.1).toFixed(2),
  pressureiosome: (seedish * 0.05).toFixed(2),
  pressureiofull: (seedish * 0.02).toFixed(2),
  pressurememorysome: '0.00',
  pressurememoryfull: '0.00',
});

function nodeRrd9(e: Entry): Entry {
  const total = Number(e['memtotal']);
  const used = Number(e['memused']);
  if (!Number.isFinite(total) || !Number.isFinite(used)) return e;
  return {
    ...e,
    memavailable: total - used - Math.floor(total * 0.05),
    arcsize: Math.floor(total * 0.05),
    ...pressure(Number(e['cpu'] ?? 0)),
  };
}

/** PVE 9: a guest's mem is what the guest reports using; memhost is the host-side usage (higher: caches, overhead). */
function guestRrd9(e: Entry): Entry {
  const mem = Number(e['mem']);
  const maxmem = Number(e['maxmem']);
  if (!Number.isFinite(mem)) return e;
  return {
    ...e,
    mem: Math.floor(mem * 0.8),
    memhost: Math.min(maxmem, Math.floor(mem * 1.05)),
    ...pressure(Number(e['cpu'] ?? 0)),
  };
}

export function applyVersionShapes(reg: HandlerRegistry, p: VersionProfile): void {
  wrap(
    reg,
    'GET',
    '/cluster/resources',
    mapEntries((e) => resourceEntry(p, e)),
  );
  wrap(
    reg,
    'GET',
    '/nodes',
    mapEntries((e) => nodeFields(p, e)),
  );
  if (p.rrd9) {
    wrap(reg, 'GET', '/nodes/{node}/rrddata', mapEntries(nodeRrd9));
    for (const t of ['qemu', 'lxc'])
      wrap(reg, 'GET', `/nodes/{node}/${t}/{vmid}/rrddata`, mapEntries(guestRrd9));
  }
  if (p.lxcCpusString)
    wrap(reg, 'GET', '/nodes/{node}/lxc/{vmid}/status/current', (a) =>
      typeof a === 'object' && a && typeof (a as Entry)['cpus'] === 'number'
        ? { ...(a as Entry), cpus: String((a as Entry)['cpus']) }
        : a,
    );
  if (!p.haRules) {
    // The rules API does not exist before PVE 9: the route itself is unknown there.
    for (const [m, t] of [
      ['GET', '/cluster/ha/rules'],
      ['POST', '/cluster/ha/rules'],
      ['GET', '/cluster/ha/rules/{rule}'],
      ['PUT', '/cluster/ha/rules/{rule}'],
      ['DELETE', '/cluster/ha/rules/{rule}'],
    ] as const)
      reg.add(m, t, () => {
        throw new PveHttpError(501, `Method '${m} ${t.replace('{rule}', 'x')}' not implemented`);
      });
    wrap(reg, 'GET', '/cluster/ha', (a) =>
      Array.isArray(a) ? a.filter((e: Entry) => e['id'] !== 'rules') : a,
    );
  }
  // Groups: PVE 8 and older keep them in ha/groups.cfg; PVE 9 migrated them to rules and lists none.
  reg.add('GET', '/cluster/ha/groups', () =>
    p.haRules
      ? []
      : [
          {
            group: 'prefer-pve1',
            nodes: 'pve1:2,pve2',
            restricted: 0,
            nofailback: 0,
            type: 'group',
            digest: '0'.repeat(40),
          },
        ],
  );
}
