// Backups: archives as storage content (content=backup), vzdump, restore (qemu archive= / lxc restore=1) and volume delete.
import { z } from 'zod';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { pveBool, pveGet, pveInt, pveNum, pvePath, pveSend, type PveCaller, type PveParams } from './caller.js';
import { Upid } from './guests.js';

const guestType = (s: string | undefined): GuestRef['type'] | undefined => (s === 'qemu' || s === 'lxc' ? s : undefined);

const BackupItem = z
  .object({
    volid: z.string(),
    content: z.string(),
    format: z.string().optional(),
    size: pveNum.optional(),
    ctime: pveInt.optional(),
    vmid: pveInt.optional(),
    subtype: z.string().optional(),
    notes: z.string().optional(),
    protected: pveBool.optional(),
    verification: z.object({ state: z.string(), upid: z.string().optional() }).optional(),
  })
  .transform((b) => ({
    volid: b.volid,
    type: guestType(b.subtype),
    format: b.format ?? '',
    size: b.size ?? 0,
    ctime: b.ctime ?? 0,
    ...(b.vmid !== undefined ? { vmid: b.vmid } : {}),
    ...(b.notes !== undefined ? { notes: b.notes } : {}),
    protected: b.protected ?? false,
    ...(b.verification ? { verification: b.verification.state } : {}),
  }));
export type BackupItem = z.output<typeof BackupItem>;

export function listBackupContent(c: PveCaller, node: string, storage: string, vmid?: number): Promise<BackupItem[]> {
  return pveGet(c, pvePath`/nodes/${node}/storage/${storage}/content`, z.array(BackupItem), { content: 'backup', ...(vmid !== undefined ? { vmid } : {}) });
}

export interface VzdumpOptions {
  storage: string;
  mode: 'snapshot' | 'suspend' | 'stop';
  compress: '0' | 'gzip' | 'lzo' | 'zstd';
  'notes-template'?: string;
  protected?: boolean;
}

export function vzdumpParams(vmid: number, o: VzdumpOptions): PveParams {
  return { vmid: String(vmid), storage: o.storage, mode: o.mode, compress: o.compress, 'notes-template': o['notes-template'], protected: o.protected };
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
  return type === 'qemu' ? { ...common, archive: o.volid } : { ...common, ostemplate: o.volid, restore: true };
}

/** Deleting an archive is a task (imgdel) on file storages. */
export function deleteVolume(c: PveCaller, node: string, volid: string): Promise<string | undefined> {
  const storage = volid.split(':')[0] ?? '';
  return pveSend(c, 'DELETE', pvePath`/nodes/${node}/storage/${storage}/content/${volid}`, z.union([z.null(), Upid]).transform((v) => v ?? undefined));
}
