// PVE property strings ("virtio,bridge=vmbr0,firewall=1"): parse like parse_property_string, then check each key.
import { checkObject, type Errors, type PropSchema } from './validate.js';

const TRUE = new Set(['1', 'on', 'yes', 'true']);
const FALSE = new Set(['0', 'off', 'no', 'false']);

/** parse into key -> value; throws Error with PVE's die text on structural problems */
export function parsePropertyString(
  format: Record<string, PropSchema>,
  data: string,
): Record<string, string> {
  const res: Record<string, string> = {};
  let defaultKey: string | undefined;
  for (const part of data.split(',')) {
    if (/^\s*$/.test(part)) continue;
    const kv = /^([^=]+)=(.+)$/s.exec(part);
    if (kv?.[1] !== undefined && kv[2] !== undefined) {
      let k = kv[1];
      let v = kv[2];
      if (res[k] !== undefined) throw new Error(`duplicate key in comma-separated list property: ${k}\n`);
      let schema = format[k];
      if (schema && typeof schema.alias === 'string') {
        if (typeof schema.keyAlias === 'string') {
          if (res[schema.keyAlias] !== undefined)
            throw new Error(`key alias '${schema.keyAlias}' is already defined\n`);
          res[schema.keyAlias] = k;
        }
        k = schema.alias;
        schema = format[k];
      }
      if (!schema) throw new Error(`invalid key in comma-separated list property: ${k}\n`);
      if (schema.type === 'boolean') {
        const low = v.toLowerCase();
        v = TRUE.has(low) ? '1' : FALSE.has(low) ? '0' : v;
      }
      res[k] = v;
    } else if (!part.includes('=')) {
      if (defaultKey !== undefined && res[defaultKey] !== undefined)
        throw new Error(`duplicate key in comma-separated list property: ${defaultKey}\n`);
      defaultKey = Object.keys(format).find((key) => format[key]?.default_key);
      if (defaultKey === undefined)
        throw new Error('value without key, but schema does not define a default key\n');
      res[defaultKey] = part;
    } else {
      throw new Error('missing key in comma-separated list property\n');
    }
  }
  return res;
}

/** the text check_format dies with, or undefined when the string is valid */
export function checkPropertyString(
  format: Record<string, PropSchema>,
  data: string,
  path: string,
): string | undefined {
  let parsed: Record<string, string>;
  try {
    parsed = parsePropertyString(format, data);
  } catch (e) {
    return (e as Error).message;
  }
  const errors: Errors = {};
  checkObject({ additionalProperties: 0, properties: format }, parsed, errors, { json: false, prefix: path });
  const keys = Object.keys(errors);
  if (keys.length === 0) return undefined;
  return `format error\n${keys.map((k) => `${k}: ${errors[k]}\n`).join('')}`;
}
