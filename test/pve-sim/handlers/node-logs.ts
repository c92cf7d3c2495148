// Node logs and services: GET /nodes/{node}/syslog ({n,t} lines with total), /journal (plain lines framed by cursors),
// /services and /services/{service}/state (systemd states), generated deterministically per node.
import type { HandlerRegistry } from '../http/types.js';
import { fail, optNum, optStr, str, type SimCore } from './common.js';

const SERVICES: ReadonlyArray<readonly [string, string]> = [
  ['chrony', 'chrony, an NTP client/server'],
  ['corosync', 'Corosync Cluster Engine'],
  ['cron', 'Regular background program processing daemon'],
  ['ksmtuned', 'Kernel Samepage Merging (KSM) Tuning Daemon'],
  ['lxcfs', 'FUSE filesystem for LXC'],
  ['postfix', 'Postfix Mail Transport Agent (instance -)'],
  ['proxmox-firewall', 'Proxmox nftables firewall'],
  ['pve-cluster', 'The Proxmox VE cluster filesystem'],
  ['pve-firewall', 'Proxmox VE firewall'],
  ['pve-ha-crm', 'PVE Cluster HA Resource Manager Daemon'],
  ['pve-ha-lrm', 'PVE Local HA Resource Manager Daemon'],
  ['pve-lxc-syscalld', 'Proxmox VE LXC Syscall Daemon'],
  ['pvedaemon', 'PVE API Daemon'],
  ['pvefw-logger', 'Proxmox VE firewall logger'],
  ['pveproxy', 'PVE API Proxy Server'],
  ['pvescheduler', 'Proxmox VE scheduler'],
  ['pvestatd', 'PVE Status Daemon'],
  ['qmeventd', 'PVE Qemu Event Daemon'],
  ['spiceproxy', 'PVE SPICE Proxy Server'],
  ['sshd', 'OpenBSD Secure Shell server'],
  ['syslog', 'System Logging Service'],
  ['systemd-journald', 'Journal Service'],
  ['systemd-timesyncd', 'Network Time Synchronization'],
];

/** Services that are not running on a default node (no nftables firewall, chrony instead of timesyncd). */
const STOPPED: Record<string, { state: string; active: string; unit: string }> = {
  'proxmox-firewall': { state: 'dead', active: 'inactive', unit: 'enabled' },
  'systemd-timesyncd': { state: 'dead', active: 'inactive', unit: 'not-found' },
  syslog: { state: 'dead', active: 'inactive', unit: 'not-found' },
  ksmtuned: { state: 'dead', active: 'inactive', unit: 'disabled' },
};

function serviceEntry(service: string, desc: string): Record<string, string> {
  const s = STOPPED[service];
  return {
    service,
    name: service,
    desc,
    state: s?.state ?? 'running',
    'active-state': s?.active ?? 'active',
    'unit-state': s?.unit ?? 'enabled',
  };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const stamp = (d: Date): string =>
  `${d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

const MESSAGES: ReadonlyArray<readonly [string, string]> = [
  ['pvedaemon[1432]', "<root@pam> successful auth for user 'root@pam'"],
  ['pveproxy[2210]', 'worker 2211 finished'],
  ['pvestatd[1310]', 'status update time (0.412 seconds)'],
  ['systemd[1]', 'Started pvescheduler.service - Proxmox VE scheduler.'],
  ['corosync[1190]', '[TOTEM ] Retransmit List: 12'],
  ['pmxcfs[1180]', '[status] notice: received log'],
  ['kernel', 'vmbr0: port 2(tap100i0) entered forwarding state'],
  ['cron[1020]', '(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)'],
];

/** The node's last `count` log lines, one per 30 s, ending now. */
function logLines(node: string, nowMs: number, count = 400): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const [tag, msg] = MESSAGES[(i * 7 + node.length) % MESSAGES.length]!;
    out.push(`${stamp(new Date(nowMs - i * 30_000))} ${node} ${tag}: ${msg}`);
  }
  return out;
}

export function registerNodeLogs(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  reg.add('GET', '/nodes/{node}/syslog', (req) => {
    const node = state.node(str(req, 'node')).name;
    const service = optStr(req, 'service');
    const lines = logLines(node, state.now()).filter((l) => !service || l.includes(` ${service}[`));
    const start = optNum(req, 'start') ?? 0;
    const limit = optNum(req, 'limit') ?? 50;
    const page = lines
      .slice(start, limit > 0 ? start + limit : undefined)
      .map((t, i) => ({ n: start + i + 1, t }));
    return {
      __envelope: true,
      data: page.length > 0 ? page : [{ n: 1, t: 'no content' }],
      total: page.length > 0 ? lines.length : 1,
    };
  });

  reg.add('GET', '/nodes/{node}/journal', (req) => {
    const node = state.node(str(req, 'node')).name;
    const last = optNum(req, 'lastentries');
    const all = logLines(node, state.now());
    const lines = last !== undefined && last > 0 ? all.slice(-last) : all;
    const cursor = (i: number): string =>
      `s=0f1e2d3c;i=${(0x1000 + i).toString(16)};b=7a6b5c4d;m=${i.toString(16)};t=${(state.now() * 1000).toString(16)};x=0`;
    return [cursor(all.length - lines.length), ...lines, cursor(all.length)];
  });

  reg.add('GET', '/nodes/{node}/services', (req) => {
    state.node(str(req, 'node'));
    return SERVICES.map(([s, d]) => serviceEntry(s, d));
  });

  reg.add('GET', '/nodes/{node}/services/{service}', () =>
    ['state', 'start', 'stop', 'restart', 'reload'].map((subdir) => ({ subdir })),
  );

  reg.add('GET', '/nodes/{node}/services/{service}/state', (req) => {
    state.node(str(req, 'node'));
    const service = str(req, 'service');
    const found = SERVICES.find(([s]) => s === service);
    if (!found) throw fail(`unknown service '${service}'`);
    return serviceEntry(found[0], found[1]);
  });
}
