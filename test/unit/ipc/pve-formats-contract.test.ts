// Every node, storage, vmid, snapshot and pool argument of the contract uses PVE's own format (pve-formats.ts), and
// path tricks ("..", ".", "a/b", "") are refused by the dispatcher with bad_request before any handler runs.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { requests } from '../../../src-shared/ipc/contract.js';
import {
  PVE_FORMATS,
  PveNode,
  PvePoolId,
  PveSnapName,
  PveStorageId,
} from '../../../src-shared/model/pve-formats.js';
import { createDispatcher, type Handlers } from '../../../src-main/ipc/dispatch.js';

const NAMED = new Set(['node', 'target', 'storage', 'vmid', 'snapname', 'pool', 'poolid']);
// "target" is a node in migrate/replication/provision; elsewhere it is a different thing and is skipped by shape.
const STRICT = new Set(['node', 'storage', 'vmid', 'snapname', 'pool', 'poolid']);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  const d = defOf(s);
  return (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType
    ? unwrap(d.innerType)
    : s;
}

/** Every (path, schema) of a property whose name is in NAMED, anywhere in the schema. */
function namedArgs(
  s: z.ZodType,
  path: string,
  out: Array<[string, z.ZodType]>,
  seen = new Set<z.ZodType>(),
): void {
  if (seen.has(s)) return;
  seen.add(s);
  const d = defOf(s);
  const next = (c: z.ZodType | undefined, p = path) => c && namedArgs(c, p, out, seen);
  if (d.type === 'object' && d.shape) {
    for (const [key, child] of Object.entries(d.shape)) {
      if (NAMED.has(key)) out.push([`${path}.${key}`, child]);
      next(child, `${path}.${key}`);
    }
  }
  next(d.innerType);
  d.options?.forEach((o) => next(o));
  next(d.element);
  next(d.in);
  next(d.out);
  next(d.left);
  next(d.right);
  next(d.valueType);
  if (d.getter) next(d.getter());
}

describe('PVE formats in the contract', () => {
  const found: Array<[string, z.ZodType]> = [];
  for (const [name, def] of Object.entries(requests)) namedArgs(def.args, name, found);

  it('finds the arguments it checks (the walk reaches nested plans)', () => {
    const paths = found.map(([p]) => p);
    expect(paths).toContain('rrd.node.node');
    expect(paths.some((p) => p.endsWith('.snapname'))).toBe(true);
    expect(paths.some((p) => p.endsWith('.pool'))).toBe(true);
    expect(paths.some((p) => p.endsWith('.storage'))).toBe(true);
  });

  it('every node, storage, vmid, snapname and pool argument uses the shared PVE format', () => {
    const wrong = found
      .filter(([p, s]) => STRICT.has(p.split('.').pop()!) && defOf(unwrap(s)).type !== 'object')
      .filter(([, s]) => !PVE_FORMATS.has(unwrap(s)))
      .map(([p]) => p);
    expect(wrong).toEqual([]);
  });

  it.each(['..', '.', 'a/b', '', '../etc', 'node/../x', ' node'])('no name format accepts %j', (v) => {
    for (const f of [PveNode, PveStorageId, PveSnapName])
      expect(f.safeParse(v).success, `${String(PVE_FORMATS.get(f))} ${v}`).toBe(false);
    if (v !== 'a/b') expect(PvePoolId.safeParse(v).success).toBe(false);
  });

  it('accepts real names', () => {
    expect(PveNode.safeParse('pve-1').success).toBe(true);
    expect(PveStorageId.safeParse('local-lvm').success).toBe(true);
    expect(PveSnapName.safeParse('before_upgrade-2').success).toBe(true);
    expect(PvePoolId.safeParse('prod/web').success).toBe(true);
  });
});

describe('the dispatcher refuses path tricks before any handler runs', () => {
  const called: string[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, name) => () => {
      called.push(String(name));
      throw new Error('a handler ran');
    },
  });
  const dispatcher = createDispatcher(handlers);
  const ctx = { host: 'web' as const };
  const guest = { type: 'qemu', vmid: 100 };
  const calls: Array<[string, (node: string) => Record<string, unknown>]> = [
    ['rrd.node', (node) => ({ clusterId: 'c1', node, timeframe: 'hour', cf: 'AVERAGE' })],
    ['rrd.guest', (node) => ({ clusterId: 'c1', node, ...guest, timeframe: 'hour', cf: 'AVERAGE' })],
    ['inventory.guestConfig', (node) => ({ clusterId: 'c1', node, ...guest })],
    ['console.open', (node) => ({ profileId: 'p1', node, ...guest })],
    ['console.access', (node) => ({ profileId: 'p1', node, type: 'node' })],
  ];

  it('the valid form of each call passes validation (reaches the handler)', async () => {
    for (const [name, args] of calls) {
      called.length = 0;
      const reply = await dispatcher.dispatch(name, args('pve1'), ctx);
      expect(called, `${name}: ${JSON.stringify(reply)}`).toEqual([name]);
    }
  });

  it.each(['..', '.', 'a/b', ''])('refuses node %j with bad_request', async (node) => {
    called.length = 0;
    for (const [name, args] of calls) {
      const reply = await dispatcher.dispatch(name, args(node), ctx);
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('bad_request');
        expect(reply.error.details?.node).toBe('pve-node');
      }
    }
    expect(called).toEqual([]);
  });
});
