// Column filters as people type them: text matches what the cell shows; comparisons (`>2G`, `<50%`, `>=4`,
// `>1d`) compare numbers, with K/M/G/T as binary byte units, % for a ratio, s/m/h/d for durations.
export type CompareOp = '>' | '>=' | '<' | '<=' | '=' | '!=';
export type NumberUnit = 'bytes' | 'percent' | 'seconds' | 'plain';

export interface Comparison {
  op: CompareOp;
  value: number;
  /** as typed, lower-cased: '', '%', 'g', 'gib', 'h', 'min' ... */
  suffix: string;
}

export interface ParsedFilter {
  /** lower-cased text every match must contain; '' when the filter has only comparisons */
  text: string;
  comparisons: Comparison[];
}

/** What a column compares for each kind of unit; a unit the column lacks matches nothing. */
export type NumericAccess<T> = Partial<Record<NumberUnit, (row: T) => number | null>>;

const BYTE_POWER: Record<string, number> = { b: 0, k: 1, m: 2, g: 3, t: 4, p: 5 };
const SECONDS: Record<string, number> = { s: 1, min: 60, m: 60, h: 3600, d: 86400, w: 604800 };

// op, number, then an optional unit: K/M/G/T(+iB/B), %, or s/min/h/d/w
const COMPARISON = /(>=|<=|!=|==?|>|<)\s*(-?\d+(?:\.\d+)?)\s*(%|[kmgtp](?:i?b)?|b|min|[smhdw])?(?![a-z])/gi;

/** Splits a filter into its comparisons and the remaining text. */
export function parseFilter(input: string): ParsedFilter {
  const comparisons: Comparison[] = [];
  const rest = input.replace(COMPARISON, (_m, op: string, num: string, unit: string | undefined) => {
    comparisons.push({
      op: (op === '==' ? '=' : op) as CompareOp,
      value: Number(num),
      suffix: (unit ?? '').toLowerCase(),
    });
    return ' ';
  });
  const text = (comparisons.length > 0 ? rest.replace(/\s+/g, ' ') : rest).trim().toLowerCase();
  return { text, comparisons };
}

/**
 * The unit and value a comparison means on a column: "m" is minutes on a duration column and MiB on a size
 * column; undefined when the column has no such unit.
 */
export function resolveComparison<T>(
  c: Comparison,
  access: NumericAccess<T>,
): { get: (row: T) => number | null; value: number } | undefined {
  const s = c.suffix;
  if (s === '') return access.plain && { get: access.plain, value: c.value };
  if (s === '%') return access.percent && { get: access.percent, value: c.value };
  if (access.seconds && s in SECONDS) return { get: access.seconds, value: c.value * SECONDS[s]! };
  const power = BYTE_POWER[s[0]!];
  if (access.bytes && power !== undefined && s !== 'min')
    return { get: access.bytes, value: c.value * 1024 ** power };
  return undefined;
}

function compare(x: number, op: CompareOp, value: number): boolean {
  switch (op) {
    case '>':
      return x > value;
    case '>=':
      return x >= value;
    case '<':
      return x < value;
    case '<=':
      return x <= value;
    case '=':
      return x === value;
    default:
      return x !== value;
  }
}

/** A row test for one column's filter text, or undefined when the filter is empty. */
export function columnMatcher<T>(
  input: string,
  shown: (row: T) => string,
  access: NumericAccess<T>,
): ((row: T) => boolean) | undefined {
  const f = parseFilter(input);
  if (f.text === '' && f.comparisons.length === 0) return undefined;
  const tests = f.comparisons.map((c) => ({ r: resolveComparison(c, access), c }));
  return (row) => {
    for (const { r, c } of tests) {
      if (!r) return false;
      const x = r.get(row);
      if (x === null || !compare(x, c.op, r.value)) return false;
    }
    return f.text === '' || shown(row).toLowerCase().includes(f.text);
  };
}

/** Whether a column can evaluate every comparison in the filter (for an "invalid" hint on its input). */
export function filterFits<T>(input: string, access: NumericAccess<T>): boolean {
  return parseFilter(input).comparisons.every((c) => resolveComparison(c, access) !== undefined);
}
