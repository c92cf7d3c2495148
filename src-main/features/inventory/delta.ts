// Diffs two record maps into added / changed (changed fields only) / removed; order never matters.
import type { FieldValue, InventoryRecord, RecordChange } from '../../../src-shared/model/inventory.js';

export interface RecordDiff {
  added: InventoryRecord[];
  changed: RecordChange[];
  removed: string[];
}

type Fields = Record<string, FieldValue>;

function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  // NaN never reaches here (records hold finite numbers), so === is the whole story for scalars.
  return false;
}

/** The fields of `next` that differ from `prev`, or undefined when none do. */
export function changedFields(prev: InventoryRecord, next: InventoryRecord): Fields | undefined {
  const a = prev as unknown as Fields;
  const b = next as unknown as Fields;
  let out: Fields | undefined;
  for (const key in b) {
    const v = b[key]!;
    if (!sameValue(a[key], v)) (out ??= {})[key] = v;
  }
  return out;
}

/**
 * `touched`: when given, the ids whose record in `next` may differ from `prev` (normaliseResources fills it); all
 * other ids must hold the very same object in both maps. Only those are visited, and the walk over `prev` for
 * removals is skipped when the counts show nothing went away.
 */
export function diffRecords(
  prev: ReadonlyMap<string, InventoryRecord>,
  next: ReadonlyMap<string, InventoryRecord>,
  touched?: readonly string[],
): RecordDiff {
  const added: InventoryRecord[] = [];
  const changed: RecordChange[] = [];
  const removed: string[] = [];
  let newIds = 0;
  const visit = (rec: InventoryRecord, id: string): void => {
    const old = prev.get(id);
    if (old === rec) return;
    if (!old) newIds++;
    if (!old || old.kind !== rec.kind) {
      // A kind change under the same id cannot be patched field by field: send the whole record.
      added.push(rec);
      return;
    }
    const fields = changedFields(old, rec);
    if (fields) changed.push({ id, fields });
  };
  if (touched) {
    for (const id of touched) {
      const rec = next.get(id);
      if (rec) visit(rec, id);
    }
  } else {
    // forEach, not for-of over entries: no [id, rec] pair is allocated for each of the 10,000 unchanged records.
    next.forEach(visit);
  }
  // Every id of `next` is either new or in `prev`; when the ones in `prev` number prev.size, none was removed.
  if (!touched || next.size - newIds !== prev.size)
    for (const id of prev.keys()) if (!next.has(id)) removed.push(id);
  return { added, changed, removed };
}

/**
 * The diff of one applyResources call: `before` holds the replaced record of every id that changed, appeared or
 * went, `records` the map after it; nothing else needs a look.
 */
export function diffApplied(
  before: ReadonlyMap<string, InventoryRecord | undefined>,
  records: ReadonlyMap<string, InventoryRecord>,
): RecordDiff {
  const added: InventoryRecord[] = [];
  const changed: RecordChange[] = [];
  const removed: string[] = [];
  before.forEach((old, id) => {
    const rec = records.get(id);
    if (!rec) {
      if (old) removed.push(id);
    } else if (!old || old.kind !== rec.kind) {
      // a kind change under the same id cannot be patched field by field: send the whole record
      added.push(rec);
    } else if (old !== rec) {
      const fields = changedFields(old, rec);
      if (fields) changed.push({ id, fields });
    }
  });
  return { added, changed, removed };
}

export function isEmptyDiff(d: RecordDiff): boolean {
  return d.added.length === 0 && d.changed.length === 0 && d.removed.length === 0;
}
