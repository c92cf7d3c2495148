// QEMU guest agent endpoints for running VMs with agent enabled: interfaces, OS info, host name, fsinfo, ping, exec, file-read.
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import { macFor } from '../cluster/generate.js';
import type { Guest } from '../cluster/model.js';
import { guestMaxDisk } from '../cluster/metrics.js';
import { guestName } from '../cluster/state.js';
import { fail, guestOf, num, str, type SimCore } from './common.js';
import { execOutput, OS_RELEASE, type ExecResult } from './agent-exec-output.js';

function agentEnabled(g: Guest): boolean {
  const a = String(g.conf['agent'] ?? '0');
  return /^(1|enabled=1)(,|$)/.test(a) || a.includes('enabled=1');
}

function checkAgent(core: SimCore, req: SimRequest): Guest {
  const g = guestOf(core, req, 'qemu');
  if (!agentEnabled(g)) throw fail('No QEMU guest agent configured');
  if (g.power === 'stopped') throw fail(`VM ${g.vmid} is not running`);
  if (g.power === 'paused') throw fail('QEMU guest agent is not running');
  // an agent answers once the guest OS has booted
  if (core.state.now() - g.startedAt < 5_000) throw fail('QEMU guest agent is not running');
  return g;
}

function ipFor(g: Guest): string {
  return `192.168.${20 + ((g.vmid >> 8) % 200)}.${(g.vmid % 250) + 2}`;
}

export function registerAgent(reg: HandlerRegistry, core: SimCore): void {
  const base = '/nodes/{node}/qemu/{vmid}/agent';
  const execs = new Map<number, ExecResult>();
  let nextPid = 1000;
  const answers: Record<string, (g: Guest) => unknown> = {
    'network-get-interfaces': (g) => [
      {
        name: 'lo',
        'hardware-address': '00:00:00:00:00:00',
        'ip-addresses': [
          { 'ip-address-type': 'ipv4', 'ip-address': '127.0.0.1', prefix: 8 },
          { 'ip-address-type': 'ipv6', 'ip-address': '::1', prefix: 128 },
        ],
      },
      {
        name: 'eth0',
        'hardware-address': macFor(g.vmid, 0).toLowerCase(),
        'ip-addresses': [{ 'ip-address-type': 'ipv4', 'ip-address': ipFor(g), prefix: 24 }],
        statistics: {
          'rx-bytes': 1024,
          'tx-bytes': 2048,
          'rx-packets': 10,
          'tx-packets': 12,
          'rx-errs': 0,
          'tx-errs': 0,
          'rx-dropped': 0,
          'tx-dropped': 0,
        },
      },
    ],
    'get-osinfo': (g) =>
      String(g.conf['ostype']).startsWith('win')
        ? {
            id: 'mswindows',
            name: 'Microsoft Windows',
            'pretty-name': 'Windows 11 Pro',
            version: 'Microsoft Windows 11',
            'version-id': '11',
            'kernel-release': '26100',
            'kernel-version': '10.0',
            machine: 'x86_64',
          }
        : {
            id: 'debian',
            name: 'Debian GNU/Linux',
            'pretty-name': 'Debian GNU/Linux 13 (trixie)',
            version: '13 (trixie)',
            'version-id': '13',
            'kernel-release': '6.12.48+deb13-amd64',
            'kernel-version': '#1 SMP PREEMPT_DYNAMIC Debian 6.12.48-1',
            machine: 'x86_64',
          },
    'get-host-name': (g) => ({ 'host-name': guestName(g) }),
    'get-fsinfo': (g) => [
      {
        name: 'sda1',
        mountpoint: '/',
        type: 'ext4',
        'total-bytes': guestMaxDisk(g),
        'used-bytes': Math.floor(guestMaxDisk(g) * 0.3),
        disk: [{ 'bus-type': 'scsi', bus: 0, target: 0, unit: 0, dev: '/dev/sda1', serial: `drive-scsi0` }],
      },
    ],
    'get-time': () => core.state.now() * 1_000_000,
    'get-vcpus': () => [{ 'logical-id': 0, online: true, 'can-offline': false }],
  };
  for (const [cmd, fn] of Object.entries(answers))
    reg.add('GET', `${base}/${cmd}`, (req) => ({ result: fn(checkAgent(core, req)) }));
  reg.add('GET', base, () =>
    [...Object.keys(answers), 'ping', 'exec', 'exec-status', 'file-read'].map((name) => ({ name })),
  );
  reg.add('POST', `${base}/ping`, (req) => {
    checkAgent(core, req);
    return { result: {} };
  });
  reg.add('POST', `${base}/exec`, (req) => {
    const g = checkAgent(core, req);
    const command = req.params['command'];
    const argv = Array.isArray(command) ? command.map(String) : [String(command)];
    const pid = nextPid++;
    execs.set(pid, execOutput(g, argv));
    return { pid };
  });
  reg.add('GET', `${base}/exec-status`, (req) => {
    checkAgent(core, req);
    const e = execs.get(num(req, 'pid'));
    if (!e) throw fail(`Agent error: Invalid parameter 'pid'`);
    return { exited: 1, exitcode: e.exitcode, 'out-data': e.out, ...(e.err ? { 'err-data': e.err } : {}) };
  });
  reg.add('GET', `${base}/file-read`, (req) => {
    const g = checkAgent(core, req);
    const file = str(req, 'file');
    const content =
      file === '/etc/hostname' ? `${guestName(g)}\n` : file === '/etc/os-release' ? OS_RELEASE : undefined;
    if (content === undefined)
      throw fail(`Agent error: Failed to open file '${file}': No such file or directory`);
    return { content, truncated: 0 };
  });
}
