// Loads PVE's API schema (schema.json) at run time and indexes it into a router; records whether validation is active.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildRouter, type Router } from './router.js';

const methodInfo = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
    name: z.string().optional(),
    allowtoken: z.number().optional(),
    protected: z.number().optional(),
    proxyto: z.string().nullable().optional(),
    parameters: z
      .object({
        additionalProperties: z.union([z.number(), z.boolean()]).optional(),
        properties: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
      })
      .passthrough()
      .optional(),
    permissions: z.record(z.string(), z.unknown()).optional(),
    returns: z.unknown().optional(),
  })
  .passthrough();

export type SchemaMethod = z.infer<typeof methodInfo>;

export interface SchemaNode {
  path: string;
  info?: Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE', SchemaMethod>>;
  children?: SchemaNode[];
}

const schemaNode: z.ZodType<SchemaNode> = z.lazy(() =>
  z
    .object({
      path: z.string(),
      info: z.record(z.string(), methodInfo).optional(),
      children: z.array(schemaNode).optional(),
    })
    .passthrough(),
) as z.ZodType<SchemaNode>;

/** project root = two levels above test/pve-sim/schema */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function defaultSchemaPath(): string {
  return process.env.PVE_API_SCHEMA ?? path.resolve(PROJECT_ROOT, '../shared/pve-api/schema.json');
}

export interface LoadedSchema {
  /** false = the file was absent: the simulator routes by registered handlers only and validates nothing */
  validating: boolean;
  path: string;
  router: Router;
}

/** Set by the last loadSchema() call; the test suite asserts it so a missing schema fails loudly. */
export const schemaState = { loaded: false, path: '' };

const cache = new Map<string, LoadedSchema>();

export function loadSchema(file = defaultSchemaPath()): LoadedSchema {
  const hit = cache.get(file);
  if (hit) return hit;
  let result: LoadedSchema;
  if (!existsSync(file)) {
    process.stderr.write(`PVE API schema not found at ${file}: simulator is NOT validating requests\n`);
    result = { validating: false, path: file, router: buildRouter([]) };
  } else {
    const tree = z.array(schemaNode).parse(JSON.parse(readFileSync(file, 'utf8')));
    result = { validating: true, path: file, router: buildRouter(tree) };
    cache.set(file, result);
  }
  schemaState.loaded = result.validating;
  schemaState.path = file;
  return result;
}
