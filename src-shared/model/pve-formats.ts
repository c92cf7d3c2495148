// PVE's own formats for the names that end up in API paths (pve-common JSONSchema.pm): defined once, used by every
// channel. A path segment like "..", "." or "a/b" never passes any of them, so the dispatcher refuses it with
// bad_request before a handler builds a URL. Each message is the format's name; the renderer's ui/messages words it.
import { z } from 'zod';

/** pve-node: letters, digits and hyphens, starting and ending with a letter or digit (no dots: not an FQDN). */
export const PveNode = z
  .string()
  .max(63)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/, 'pve-node');

/** pve-storage-id: a letter, then letters, digits, "-", "_" or "."; ends with a letter or digit. */
export const PveStorageId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?$/, 'pve-storage-id')
  .refine((v) => v.length >= 2, 'pve-storage-id');

/** pve-vmid: 100 … 999 999 999. */
export const PveVmid = z.number().int('pve-vmid').min(100, 'pve-vmid').max(999_999_999, 'pve-vmid');

/** pve-configid (snapshot names, config keys): a letter, then letters, digits, "-" or "_"; at least 2 characters. */
export const PveConfigId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]+$/, 'pve-configid');

/** Snapshot names: pve-configid, at most 40 characters. */
export const PveSnapName = PveConfigId.max(40);

/** pve-poolid: letters, digits, "_", "-", "."; up to three levels joined by "/" (nested pools), no empty level. */
export const PvePoolId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*){0,2}$/, 'pve-poolid');

/** Every format above, so a test can check that a channel argument uses one of them (by identity). */
export const PVE_FORMATS: ReadonlyMap<z.ZodType, string> = new Map<z.ZodType, string>([
  [PveNode, 'pve-node'],
  [PveStorageId, 'pve-storage-id'],
  [PveVmid, 'pve-vmid'],
  [PveConfigId, 'pve-configid'],
  [PveSnapName, 'pve-configid'],
  [PvePoolId, 'pve-poolid'],
]);
