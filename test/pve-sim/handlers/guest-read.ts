// Read-only guest endpoints: qemu/lxc lists, status/current and guest rrddata.
import type { HandlerRegistry } from '../http/types.js';
import { guestMaxCpu, guestMaxDisk, guestMaxMem, guestRrd, guestSample } from '../cluster/metrics.js';
import type { Guest } from '../cluster/model.js';
import { guestName, isRunning, lockOf, type ClusterState } from '../cluster/state.js';
import { KINDS, can, flag, guestOf, optStr, str, type SimCore } from './common.js';

function baseStatus(state: ClusterState, g: Guest, full: boolean): Record<string, unknown> {
  const s = guestSample(g, state.now());
  const out: Record<string, unknown> = {
    vmid: g.vmid,
    name: guestName(g),
    status: isRunning(g) ? 'running' : 'stopped',
    cpus: guestMaxCpu(g),
    cpu: s.cpu,
    maxmem: guestMaxMem(g),
    mem: s.mem,
    maxdisk: guestMaxDisk(g),
    disk: s.disk,
    netin: s.netin,
    netout: s.netout,
    uptime: s.uptime,
  };
  if (g.type === 'lxc')
    Object.assign(out, { type: 'lxc', maxswap: Number(g.conf['swap'] ?? 0) * 1024 ** 2, swap: 0 });
  if (isRunning(g)) out['pid'] = 10_000 + (g.vmid % 50_000);
  if (full) {
    Object.assign(out, { diskread: s.diskread, diskwrite: s.diskwrite, memhost: s.memhost });
    if (g.type === 'qemu') out['qmpstatus'] = g.power === 'paused' ? 'paused' : g.power;
  }
  if (Number(g.conf['template'] ?? 0) === 1) out['template'] = 1;
  const lock = lockOf(g);
  if (lock) out['lock'] = lock;
  if (typeof g.conf['tags'] === 'string') out['tags'] = g.conf['tags'];
  return out;
}

export function haStatus(state: ClusterState, g: Guest): Record<string, unknown> {
  const ha = state.ha.get(state.haSid(g));
  return ha ? { managed: 1, state: ha.state } : { managed: 0 };
}

export function registerGuestRead(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  for (const type of KINDS) {
    reg.add('GET', `/nodes/{node}/${type}`, (req, ctx) => {
      const node = state.node(str(req, 'node')).name;
      const full = type === 'lxc' || flag(req, 'full');
      const out: Record<string, unknown>[] = [];
      for (const g of state.guests.values()) {
        if (g.node !== node || g.type !== type || !can(req, ctx, `/vms/${g.vmid}`, 'VM.Audit')) continue;
        out.push(baseStatus(state, g, full));
      }
      return out;
    });
    reg.add('GET', `/nodes/{node}/${type}/{vmid}`, () =>
      [
        'config',
        'pending',
        'status',
        'snapshot',
        'rrddata',
        'rrd',
        'firewall',
        'migrate',
        'clone',
        'template',
        ...(type === 'qemu' ? ['agent'] : []),
      ].map((subdir) => ({ subdir })),
    );
    reg.add('GET', `/nodes/{node}/${type}/{vmid}/status`, () =>
      [
        'current',
        'start',
        'stop',
        'shutdown',
        'reboot',
        'suspend',
        'resume',
        ...(type === 'qemu' ? ['reset'] : []),
      ].map((subdir) => ({ subdir })),
    );
    reg.add('GET', `/nodes/{node}/${type}/{vmid}/status/current`, (req) => {
      const g = guestOf(core, req, type);
      const out: Record<string, unknown> = { ...baseStatus(state, g, true), ha: haStatus(state, g) };
      if (type === 'qemu') {
        if (
          Number(String(g.conf['agent'] ?? '0').split(',')[0]) === 1 ||
          String(g.conf['agent'] ?? '').includes('enabled=1')
        )
          out['agent'] = 1;
        if (isRunning(g))
          Object.assign(out, { 'running-qemu': '10.1.2', 'running-machine': 'pc-i440fx-10.1+pve0' });
      }
      return out;
    });
    reg.add('GET', `/nodes/{node}/${type}/{vmid}/rrddata`, (req) => {
      const g = guestOf(core, req, type);
      return guestRrd(g, str(req, 'timeframe'), optStr(req, 'cf') ?? 'AVERAGE', state.now());
    });
  }
}
