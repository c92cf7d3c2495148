// The calls Proxdeck and the demo make every day must pass the simulator's strict validation unchanged.
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../pve-sim/schema/load.js';
import { checkObject, type Errors, type ObjectSchema } from '../../pve-sim/schema/validate.js';

const { router } = loadSchema();

function errorsOf(method: string, path: string, params: Record<string, string>): Errors {
  const route = router.match(path);
  const info = route?.info[method];
  if (!route || !info) throw new Error(`no ${method} ${path}`);
  const errors: Errors = {};
  checkObject(info.parameters as ObjectSchema, { ...params, ...route.vars }, errors, { json: false });
  return errors;
}

const CASES: [string, string, Record<string, string>][] = [
  [
    'POST',
    '/nodes/pve1/qemu/100/config',
    {
      memory: '4096',
      cores: '2',
      sockets: '1',
      tags: 'db;prod',
      description: 'x',
      digest: 'a'.repeat(40),
      net0: 'virtio=BC:24:11:AA:BB:CC,bridge=vmbr0,firewall=1',
      ide2: 'none,media=cdrom',
      scsi0: 'local-lvm:vm-100-disk-0,size=32G,iothread=1',
      boot: 'order=scsi0;ide2;net0',
      ostype: 'l26',
      agent: '1',
      onboot: '1',
      startup: 'order=1,up=30',
      delete: 'tags,description',
      balloon: '0',
      cpu: 'x86-64-v2-AES',
    },
  ],
  [
    'PUT',
    '/nodes/pve1/lxc/101/config',
    { memory: '512', swap: '512', net0: 'name=eth0,bridge=vmbr0,ip=dhcp', hostname: 'ct1', tags: 'web' },
  ],
  [
    'POST',
    '/nodes/pve1/qemu',
    {
      vmid: '200',
      name: 'new-vm',
      memory: '2048',
      scsi0: 'local-lvm:32',
      net0: 'virtio,bridge=vmbr0',
      pool: 'OpenVLE-VMs',
    },
  ],
  [
    'POST',
    '/nodes/pve1/qemu',
    {
      vmid: '201',
      archive: 'local:backup/vzdump-qemu-100-2025_03_01-02_00_05.vma.zst',
      storage: 'local-lvm',
      unique: '1',
    },
  ],
  [
    'POST',
    '/nodes/pve1/lxc',
    {
      vmid: '202',
      ostemplate: 'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst',
      rootfs: 'local-lvm:8',
      hostname: 'c2',
    },
  ],
  [
    'POST',
    '/nodes/pve1/qemu/100/clone',
    { newid: '300', name: 'clone-1', full: '1', target: 'pve2', pool: 'OpenVLE-VMs' },
  ],
  ['POST', '/nodes/pve1/qemu/100/migrate', { target: 'pve2', online: '1' }],
  [
    'POST',
    '/nodes/pve1/vzdump',
    {
      vmid: '100,101',
      mode: 'snapshot',
      storage: 'local',
      compress: 'zstd',
      'notes-template': '{{guestname}}',
    },
  ],
  ['POST', '/nodes/pve1/qemu/100/snapshot', { snapname: 'before_upgrade', vmstate: '1', description: 'x' }],
  ['POST', '/cluster/ha/resources', { sid: 'vm:100', state: 'started', max_restart: '1' }],
  [
    'POST',
    '/cluster/backup',
    { schedule: '21:00', vmid: '100,101', storage: 'local', mode: 'snapshot', enabled: '1' },
  ],
  ['GET', '/nodes/pve1/rrddata', { timeframe: 'hour', cf: 'AVERAGE' }],
  ['GET', '/nodes/pve1/tasks', { start: '0', limit: '50', source: 'all', vmid: '100' }],
  ['GET', '/nodes/pve1/storage/local/content', { content: 'backup', vmid: '100' }],
  ['POST', '/access/users/ops%40pve/token/t1', { privsep: '1', expire: '0', comment: 'x' }],
  ['PUT', '/access/acl', { path: '/pool/OpenVLE-VMs', roles: 'PVEVMUser', users: 'ops@pve', propagate: '1' }],
  ['POST', '/nodes/pve1/qemu/100/vncproxy', { websocket: '1' }],
];

describe('common calls pass validation', () => {
  it.each(CASES)('%s %s', (method, path, params) => {
    expect(errorsOf(method, path, params)).toEqual({});
  });
});
