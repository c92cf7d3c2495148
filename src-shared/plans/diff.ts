// Before/after diffs for plans: guest config keys (with property-string sub-keys), power state and the snapshot tree.
//
// API:
//   type ConfigValue = string | number
//   type Config = Readonly<Record<string, ConfigValue>>
//   interface SubkeyChange { key: string; before?: string; after?: string }
//   interface DiffEntry { kind: DiffKind; key: string; change: 'added' | 'changed' | 'removed'; before?: string; after?: string; subkeys?: SubkeyChange[] }
//   DiffEntry (zod) for IPC;  DiffKind = 'config' | 'pending' | 'power' | 'snapshot-tree' | 'role' | 'user' | 'token' | 'acl'
//   parsePropertyString("virtio=AA:BB,bridge=vmbr0"): [key, value][]   a leading value without '=' gets key '' (e.g. the volume)
//   diffConfig(before, after, kind = 'config'): DiffEntry[]       'digest' ignored; sorted by key
//   configEditParams(before, after): Record<string, ConfigValue>  PUT .../config params: changed keys + delete=a,b
//   applyConfigParams(before, params): Config                     what the config becomes (honours `delete`)
//   diffPower(before, after): DiffEntry[]                         [] when equal
//   interface SnapshotItem { name: string; parent?: string; snaptime?: number; description?: string }
//   diffSnapshots(before, after): DiffEntry[]                     snapshots added / removed / re-parented ('current' = NOW)
//   snapshotTreeLines(items): string[]                            indented tree, children under parents, NOW last
import { z } from 'zod';

export type ConfigValue = string | number;
export type Config = Readonly<Record<string, ConfigValue>>;

export const SubkeyChange = z.object({
  key: z.string(),
  before: z.string().optional(),
  after: z.string().optional(),
});
export type SubkeyChange = z.infer<typeof SubkeyChange>;
export const DiffKind = z.enum([
  'config',
  'pending',
  'power',
  'snapshot-tree',
  'role',
  'user',
  'token',
  'acl',
]);
export type DiffKind = z.infer<typeof DiffKind>;
export const DiffEntry = z.object({
  kind: DiffKind,
  key: z.string(),
  change: z.enum(['added', 'changed', 'removed']),
  before: z.string().optional(),
  after: z.string().optional(),
  subkeys: z.array(SubkeyChange).optional(),
});
export type DiffEntry = z.infer<typeof DiffEntry>;

const IGNORED = new Set(['digest']);

/** Splits a PVE property string; values never contain ',' in the keys we diff (net, disks, options). */
export function parsePropertyString(s: string): [string, string][] {
  return s
    .split(',')
    .filter((p) => p !== '')
    .map((part, i): [string, string] => {
      const eq = part.indexOf('=');
      return eq < 0 && i === 0 ? ['', part] : eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    });
}

const looksLikePropertyString = (s: string): boolean => /^[^\s,=]+=[^,]*(,|$)|^[^\s,]+,[a-z0-9_-]+=/.test(s);

function subkeyDiff(before: string, after: string): SubkeyChange[] | undefined {
  if (!looksLikePropertyString(before) || !looksLikePropertyString(after)) return undefined;
  const b = new Map(parsePropertyString(before));
  const a = new Map(parsePropertyString(after));
  const out: SubkeyChange[] = [];
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const bv = b.get(key);
    const av = a.get(key);
    if (bv === av) continue;
    const change: SubkeyChange = { key };
    if (bv !== undefined) change.before = bv;
    if (av !== undefined) change.after = av;
    out.push(change);
  }
  return out;
}

function entry(
  kind: DiffKind,
  key: string,
  before: string | undefined,
  after: string | undefined,
): DiffEntry {
  const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const e: DiffEntry = { kind, key, change };
  if (before !== undefined) e.before = before;
  if (after !== undefined) e.after = after;
  return e;
}

export function diffConfig(before: Config, after: Config, kind: DiffKind = 'config'): DiffEntry[] {
  const out: DiffEntry[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !IGNORED.has(k))
    .sort();
  for (const key of keys) {
    const b = before[key] === undefined ? undefined : String(before[key]);
    const a = after[key] === undefined ? undefined : String(after[key]);
    if (a === b) continue;
    const e = entry(kind, key, b, a);
    const sub = b !== undefined && a !== undefined ? subkeyDiff(b, a) : undefined;
    if (sub) e.subkeys = sub;
    out.push(e);
  }
  return out;
}

export function configEditParams(before: Config, after: Config): Record<string, ConfigValue> {
  const params: Record<string, ConfigValue> = {};
  const removed: string[] = [];
  for (const e of diffConfig(before, after)) {
    if (e.change === 'removed') removed.push(e.key);
    else params[e.key] = after[e.key] as ConfigValue;
  }
  if (removed.length > 0) params.delete = removed.join(',');
  return params;
}

export function applyConfigParams(
  before: Config,
  params: Readonly<Record<string, ConfigValue | boolean | undefined>>,
): Config {
  const out: Record<string, ConfigValue> = { ...before };
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || key === 'digest') continue;
    if (key === 'delete' || key === 'revert') {
      String(value)
        .split(/[,;\s]+/)
        .filter(Boolean)
        .forEach((k) => delete out[k]);
      continue;
    }
    out[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return out;
}

export function diffPower(before: string, after: string): DiffEntry[] {
  return before === after ? [] : [entry('power', 'status', before, after)];
}

export interface SnapshotItem {
  name: string;
  parent?: string;
  snaptime?: number;
  description?: string;
}

export function diffSnapshots(before: readonly SnapshotItem[], after: readonly SnapshotItem[]): DiffEntry[] {
  const b = new Map(before.map((s) => [s.name, s.parent ?? '']));
  const a = new Map(after.map((s) => [s.name, s.parent ?? '']));
  const out: DiffEntry[] = [];
  for (const name of new Set([...b.keys(), ...a.keys()])) {
    const bp = b.get(name);
    const ap = a.get(name);
    if (bp === ap) continue;
    out.push(
      entry(
        'snapshot-tree',
        name,
        bp === undefined ? undefined : `parent: ${bp || '(root)'}`,
        ap === undefined ? undefined : `parent: ${ap || '(root)'}`,
      ),
    );
  }
  return out;
}

export function snapshotTreeLines(items: readonly SnapshotItem[]): string[] {
  const names = new Set(items.map((s) => s.name));
  const children = new Map<string, SnapshotItem[]>();
  for (const s of items) {
    const parent = s.parent && names.has(s.parent) ? s.parent : '';
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const order = (list: SnapshotItem[]): SnapshotItem[] =>
    [...list].sort(
      (x, y) =>
        Number(x.name === 'current') - Number(y.name === 'current') || (x.snaptime ?? 0) - (y.snaptime ?? 0),
    );
  const lines: string[] = [];
  const walk = (parent: string, depth: number): void => {
    for (const s of order(children.get(parent) ?? [])) {
      lines.push(`${'  '.repeat(depth)}${s.name === 'current' ? 'NOW' : s.name}`);
      walk(s.name, depth + 1);
    }
  };
  walk('', 0);
  return lines;
}
