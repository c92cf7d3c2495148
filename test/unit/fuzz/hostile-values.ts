// fast-check arbitraries for hostile IPC input: boundary numbers, huge strings, prototype-pollution
// objects, and schema-guided records that get past the first checks so deeper validation is exercised.
import fc from 'fast-check';
import { z } from 'zod';

/** One shared 1 MiB string: huge input without allocating a new one per run. */
export const HUGE_STRING = 'x'.repeat(1024 * 1024);

export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Objects that would pollute Object.prototype if anything merged them naively. */
export function pollutionObjects(): unknown[] {
  return [
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    JSON.parse('{"a":{"__proto__":{"polluted":"yes"}}}'),
    Object.create(null),
    { toString: 'not a function', valueOf: 1, hasOwnProperty: null },
  ];
}

const boundaryNumbers = fc.constantFrom(
  -1,
  0,
  -0,
  1,
  -100,
  99,
  100,
  1.5,
  65535,
  65536,
  999_999_999,
  1_000_000_000,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);

const awkwardStrings = fc.constantFrom(
  '',
  ' ',
  'a',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '../../../etc/passwd',
  '%2e%2e%2f',
  '\u0000',
  '\uD800',
  '<script>alert(1)</script>',
  'pve1',
  '100',
  '-1',
  'UPID:pve1:0:0:0:qmstart:100:root@pam:',
  HUGE_STRING,
);

/** Anything a hostile renderer could hand to invoke(): primitives, structured-clone types, pollution objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: awkwardStrings },
  { weight: 3, arbitrary: boundaryNumbers },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}, 10n) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(new Date(0), new Map([['a', 1]]), new Set([1]), new Uint8Array(4), /x/),
  },
  { weight: 2, arbitrary: fc.constantFrom(...pollutionObjects()) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true }) },
);

/** Per-key value pools that steer records towards real ids, or away from real network targets. */
export type KeyPools = Readonly<Record<string, fc.Arbitrary<unknown>>>;

function withPollutionKey(obj: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.tuple(obj, fc.option(fc.constantFrom(...POLLUTION_KEYS)), hostileValue).map(([o, key, value]) => {
    if (key === null) return o;
    // defineProperty makes an own "__proto__" key, exactly what JSON.parse or structured clone produce.
    const copy: Record<string, unknown> = { ...o };
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

/** Mostly well-typed values, sometimes a hostile one in their place. */
function mostly(good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: hostileValue });
}

/**
 * Values shaped like `schema` (its keys, enum options, nested objects) mixed with hostile ones at
 * every level, so the fuzz reaches nested validators and handlers instead of stopping at the root.
 */
export function shapedValue(schema: z.ZodType, pools: KeyPools, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 12) return hostileValue;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return shapedValue(schema.unwrap() as z.ZodType, pools, depth + 1);
  }
  if (schema instanceof z.ZodPipe) return shapedValue(schema.in as z.ZodType, pools, depth + 1);
  if (schema instanceof z.ZodEnum) {
    return mostly(fc.constantFrom(...schema.options));
  }
  if (schema instanceof z.ZodLiteral) return mostly(fc.constantFrom(...schema.values));
  if (schema instanceof z.ZodBoolean) return mostly(fc.boolean());
  if (schema instanceof z.ZodString) return mostly(fc.oneof(fc.string({ maxLength: 40 }), awkwardStrings));
  if (schema instanceof z.ZodNumber)
    return mostly(fc.oneof(fc.integer({ min: -5, max: 70_000 }), boundaryNumbers));
  if (schema instanceof z.ZodArray) {
    return fc.oneof(
      fc.array(shapedValue(schema.element as z.ZodType, pools, depth + 1), { maxLength: 3 }),
      hostileValue,
    );
  }
  if (schema instanceof z.ZodUnion) {
    const options = (schema.options as z.ZodType[]).map((o) => shapedValue(o, pools, depth + 1));
    return mostly(fc.oneof(...options));
  }
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, field] of Object.entries(shape)) {
      const pool = pools[key];
      fields[key] = pool ? mostly(pool) : shapedValue(field, pools, depth + 1);
    }
    const full = fc.record(fields) as fc.Arbitrary<Record<string, unknown>>;
    const partial = fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
    return fc.oneof(
      { weight: 6, arbitrary: full },
      { weight: 2, arbitrary: withPollutionKey(full) },
      { weight: 2, arbitrary: withPollutionKey(partial) },
      { weight: 1, arbitrary: hostileValue },
    );
  }
  return hostileValue;
}
