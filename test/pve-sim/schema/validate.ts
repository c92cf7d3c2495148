// Strict parameter validation as pve-common's JSONSchema.pm does it: exact error texts, check order and type conversion.
import { checkNamedFormat } from './formats.js';
import { checkPropertyString } from './property-string.js';

export type PropSchema = Record<string, unknown>;
export type Errors = Record<string, string>;

export interface ObjectSchema {
  additionalProperties?: number | boolean;
  properties?: Record<string, PropSchema>;
}

/** highest index of PVE's numbered keys (`net[n]` in the schema stands for net0..netN) */
const INDEXED_MAX: Record<string, number> = {
  ide: 3,
  sata: 5,
  scsi: 30,
  virtio: 15,
  serial: 3,
  parallel: 2,
  usb: 14,
  link: 7,
  net: 31,
  hostpci: 15,
  ipconfig: 31,
  numa: 7,
  unused: 255,
  virtiofs: 9,
  dev: 255,
  mp: 255,
  acmedomain: 4,
};

export function lookupProp(props: Record<string, PropSchema>, key: string): PropSchema | undefined {
  if (Object.hasOwn(props, key)) return props[key];
  const m = /^([a-z]+)(\d+)$/.exec(key);
  if (!m?.[1] || !m[2]) return undefined;
  const prop = props[`${m[1]}[n]`];
  if (!prop) return undefined;
  return Number(m[2]) <= (INDEXED_MAX[m[1]] ?? 255) && String(Number(m[2])) === m[2] ? prop : undefined;
}

function addError(errors: Errors, path: string, msg: string): void {
  // PVE joins a second error on the same key with the two characters backslash + n
  errors[path] = errors[path] === undefined ? msg : `${errors[path]}\\n${msg}`;
}

function perlRef(v: unknown): string {
  return Array.isArray(v) ? 'ARRAY' : 'HASH';
}

/** type check + conversion; returns [ok, converted] */
function checkType(type: string, v: unknown, json: boolean): [boolean, unknown] {
  if (typeof v === 'object' && v !== null) return [false, v];
  if (type === 'boolean') {
    if (json && typeof v === 'boolean') return [true, v ? 1 : 0];
    const s = String(v);
    return s === '0' || s === '1' ? [true, Number(s)] : [false, v];
  }
  if (type === 'integer') {
    const s = String(v);
    return /^[+-]?\d+$/.test(s) ? [true, Number(s)] : [false, v];
  }
  if (type === 'number') {
    const s = String(v);
    return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? [true, Number(s)] : [false, v];
  }
  return [true, typeof v === 'string' ? v : String(v)];
}

/** check_prop for one value; returns the converted value, or undefined after recording an error */
export function checkProp(
  schema: PropSchema,
  value: unknown,
  path: string,
  errors: Errors,
  json: boolean,
): unknown {
  const type = typeof schema.type === 'string' ? schema.type : 'string';
  if (type === 'array') return checkArray(schema, value, path, errors, json);
  if (type === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) {
    addError(errors, path, `type check ('${type}') failed - got ${perlRef(value)}`);
    return undefined;
  }
  const [ok, conv] = checkType(type, value, json);
  if (!ok) {
    addError(errors, path, `type check ('${type}') failed - got '${String(value)}'`);
    return undefined;
  }
  const str = String(value);
  const fmtErr = formatError(schema.format, str, path);
  if (fmtErr !== undefined) {
    addError(errors, path, `invalid format - ${fmtErr}`);
    return undefined;
  }
  const err = constraintError(schema, conv);
  if (err) {
    addError(errors, path, err);
    return undefined;
  }
  return conv;
}

function formatError(format: unknown, value: string, path: string): string | undefined {
  if (typeof format === 'string') return checkNamedFormat(format, value);
  if (format && typeof format === 'object')
    return checkPropertyString(format as Record<string, PropSchema>, value, path);
  return undefined;
}

function constraintError(schema: PropSchema, v: unknown): string | undefined {
  if (typeof schema.pattern === 'string' && typeof v === 'string') {
    if (!patternRegex(schema.pattern).test(v)) return 'value does not match the regex pattern';
  }
  if (typeof v === 'string') {
    if (typeof schema.maxLength === 'number' && v.length > schema.maxLength)
      return `value may only be ${schema.maxLength} characters long`;
    if (typeof schema.minLength === 'number' && v.length < schema.minLength)
      return `value must be at least ${schema.minLength} characters long`;
  }
  if (typeof v === 'number') {
    if (typeof schema.minimum === 'number' && v < schema.minimum)
      return `value must have a minimum value of ${schema.minimum}`;
    if (typeof schema.maximum === 'number' && v > schema.maximum)
      return `value must have a maximum value of ${schema.maximum}`;
  }
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(String(v))) {
    return `value '${String(v)}' does not have a value in the enumeration '${schema.enum.join(', ')}'`;
  }
  return undefined;
}

const patternCache = new Map<string, RegExp>();

/** Perl patterns: `(?^:...)` wrappers and implicit anchoring (PVE matches `^pattern$`) */
function patternRegex(p: string): RegExp {
  let rx = patternCache.get(p);
  if (!rx) {
    const js = p
      .replace(/\(\?\^([a-z]*):/g, '(?:')
      .replace(/\\A/g, '^')
      .replace(/\\z/gi, '$');
    try {
      rx = new RegExp(`^(?:${js})$`, 'u');
    } catch {
      rx = new RegExp(`^(?:${js})$`);
    }
    patternCache.set(p, rx);
  }
  return rx;
}

function checkArray(
  schema: PropSchema,
  value: unknown,
  path: string,
  errors: Errors,
  json: boolean,
): unknown {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? undefined
      : [value];
  if (!list) {
    addError(errors, path, "type check ('array') failed");
    return undefined;
  }
  const items = (schema.items ?? {}) as PropSchema;
  return list.map((item) => checkProp(items, item, path, errors, json));
}

/** check_object: unknown keys, required keys, `requires`, then each value; returns converted values */
export function checkObject(
  schema: ObjectSchema,
  values: Record<string, unknown>,
  errors: Errors,
  opts: { json: boolean; prefix?: string },
): Record<string, unknown> {
  const props = schema.properties ?? {};
  const out: Record<string, unknown> = {};
  const key = (k: string): string => (opts.prefix ? `${opts.prefix}.${k}` : k);
  for (const [k, v] of Object.entries(values)) {
    const prop = lookupProp(props, k);
    if (!prop) {
      if (!schema.additionalProperties) {
        addError(
          errors,
          key(k),
          'property is not defined in schema and the schema does not allow additional properties',
        );
      } else out[k] = v;
      continue;
    }
    if (v === undefined || v === null) continue;
    const conv = checkProp(prop, v, key(k), errors, opts.json);
    if (conv !== undefined) out[k] = conv;
    const requires = prop.requires;
    if (typeof requires === 'string' && values[requires] === undefined) {
      addError(errors, key(requires), `missing property - '${key(k)}' requires this property`);
    }
  }
  for (const [k, prop] of Object.entries(props)) {
    if (k.endsWith('[n]') || prop.optional || prop.alias !== undefined) continue;
    if (values[k] === undefined || values[k] === null)
      addError(errors, key(k), 'property is missing and it is not optional');
  }
  return out;
}
