// Backups: archives as storage content (content=backup), vzdump, restore (qemu archive= / lxc restore=1) and volume delete.
import { z } from 'zod';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';
import { listStorageContent, type ContentItem } from './storage-content.js';
import { Upid } from './guests.js';

/** vzdump archive names carry the guest type: vzdump-qemu-100-..., vzdump-lxc-101-... (PBS: backup/vm/100, backup/ct/101). */
function typeOf(volid: string): GuestRef['type'] | undefined {
  if (/vzdump-qemu-|:backup\/vm\//.test(volid)) return 'qemu';
  if (/vzdump-(lxc|openvz)-|:backup\/ct\//.test(volid)) return 'lxc';
  return undefined;
}

export interface BackupItem extends ContentItem {
  type?: GuestRef['type'];
}

/** Archives on one storage; the content read itself lives in storage-content.ts (one place per call). */
export async function listBackupContent(
  c: PveCaller,
  node: string,
  storage: string,
  vmid?: number,
): Promise<BackupItem[]> {
  const items = await listStorageContent(c, node, storage, 'backup');
  return items
    .filter((i) => vmid === undefined || i.vmid === vmid)
    .map((i) => {
      const type = typeOf(i.volid);
      return type ? { ...i, type } : i;
    });
}

export interface VzdumpOptions {
  storage: string;
  mode: 'snapshot' | 'suspend' | 'stop';
  compress: '0' | 'gzip' | 'lzo' | 'zstd';
  'notes-template'?: string;
  protected?: boolean;
}

export function vzdumpParams(vmid: number, o: VzdumpOptions): PveParams {
  return {
    vmid: String(vmid),
    storage: o.storage,
    mode: o.mode,
    compress: o.compress,
    'notes-template': o['notes-template'],
    protected: o.protected,
  };
}

/** POST /nodes/{node}/vzdump for one guest; answers the vzdump task. */
export function runVzdump(c: PveCaller, node: string, params: PveParams): Promise<string> {
  return pveSend(c, 'POST', pvePath`/nodes/${node}/vzdump`, Upid, params);
}

export interface RestoreOptions {
  vmid: number;
  volid: string;
  storage?: string;
  /** new MAC addresses (and, for qemu, a new SMBIOS uuid) */
  unique?: boolean;
  /** overwrite an existing guest */
  force?: boolean;
  start?: boolean;
}

/** qemu: archive=<volid>; lxc: ostemplate=<volid> with restore=1; sent with create.ts createGuest (the same PVE call). */
export function restoreParams(type: GuestRef['type'], o: RestoreOptions): PveParams {
  const common = { vmid: o.vmid, storage: o.storage, unique: o.unique, force: o.force, start: o.start };
  return type === 'qemu'
    ? { ...common, archive: o.volid }
    : { ...common, ostemplate: o.volid, restore: true };
}

/** Deleting an archive is a task (imgdel) on file storages. */
export function deleteVolume(c: PveCaller, node: string, volid: string): Promise<string | undefined> {
  const storage = volid.split(':')[0] ?? '';
  return pveSend(
    c,
    'DELETE',
    pvePath`/nodes/${node}/storage/${storage}/content/${volid}`,
    z.union([z.null(), Upid]).transform((v) => v ?? undefined),
  );
}
