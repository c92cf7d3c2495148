// Renders a plan's API call as the equivalent `pvesh` command line a user could run on a node instead, shell-quoted.
//
// API:
//   type ParamValue = string | number | boolean | readonly (string | number)[]
//   shellQuote(s: string): string                  bare when safe, else '...' with ' written as '\''
//   pveshLine({ method, path, params }): string    e.g. "pvesh set /nodes/pve1/qemu/100/config --memory 4096 --delete balloon"
//   pveshVerb(method): 'get' | 'create' | 'set' | 'delete'
// Booleans become 1/0 (PVE's boolean form); arrays repeat the option; undefined values are left out.
import type { HttpMethod } from '../permissions/requirement.js';

export type ParamValue = string | number | boolean | readonly (string | number)[];

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(s: string): string {
  if (SAFE.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const VERBS: Record<HttpMethod, 'get' | 'create' | 'set' | 'delete'> = {
  GET: 'get',
  POST: 'create',
  PUT: 'set',
  DELETE: 'delete',
};

export function pveshVerb(method: HttpMethod): 'get' | 'create' | 'set' | 'delete' {
  return VERBS[method];
}

const scalar = (v: string | number | boolean): string =>
  typeof v === 'boolean' ? (v ? '1' : '0') : String(v);

export function pveshLine(call: {
  method: HttpMethod;
  path: string;
  params?: Readonly<Record<string, ParamValue | undefined>>;
}): string {
  const parts = ['pvesh', pveshVerb(call.method), shellQuote(call.path)];
  for (const [key, value] of Object.entries(call.params ?? {})) {
    if (value === undefined) continue;
    const values = Array.isArray(value)
      ? (value as readonly (string | number)[])
      : [value as string | number | boolean];
    for (const v of values) parts.push(`--${key}`, shellQuote(scalar(v)));
  }
  return parts.join(' ');
}
