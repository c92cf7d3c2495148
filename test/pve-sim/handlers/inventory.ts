// Cluster-wide inventory endpoints: /cluster/resources, /cluster/status, /cluster/nextid, /version, /nodes.
import { PveHttpError, type HandlerRegistry } from '../http/types.js';
import { nodeRrd, nodeSample } from '../cluster/metrics.js';
import { ResourcesAnswerCache } from '../cluster/resources-answer.js';
import { can, optStr, str, who, type SimCore } from './common.js';

export function versionInfo(version: string): { version: string; release: string; repoid: string } {
  const parts = version.split('.');
  const release = parts.slice(0, 2).join('.');
  return { version: parts.length >= 3 ? version : `${release}.1`, release, repoid: 'c7a9b1e2d4f60a8b' };
}

export function registerInventory(
  reg: HandlerRegistry,
  core: SimCore,
  clusterName: string,
  version: string,
): void {
  const { state } = core;
  const answers = new ResourcesAnswerCache(core.resources, state);
  reg.add('GET', '/cluster/resources', (req, ctx) => answers.answer(ctx.acl, who(req), optStr(req, 'type')));

  reg.add('GET', '/cluster/status', () => {
    const nodes = [...state.nodes.values()];
    const online = nodes.filter((n) => n.online).length;
    const head = {
      id: 'cluster',
      type: 'cluster',
      name: clusterName,
      nodes: nodes.length,
      quorate: online * 2 > nodes.length ? 1 : 0,
      version: nodes.length,
    };
    return [
      head,
      ...nodes.map((n, i) => ({
        id: `node/${n.name}`,
        type: 'node',
        name: n.name,
        nodeid: i + 1,
        ip: `192.168.10.${11 + i}`,
        online: n.online ? 1 : 0,
        local: i === 0 ? 1 : 0,
        level: '',
      })),
    ];
  });

  reg.add('GET', '/cluster/nextid', (req) => {
    const want = req.params['vmid'];
    if (want !== undefined) {
      const vmid = Number(want);
      if (state.guests.has(vmid))
        throw new PveHttpError(400, 'Parameter verification failed.\n', {
          vmid: `VM ${vmid} already exists`,
        });
      return String(vmid);
    }
    return String(state.nextFreeVmid());
  });

  reg.add('GET', '/version', () => ({ ...versionInfo(version), console: 'html5' }));

  reg.add('GET', '/nodes', (req, ctx) =>
    [...state.nodes.keys()].map((name) => {
      const r = core.resources.nodeEntry(name, can(req, ctx, `/nodes/${name}`, 'Sys.Audit'));
      delete r['id'];
      delete r['type'];
      delete r['hastate'];
      return { ...r, id: `node/${name}`, type: 'node', ssl_fingerprint: fingerprintFor(name) };
    }),
  );

  reg.add('GET', '/nodes/{node}', () =>
    ['qemu', 'lxc', 'status', 'storage', 'tasks', 'rrddata', 'version'].map((subdir) => ({ subdir })),
  );

  reg.add('GET', '/nodes/{node}/status', (req) => {
    const n = state.node(str(req, 'node'));
    const s = nodeSample(n, state.now());
    const v = versionInfo(version);
    return {
      cpu: s.cpu,
      loadavg: s.loadavg,
      uptime: s.uptime,
      wait: 0.001,
      cpuinfo: {
        cores: n.cpus / 2,
        cpus: n.cpus,
        model: 'AMD EPYC 7302P 16-Core Processor',
        sockets: 1,
        mhz: '3000.000',
        hvm: '1',
        flags: 'fpu vme de pse',
        user_hz: 100,
      },
      memory: { total: n.memTotal, used: s.mem, free: n.memTotal - s.mem, available: n.memTotal - s.mem },
      swap: { total: 8 * 1024 ** 3, used: 0, free: 8 * 1024 ** 3 },
      rootfs: {
        total: n.rootTotal,
        used: s.rootused,
        free: n.rootTotal - s.rootused,
        avail: n.rootTotal - s.rootused,
      },
      ksm: { shared: 0 },
      'boot-info': { mode: 'efi', secureboot: 0 },
      'current-kernel': {
        sysname: 'Linux',
        release: '6.17.2-1-pve',
        version: '#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1',
        machine: 'x86_64',
      },
      kversion: 'Linux 6.17.2-1-pve #1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1',
      pveversion: `pve-manager/${v.version}/${v.repoid}`,
    };
  });

  reg.add('GET', '/nodes/{node}/version', () => versionInfo(version));

  reg.add('GET', '/nodes/{node}/rrddata', (req) => {
    const n = state.node(str(req, 'node'));
    return nodeRrd(n, str(req, 'timeframe'), optStr(req, 'cf') ?? 'AVERAGE', state.now());
  });
}

function fingerprintFor(node: string): string {
  let h = 0;
  const bytes: string[] = [];
  for (let i = 0; i < 32; i++) {
    h = (h * 31 + node.charCodeAt(i % node.length) + i * 17) & 0xff;
    bytes.push(h.toString(16).toUpperCase().padStart(2, '0'));
  }
  return bytes.join(':');
}
