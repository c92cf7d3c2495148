// Action-table entries of guest-config: seeing a guest, power actions and config edits.
//
// API:
//   GUEST_CONFIG (as const)   guest.view, guest.{start,shutdown,reboot,stop,reset,suspend,resume}, guest.config
import { type ActionDef, type GuestType, call, handler, onVm } from '../action-builders.js';
import { GUEST } from './common.js';

const power = <V extends string>(
  verb: V,
  label: string,
  guestTypes?: readonly GuestType[],
  destructive?: true,
) =>
  ({
    id: `guest.${verb}`,
    label,
    calls: [call('POST', `${GUEST}/status/${verb}`, [onVm(['VM.PowerMgmt'])], guestTypes)],
    ...(destructive ? { destructive } : {}),
  }) as const satisfies ActionDef;

const QEMU_CONFIG = [
  'VM.Config.Disk',
  'VM.Config.CDROM',
  'VM.Config.CPU',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.HWType',
  'VM.Config.Options',
  'VM.Config.Cloudinit',
];
const LXC_CONFIG = [
  'VM.Config.Disk',
  'VM.Config.CPU',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.Options',
];

export const GUEST_CONFIG = [
  {
    id: 'guest.view',
    label: 'See guest status and config',
    calls: [
      call('GET', `${GUEST}/status/current`, [onVm(['VM.Audit'])]),
      call('GET', `${GUEST}/config`, [onVm(['VM.Audit'])]),
    ],
  },
  power('start', 'Start'),
  power('shutdown', 'Shut down'),
  power('reboot', 'Reboot'),
  power('stop', 'Stop (hard)', undefined, true),
  power('reset', 'Reset', ['qemu'], true),
  {
    id: 'guest.suspend',
    label: 'Suspend',
    calls: [
      call(
        'POST',
        '/nodes/{node}/qemu/{vmid}/status/suspend',
        [
          onVm(['VM.PowerMgmt']),
          handler('/vms/{vmid}', ['VM.Config.Disk'], 'todisk'),
          handler('/storage/{statestorage}', ['Datastore.AllocateSpace'], 'todisk'),
        ],
        ['qemu'],
      ),
      call('POST', '/nodes/{node}/lxc/{vmid}/status/suspend', [onVm(['VM.PowerMgmt'])], ['lxc']),
    ],
  },
  power('resume', 'Resume'),
  {
    id: 'guest.config',
    label: 'Edit guest config',
    calls: [
      call('PUT', '/nodes/{node}/qemu/{vmid}/config', [onVm(QEMU_CONFIG, { any: true })], ['qemu']),
      call('PUT', '/nodes/{node}/lxc/{vmid}/config', [onVm(LXC_CONFIG, { any: true })], ['lxc']),
    ],
  },
] as const satisfies readonly ActionDef[];
