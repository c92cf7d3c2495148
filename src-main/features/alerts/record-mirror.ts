// A copy of one cluster's inventory built from the inventory.changed deltas on the event bus (version 1 starts a
// poller afresh), so alerts read what the inventory already polls without asking PVE again.
import type {
  InventoryDelta,
  InventoryRecord,
  InventorySnapshot,
} from '../../../src-shared/model/inventory.js';

export interface RecordMirror {
  /** false when the delta does not follow the last one (a missed delta): the caller may load a snapshot */
  apply(delta: InventoryDelta): boolean;
  load(snapshot: InventorySnapshot): void;
  records(): Iterable<InventoryRecord>;
  readonly version: number;
}

export function createRecordMirror(): RecordMirror {
  let records = new Map<string, InventoryRecord>();
  let version = 0;
  return {
    apply(d) {
      if (d.version === 1) records = new Map();
      else if (d.version <= version) return true;
      const follows = d.version === 1 || d.version === version + 1;
      for (const r of d.added) records.set(r.id, r);
      for (const c of d.changed) {
        const r = records.get(c.id);
        // the fields of a change belong to the record's own kind (the poller diffed two records of it)
        if (r) records.set(c.id, { ...r, ...c.fields } as InventoryRecord);
      }
      for (const id of d.removed) records.delete(id);
      version = d.version;
      return follows;
    },
    load(s) {
      if (s.version < version) return;
      records = new Map(s.records.map((r) => [r.id, r]));
      version = s.version;
    },
    records: () => records.values(),
    get version() {
      return version;
    },
  };
}
