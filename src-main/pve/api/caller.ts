// The one interface every PVE API module calls through, plus zod helpers for PVE's JSON quirks.
import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Parameter values; booleans go out as 0/1 as PVE expects, a string array as the key repeated (agent exec's argv). */
export type PveParams = Record<string, string | number | boolean | readonly string[] | undefined>;

export interface PveCall<S extends z.ZodType> {
  method: HttpMethod;
  /** path below /api2/json, with path variables already encoded (use pvePath) */
  path: string;
  params?: PveParams;
  schema: S;
  signal?: AbortSignal;
}

export interface PveCaller {
  /** runs the call; resolves with the converted data and PVE's top-level `total` when present */
  call<S extends z.ZodType>(req: PveCall<S>): Promise<{ data: z.output<S>; total?: number }>;
}

/** Builds a path with each variable URL-encoded: pvePath`/nodes/${node}/tasks/${upid}/status`. */
export function pvePath(strings: TemplateStringsArray, ...vars: Array<string | number>): string {
  return strings.reduce(
    (out, s, i) => out + s + (i < vars.length ? encodeURIComponent(String(vars[i])) : ''),
    '',
  );
}

/** PVE booleans: 0/1, sometimes "0"/"1", rarely true/false. */
export const pveBool = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.enum(['0', '1'])])
  .transform((v) => v === true || v === 1 || v === '1');

/** PVE numbers that Perl sometimes stringifies ("100", "1.5"). */
export const pveNum = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/)])
  .transform((v) => (typeof v === 'number' ? v : Number(v)));

export const pveInt = pveNum.pipe(z.number().int());

/** The usage figures PVE lists for nodes and guests (/cluster/resources, /nodes). */
export const USAGE_FIELDS = {
  cpu: pveNum.optional(),
  maxcpu: pveNum.optional(),
  mem: pveNum.optional(),
  maxmem: pveNum.optional(),
  disk: pveNum.optional(),
  maxdisk: pveNum.optional(),
};

/** Call helpers: one line per endpoint in the api/ modules. */
export async function pveGet<S extends z.ZodType>(
  c: PveCaller,
  path: string,
  schema: S,
  params?: PveParams,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  return (
    await c.call({
      method: 'GET',
      path,
      schema,
      ...(params ? { params } : {}),
      ...(signal ? { signal } : {}),
    })
  ).data;
}

export async function pveSend<S extends z.ZodType>(
  c: PveCaller,
  method: Exclude<HttpMethod, 'GET'>,
  path: string,
  schema: S,
  params?: PveParams,
): Promise<z.output<S>> {
  return (await c.call({ method, path, schema, ...(params ? { params } : {}) })).data;
}
