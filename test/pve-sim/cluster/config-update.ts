// Applying a config update as PVE does: hot-pluggable keys change now, others go to [PENDING] while running.
import { PveHttpError } from '../http/types.js';
import type { Guest, GuestConfig } from './model.js';

/** Parameters of a config call that are not config options. */
const NON_OPTIONS = new Set([
  'node',
  'vmid',
  'digest',
  'delete',
  'revert',
  'skiplock',
  'background_delay',
  'force',
]);

const QEMU_HOT =
  /^(name|description|tags|onboot|protection|startup|balloon|lock|(net|scsi|virtio|sata|ide|unused)\d+)$/;
const LXC_COLD = /^(features|unprivileged|ostype|arch|mp\d+)$/;
const KNOWN = new Set([
  'acpi',
  'affinity',
  'agent',
  'arch',
  'args',
  'autostart',
  'balloon',
  'bios',
  'boot',
  'bootdisk',
  'cdrom',
  'cicustom',
  'cipassword',
  'citype',
  'ciupgrade',
  'ciuser',
  'cores',
  'cpu',
  'cpulimit',
  'cpuunits',
  'description',
  'efidisk0',
  'freeze',
  'hookscript',
  'hotplug',
  'hugepages',
  'keyboard',
  'kvm',
  'localtime',
  'machine',
  'memory',
  'name',
  'nameserver',
  'numa',
  'onboot',
  'ostype',
  'protection',
  'scsihw',
  'searchdomain',
  'shares',
  'smbios1',
  'sockets',
  'sshkeys',
  'startup',
  'tablet',
  'tags',
  'template',
  'tpmstate0',
  'vcpus',
  'vga',
  'vmgenid',
  'watchdog',
  'hostname',
  'swap',
  'rootfs',
  'unprivileged',
  'features',
  'console',
  'cmode',
  'tty',
  'timezone',
]);
const INDEXED = /^(net|scsi|virtio|sata|ide|ipconfig|hostpci|usb|serial|parallel|unused|numa|mp|dev)\d+$/;

export function isKnownOption(key: string): boolean {
  return KNOWN.has(key) || INDEXED.test(key);
}

function needsPending(g: Guest, key: string): boolean {
  if (g.power === 'stopped') return false;
  return g.type === 'qemu' ? !QEMU_HOT.test(key) : LXC_COLD.test(key);
}

/** Tags as PVE stores them: lower-case, de-duplicated, sorted, `;`-joined. */
export function normaliseTags(input: string): string {
  return [
    ...new Set(
      input
        .toLowerCase()
        .split(/[,;\s]+/)
        .filter(Boolean),
    ),
  ]
    .sort()
    .join(';');
}

export function optionsOf(params: Record<string, unknown>): GuestConfig {
  const out: GuestConfig = {};
  for (const [k, v] of Object.entries(params)) {
    if (NON_OPTIONS.has(k) || v === undefined || v === null) continue;
    out[k] = typeof v === 'number' ? v : String(v);
  }
  if (typeof out['tags'] === 'string') out['tags'] = normaliseTags(out['tags']);
  return out;
}

function list(v: unknown): string[] {
  return typeof v === 'string' ? v.split(/[,;\s]+/).filter(Boolean) : [];
}

/** Validate then apply; throws PVE's errors for an empty update or an unknown deleted key. */
export function applyConfigUpdate(g: Guest, params: Record<string, unknown>): void {
  const opts = optionsOf(params);
  const del = list(params['delete']);
  const revert = list(params['revert']);
  if (del.length === 0 && revert.length === 0 && Object.keys(opts).length === 0)
    throw new PveHttpError(500, 'no options specified\n');
  for (const k of del)
    if (!isKnownOption(k))
      throw new PveHttpError(400, 'Parameter verification failed.\n', { delete: `unknown option '${k}'` });
  for (const k of revert) {
    delete g.pending[k];
    g.pendingDelete = g.pendingDelete.filter((d) => d !== k);
  }
  for (const k of del) {
    if (needsPending(g, k)) {
      if (!g.pendingDelete.includes(k)) g.pendingDelete.push(k);
    } else {
      delete g.conf[k];
      delete g.pending[k];
    }
  }
  for (const [k, v] of Object.entries(opts)) {
    if (needsPending(g, k)) {
      g.pending[k] = v;
      g.pendingDelete = g.pendingDelete.filter((d) => d !== k);
    } else {
      g.conf[k] = v;
      delete g.pending[k];
    }
  }
}

/** At (re)start PVE writes the pending section into the config. */
export function applyPending(g: Guest): void {
  for (const k of g.pendingDelete) delete g.conf[k];
  Object.assign(g.conf, g.pending);
  g.pending = {};
  g.pendingDelete = [];
}

/** Config with pending merged in, as config GET returns it by default. */
export function currentConfig(g: Guest, includePending: boolean): GuestConfig {
  const conf: GuestConfig = { ...g.conf };
  if (includePending) {
    for (const k of g.pendingDelete) delete conf[k];
    Object.assign(conf, g.pending);
  }
  if (conf['cipassword'] !== undefined) conf['cipassword'] = '**********';
  return conf;
}

/** GET .../pending: one item per key, digest as its own item. */
export function pendingItems(g: Guest, digest: string): Record<string, unknown>[] {
  const keys = new Set([...Object.keys(g.conf), ...Object.keys(g.pending), ...g.pendingDelete]);
  const items: Record<string, unknown>[] = [];
  for (const key of [...keys].sort()) {
    const item: Record<string, unknown> = { key };
    if (g.conf[key] !== undefined) item['value'] = String(g.conf[key]);
    if (g.pending[key] !== undefined) item['pending'] = String(g.pending[key]);
    if (g.pendingDelete.includes(key)) item['delete'] = 1;
    items.push(item);
  }
  items.push({ key: 'digest', value: digest });
  return items;
}
