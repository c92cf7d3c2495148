// fast-check arbitraries that mutate a recorded PVE JSON answer: structural edits at random paths
// (wrong types, deleted keys, huge strings, pollution keys) and byte-level damage (truncation, garbage).
import fc from 'fast-check';
import { HUGE_STRING } from './hostile-values.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (out.length > 5000) return out;
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function pollution(): Json {
  const o: { [key: string]: Json } = {};
  Object.defineProperty(o, '__proto__', {
    value: { polluted: 'yes' },
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return o;
}

const replacement: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    -2147483648,
    1e308,
    1.5,
    '',
    '0',
    '1',
    'NaN',
    '-1',
    HUGE_STRING,
    [],
    {},
    [null],
    { data: null },
  ),
  fc.constant(null).map(pollution),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

type Edit = 'replace' | 'delete' | 'wrap' | 'rename';

function applyEdit(root: Json, path: Path, edit: Edit, value: Json): Json {
  if (path.length === 0) return edit === 'wrap' ? [root] : value;
  const copy = structuredClone(root);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) {
    // an earlier edit may have removed this branch: then there is nothing left to edit
    if (!parent || typeof parent !== 'object') return copy;
    parent = (parent as Record<string, Json>)[key as string] as Json;
  }
  if (!parent || typeof parent !== 'object') return copy;
  const last = path[path.length - 1]!;
  const container = parent as Record<string | number, Json>;
  if (edit === 'replace') container[last] = value;
  else if (edit === 'wrap') container[last] = [container[last] as Json];
  else if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else {
    const old = container[last] as Json;
    delete container[last];
    if (edit === 'rename') container[`${String(last)}_x`] = old;
  }
  return copy;
}

/** Mutated versions of one recorded answer: most stay JSON, some are damaged text. */
export function mutatedBody(text: string): fc.Arbitrary<string> {
  const root = JSON.parse(text) as Json;
  const all = paths(root);
  const structural = fc
    .tuple(
      fc.constantFrom(...all),
      fc.constantFrom<Edit>('replace', 'replace', 'delete', 'wrap', 'rename'),
      replacement,
    )
    .map(([path, edit, value]) => JSON.stringify(applyEdit(root, path, edit, value)));
  const twice = fc
    .tuple(fc.constantFrom(...all), fc.constantFrom(...all), replacement)
    .map(([a, b, value]) =>
      JSON.stringify(applyEdit(applyEdit(root, a, 'replace', value), b, 'delete', null)),
    );
  const damaged = fc.oneof(
    fc.nat({ max: Math.max(0, text.length - 1) }).map((i) => text.slice(0, i)),
    fc
      .tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.string({ minLength: 1, maxLength: 3 }))
      .map(([i, s]) => text.slice(0, i) + s + text.slice(i + 1)),
    fc.constantFrom(
      '',
      ' ',
      'null',
      '[]',
      '{}',
      '"data"',
      '{"data":null}',
      '{"data":"x"}',
      '<html><body>502 Bad Gateway</body></html>',
      '{"data":[',
      '\u0000',
    ),
  );
  return fc.oneof(
    { weight: 5, arbitrary: structural },
    { weight: 2, arbitrary: twice },
    { weight: 2, arbitrary: damaged },
  );
}
