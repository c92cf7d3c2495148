// What the simulated guest prints for agent/exec: the audit commands (os-release, failed units, df, docker ps),
// hostname and echo; anything else runs silently, and an unknown program fails as the agent reports it.
import type { Guest } from '../cluster/model.js';
import { guestMaxDisk } from '../cluster/metrics.js';
import { guestName } from '../cluster/state.js';

export interface ExecResult {
  out: string;
  err?: string;
  exitcode: number;
}

export const OS_RELEASE =
  'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nVERSION="13 (trixie)"\nVERSION_CODENAME=trixie\nID=debian\nHOME_URL="https://www.debian.org/"\n';

const gib = (b: number): string => `${(b / 2 ** 30).toFixed(0)}G`;

function df(g: Guest): string {
  const total = guestMaxDisk(g);
  const used = Math.floor(total * 0.3);
  return [
    'Filesystem      Size  Used Avail Use% Mounted on',
    'udev            1.9G     0  1.9G   0% /dev',
    'tmpfs           392M  612K  391M   1% /run',
    `/dev/sda1       ${gib(total).padEnd(5)} ${gib(used).padEnd(5)} ${gib(total - used).padEnd(5)}  30% /`,
    'tmpfs           2.0G     0  2.0G   0% /dev/shm',
    '',
  ].join('\n');
}

const FAILED_UNITS = (g: Guest): string =>
  g.vmid % 3 === 0
    ? '  UNIT                 LOAD   ACTIVE SUB    DESCRIPTION\n● apt-daily.service    loaded failed failed Daily apt download activities\n\nLegend: LOAD   → Reflects whether the unit definition was properly loaded.\n\n1 loaded units listed.\n'
    : '  UNIT LOAD ACTIVE SUB DESCRIPTION\n\n0 loaded units listed.\n';

const DOCKER_PS = (g: Guest): string =>
  `CONTAINER ID   IMAGE          COMMAND                  CREATED      STATUS      PORTS                NAMES\n3f2a1b0c9d8e   nginx:1.27     "/docker-entrypoint.…"   3 days ago   Up 3 days   0.0.0.0:80->80/tcp   web-${g.vmid}\n`;

export function execOutput(g: Guest, argv: string[]): ExecResult {
  const [prog, ...args] = argv;
  const line = argv.join(' ');
  if (prog === 'hostname') return { out: `${guestName(g)}\n`, exitcode: 0 };
  if (prog === 'echo') return { out: `${args.join(' ')}\n`, exitcode: 0 };
  if (prog === 'false') return { out: '', exitcode: 1 };
  if (line === 'cat /etc/os-release') return { out: OS_RELEASE, exitcode: 0 };
  if (prog === 'systemctl' && args[0] === 'list-units' && args.includes('--failed'))
    return { out: FAILED_UNITS(g), exitcode: 0 };
  if (line === 'df -h') return { out: df(g), exitcode: 0 };
  if (line === 'docker ps') return { out: DOCKER_PS(g), exitcode: 0 };
  if (prog === 'ls' || prog === 'true' || prog === 'sync') return { out: '', exitcode: 0 };
  return {
    out: '',
    err: `Failed to execute child process “${prog ?? ''}” (No such file or directory)`,
    exitcode: 127,
  };
}
