// Deterministic cluster generator: the same (nodes, guests, seed) always gives the same cluster.
import {
  GIB,
  type Guest,
  type GuestConfig,
  type HaResource,
  type SimNode,
  type Storage,
  type Volume,
  type BackupJob,
} from './model.js';
import { Rng, hashUnit } from './rng.js';

export interface GeneratedCluster {
  nodes: SimNode[];
  guests: Guest[];
  storages: Storage[];
  volumes: Volume[];
  ha: HaResource[];
  jobs: BackupJob[];
}

export const TEMPLATE_QEMU = 9000;
export const TEMPLATE_LXC = 9001;
const ROLES = ['web', 'db', 'cache', 'app', 'ci', 'mail', 'dns', 'proxy', 'git', 'mon'];
const TAGS = ['web;prod', 'db;prod', 'dev', 'test', 'prod', 'staging', ''];

export function macFor(vmid: number, index: number): string {
  const h = Math.floor(hashUnit(vmid, index, 77) * 0xffffff);
  const b = [h >>> 16, (h >>> 8) & 0xff, h & 0xff].map((x) => x.toString(16).toUpperCase().padStart(2, '0'));
  return `BC:24:11:${b.join(':')}`;
}

export function newGuest(
  vmid: number,
  type: Guest['type'],
  node: string,
  conf: GuestConfig,
  seed: number,
): Guest {
  return {
    vmid,
    type,
    node,
    power: 'stopped',
    startedAt: 0,
    stoppedAt: 0,
    conf,
    pending: {},
    pendingDelete: [],
    snapshots: new Map(),
    seed,
  };
}

function qemuConf(rng: Rng, vmid: number, name: string): GuestConfig {
  const memory = rng.pick([1024, 2048, 4096, 8192]);
  const conf: GuestConfig = {
    name,
    cores: rng.pick([1, 2, 4]),
    sockets: 1,
    memory: String(memory),
    balloon: memory / 2,
    net0: `virtio=${macFor(vmid, 0)},bridge=vmbr0`,
    scsi0: `local-lvm:vm-${vmid}-disk-0,size=${rng.pick([16, 32, 64])}G`,
    scsihw: 'virtio-scsi-single',
    boot: 'order=scsi0;net0',
    ostype: rng.pick(['l26', 'l26', 'win11']),
    smbios1: `uuid=${uuidFor(vmid)}`,
    vmgenid: uuidFor(vmid + 7),
  };
  if (rng.chance(0.6)) conf['agent'] = '1';
  if (rng.chance(0.3)) conf['onboot'] = 1;
  return conf;
}

function lxcConf(rng: Rng, vmid: number, name: string): GuestConfig {
  const conf: GuestConfig = {
    hostname: name,
    arch: 'amd64',
    cores: rng.pick([1, 2]),
    memory: rng.pick([512, 1024, 2048]),
    swap: 512,
    ostype: rng.pick(['debian', 'ubuntu', 'alpine']),
    rootfs: `local-lvm:vm-${vmid}-disk-0,size=${rng.pick([4, 8, 16])}G`,
    net0: `name=eth0,bridge=vmbr0,hwaddr=${macFor(vmid, 0)},ip=dhcp,type=veth`,
    unprivileged: 1,
  };
  if (rng.chance(0.3)) conf['onboot'] = 1;
  return conf;
}

export function uuidFor(n: number): string {
  const h = (i: number): string =>
    Math.floor(hashUnit(n, i, 99) * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
  const s = h(1) + h(2) + h(3) + h(4);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-a${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function guestVmids(count: number): number[] {
  const out: number[] = [];
  for (let v = 100; out.length < count; v++) if (v !== TEMPLATE_QEMU && v !== TEMPLATE_LXC) out.push(v);
  return out;
}

export function generateCluster(
  opts: { nodes: number; guests: number; seed: number },
  now: number,
): GeneratedCluster {
  const rng = new Rng(opts.seed);
  const nodes: SimNode[] = [];
  for (let i = 1; i <= opts.nodes; i++) {
    nodes.push({
      name: `pve${i}`,
      online: true,
      cpus: rng.pick([16, 32, 64]),
      memTotal: rng.pick([64, 128, 256]) * GIB,
      rootTotal: 100 * GIB,
      bootAt: now - rng.int(2, 90) * 86_400_000,
      seed: rng.int(1, 1e9),
    });
  }
  const nodeNames = nodes.map((n) => n.name);
  const guests: Guest[] = [];
  for (const [i, vmid] of guestVmids(opts.guests).entries()) {
    const type = vmid <= 101 || rng.chance(0.7) ? 'qemu' : 'lxc';
    const node = nodeNames[i % nodeNames.length] ?? 'pve1';
    const name = `${rng.pick(ROLES)}-${String(i + 1).padStart(2, '0')}`;
    const conf = type === 'qemu' ? qemuConf(rng, vmid, name) : lxcConf(rng, vmid, name);
    const tags = rng.pick(TAGS);
    if (tags) conf['tags'] = tags;
    const g = newGuest(vmid, type, node, conf, rng.int(1, 1e9));
    if (vmid === 101 || rng.chance(0.55)) {
      g.power = 'running';
      g.startedAt = now - rng.int(600, 40 * 86_400) * 1000;
    }
    guests.push(g);
  }
  const first = nodeNames[0] ?? 'pve1';
  const tq = newGuest(
    TEMPLATE_QEMU,
    'qemu',
    first,
    {
      name: 'debian-13-cloud',
      cores: 2,
      sockets: 1,
      memory: '2048',
      template: 1,
      agent: '1',
      ostype: 'l26',
      net0: `virtio=${macFor(TEMPLATE_QEMU, 0)},bridge=vmbr0`,
      scsi0: `local-lvm:base-${TEMPLATE_QEMU}-disk-0,size=8G`,
      ide2: `local-lvm:vm-${TEMPLATE_QEMU}-cloudinit,media=cdrom`,
      scsihw: 'virtio-scsi-single',
      boot: 'order=scsi0',
      serial0: 'socket',
      vga: 'serial0',
      ciuser: 'debian',
      ipconfig0: 'ip=dhcp',
    },
    9000,
  );
  const tl = newGuest(
    TEMPLATE_LXC,
    'lxc',
    first,
    {
      ...lxcConf(rng, TEMPLATE_LXC, 'ct-template'),
      template: 1,
      rootfs: `local-lvm:base-${TEMPLATE_LXC}-disk-0,size=8G`,
    },
    9001,
  );
  guests.push(tq, tl);

  const storages: Storage[] = [
    {
      id: 'local',
      type: 'dir',
      content: ['iso', 'vztmpl', 'backup'],
      shared: 0,
      total: 100 * GIB,
      path: '/var/lib/vz',
    },
    { id: 'local-lvm', type: 'lvmthin', content: ['images', 'rootdir'], shared: 0, total: 1800 * GIB },
    {
      id: 'nfs-backup',
      type: 'nfs',
      content: ['backup'],
      shared: 1,
      total: 8000 * GIB,
      path: '/mnt/pve/nfs-backup',
    },
  ];
  const volumes: Volume[] = [];
  const day = 86_400;
  const nowS = Math.floor(now / 1000);
  for (const n of nodeNames) {
    volumes.push(
      {
        volid: 'local:iso/debian-13.1.0-amd64-netinst.iso',
        storage: 'local',
        node: n,
        content: 'iso',
        format: 'iso',
        size: 783_286_272,
        ctime: nowS - 40 * day,
      },
      {
        volid: 'local:iso/ubuntu-24.04.3-live-server-amd64.iso',
        storage: 'local',
        node: n,
        content: 'iso',
        format: 'iso',
        size: 3_213_064_192,
        ctime: nowS - 60 * day,
      },
      {
        volid: 'local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst',
        storage: 'local',
        node: n,
        content: 'vztmpl',
        format: 'tzst',
        size: 129_857_213,
        ctime: nowS - 30 * day,
      },
    );
  }
  for (const g of guests.slice(0, Math.min(3, opts.guests))) {
    for (const ago of [1, 8]) {
      const v = backupVolume(
        'nfs-backup',
        undefined,
        g.vmid,
        g.type,
        nowS - ago * day,
        'zst',
        rng.int(1, 20) * GIB,
        `${String(g.conf['name'] ?? g.conf['hostname'])} nightly`,
      );
      volumes.push({ ...v, conf: { ...g.conf } });
    }
  }
  const ha: HaResource[] = guests.some((g) => g.vmid === 101)
    ? [{ sid: 'vm:101', state: 'started', max_restart: 1, max_relocate: 1, failback: 1 }]
    : [];
  const jobs: BackupJob[] = [
    {
      id: 'backup-nightly',
      type: 'vzdump',
      schedule: '21:00',
      storage: 'nfs-backup',
      mode: 'snapshot',
      compress: 'zstd',
      all: 1,
      enabled: 1,
      'notes-template': '{{guestname}}',
    },
  ];
  return { nodes, guests, storages, volumes, ha, jobs };
}

/** vzdump archive name in the node's local time (the simulator runs in UTC). */
export function backupVolume(
  storage: string,
  node: string | undefined,
  vmid: number,
  type: Guest['type'],
  ctime: number,
  compress: string,
  size: number,
  notes?: string,
): Volume {
  const d = new Date(ctime * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${d.getUTCFullYear()}_${p(d.getUTCMonth() + 1)}_${p(d.getUTCDate())}-${p(d.getUTCHours())}_${p(d.getUTCMinutes())}_${p(d.getUTCSeconds())}`;
  const base = type === 'qemu' ? 'vma' : 'tar';
  const format = compress ? `${base}.${compress}` : base;
  const v: Volume = {
    volid: `${storage}:backup/vzdump-${type}-${vmid}-${stamp}.${format}`,
    storage,
    node,
    content: 'backup',
    format,
    size,
    ctime,
    vmid,
    subtype: type,
  };
  if (notes) v.notes = notes;
  return v;
}
