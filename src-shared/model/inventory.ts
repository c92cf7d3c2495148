// Typed inventory records (nodes, guests, storage, pools, SDN) and the snapshot/delta shapes that carry them.
// Every field is present on every record (null = PVE did not report it) so a delta can say "lock went away".
import { z } from 'zod';

const num = z.number();
const optNum = z.number().nullable();
const optStr = z.string().nullable();

const Base = {
  /** PVE's own id inside the cluster: "qemu/100", "node/pve1", "storage/pve1/local", "pool/dev" */
  id: z.string(),
  /** the profile id of the connection this record came from */
  clusterId: z.string(),
};

/** what /cluster/resources reports for nodes and guests alike */
const Usage = {
  /** fraction of the cores (maxcpu), 0..1 */
  cpu: optNum,
  maxcpu: optNum,
  mem: optNum,
  maxmem: optNum,
  disk: optNum,
  maxdisk: optNum,
  uptime: optNum,
};

export const NodeRecord = z.object({
  ...Base,
  kind: z.literal('node'),
  node: z.string(),
  status: z.enum(['online', 'offline', 'unknown']),
  ...Usage,
  /** 1, 5 and 15 minute load averages (from /nodes/{node}/status, refreshed less often) */
  loadavg: z.array(num).nullable(),
  /** "pve-manager/9.1.1/…" as the node reports it */
  pveversion: optStr,
});
export type NodeRecord = z.infer<typeof NodeRecord>;

export const GuestStatus = z.enum(['running', 'stopped', 'paused', 'suspended', 'prelaunch', 'unknown']);
export type GuestStatus = z.infer<typeof GuestStatus>;

export const GuestRecord = z.object({
  ...Base,
  kind: z.literal('guest'),
  type: z.enum(['qemu', 'lxc']),
  vmid: z.number().int(),
  name: z.string(),
  node: z.string(),
  /** 'unknown' whenever the node is offline: PVE cannot say */
  status: GuestStatus,
  template: z.boolean(),
  lock: optStr,
  /** PVE's ";"-separated tags, split */
  tags: z.array(z.string()),
  pool: optStr,
  hastate: optStr,
  ...Usage,
  netin: optNum,
  netout: optNum,
  diskread: optNum,
  diskwrite: optNum,
});
export type GuestRecord = z.infer<typeof GuestRecord>;

export const StorageRecord = z.object({
  ...Base,
  kind: z.literal('storage'),
  storage: z.string(),
  node: z.string(),
  status: z.string(),
  plugintype: optStr,
  shared: z.boolean(),
  content: optStr,
  disk: optNum,
  maxdisk: optNum,
});
export type StorageRecord = z.infer<typeof StorageRecord>;

export const PoolRecord = z.object({ ...Base, kind: z.literal('pool'), pool: z.string() });
export type PoolRecord = z.infer<typeof PoolRecord>;

export const SdnRecord = z.object({
  ...Base,
  kind: z.literal('sdn'),
  name: z.string(),
  node: optStr,
  status: optStr,
  /** zone, vnet, fabric ... (PVE 9 "network-type") */
  sdnType: optStr,
});
export type SdnRecord = z.infer<typeof SdnRecord>;

export const InventoryRecord = z.discriminatedUnion('kind', [
  NodeRecord,
  GuestRecord,
  StorageRecord,
  PoolRecord,
  SdnRecord,
]);
export type InventoryRecord = z.infer<typeof InventoryRecord>;
export type InventoryKind = InventoryRecord['kind'];

/** A field value as it crosses IPC inside a change: any record field. */
export const FieldValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
]);
export type FieldValue = z.infer<typeof FieldValue>;

export const RecordChange = z.object({
  id: z.string(),
  /** only the fields whose value changed, with their new value */
  fields: z.record(z.string(), FieldValue),
});
export type RecordChange = z.infer<typeof RecordChange>;

export const InventoryDelta = z.object({
  clusterId: z.string(),
  /** the version this delta produces; the previous one is version - 1 */
  version: z.number().int(),
  added: z.array(InventoryRecord),
  changed: z.array(RecordChange),
  removed: z.array(z.string()),
  /** entries of this poll PVE sent in a shape we could not read (skipped, not fatal) */
  skipped: z.number().int().min(0).optional(),
});
export type InventoryDelta = z.infer<typeof InventoryDelta>;

export const StaleInfo = z.object({
  clusterId: z.string(),
  /** ms since epoch of the last successful poll (0 = never) */
  since: z.number(),
  error: z.object({ code: z.string(), message: z.string() }),
});
export type StaleInfo = z.infer<typeof StaleInfo>;

/** Who this connection reaches: profiles sharing any identity key reach the same cluster. */
export const ClusterIdentity = z.object({
  /** the PVE cluster name, or the node name of a stand-alone node */
  name: z.string(),
  /** the profile's colour */
  color: z.string(),
  /** "name:<cluster>|<nodes>", "fp:<fingerprint>", "host:<host>:<port>" */
  keys: z.array(z.string()),
  /** higher wins when two profiles reach the same cluster (primary profiles first, then privileges) */
  rank: z.number(),
});
export type ClusterIdentity = z.infer<typeof ClusterIdentity>;

export const InventorySnapshot = z.object({
  clusterId: z.string(),
  identity: ClusterIdentity.optional(),
  version: z.number().int(),
  records: z.array(InventoryRecord),
  /** set while polls fail */
  stale: StaleInfo.nullable(),
  /** entries of the last poll PVE sent in a shape we could not read */
  skipped: z.number().int().min(0).optional(),
});
export type InventorySnapshot = z.infer<typeof InventorySnapshot>;

export const RrdTimeframe = z.enum(['hour', 'day', 'week', 'month', 'year']);
export type RrdTimeframe = z.infer<typeof RrdTimeframe>;
export const RrdCf = z.enum(['AVERAGE', 'MAX']);
export type RrdCf = z.infer<typeof RrdCf>;

/** One RRD sample: time (s since epoch) plus the metrics PVE reported for it. */
export const RrdSample = z.record(z.string(), z.number());
export type RrdSample = z.infer<typeof RrdSample>;

/** Splits PVE tags ("a;b c,d") into a sorted, de-duplicated list. */
export function splitTags(tags: string | undefined | null): string[] {
  if (!tags) return [];
  const out = [...new Set(tags.split(/[;, ]+/).filter((t) => t.length > 0))];
  return out.sort();
}

/** Applies added/changed/removed to a record map keyed by id; main's tests and the renderer store share it. */
export function applyChanges(
  base: ReadonlyMap<string, InventoryRecord>,
  d: Pick<InventoryDelta, 'added' | 'changed' | 'removed'>,
): Map<string, InventoryRecord> {
  const out = new Map(base);
  for (const id of d.removed) out.delete(id);
  for (const rec of d.added) out.set(rec.id, rec);
  for (const c of d.changed) {
    const old = out.get(c.id);
    // Fields come from a record of the same kind (main sends kind changes as `added`), so the spread stays well-typed.
    if (old) out.set(c.id, { ...old, ...c.fields } as InventoryRecord);
  }
  return out;
}
