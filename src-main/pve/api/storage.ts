// Per-node storage list with usage (for pre-flight checks and target pickers); only storages the identity may see.
import { z } from 'zod';
import { pveBool, pveGet, pveNum, pvePath, type PveCaller } from './caller.js';

const StorageEntry = z
  .object({
    storage: z.string(),
    type: z.string(),
    content: z.string().optional(),
    shared: pveBool.optional(),
    active: pveBool.optional(),
    enabled: pveBool.optional(),
    total: pveNum.optional(),
    used: pveNum.optional(),
    avail: pveNum.optional(),
  })
  .transform((s) => ({
    storage: s.storage,
    type: s.type,
    content: (s.content ?? '').split(',').filter(Boolean),
    shared: s.shared ?? false,
    active: s.active ?? true,
    total: s.total ?? 0,
    used: s.used ?? 0,
    avail: s.avail ?? Math.max(0, (s.total ?? 0) - (s.used ?? 0)),
  }));
export type NodeStorage = z.output<typeof StorageEntry>;

/** `content` filters to storages holding that content type (backup, images, rootdir, vztmpl, iso). */
export function listNodeStorages(c: PveCaller, node: string, content?: string): Promise<NodeStorage[]> {
  return pveGet(c, pvePath`/nodes/${node}/storage`, z.array(StorageEntry), content ? { content } : undefined);
}
