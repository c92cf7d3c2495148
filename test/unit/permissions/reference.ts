// Test helper: reads PVE's API schema and privilege list from ../shared/pve-api at run time (never copied into the repo).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const schemaPath = process.env.PVE_API_SCHEMA ?? resolve(projectRoot, '../shared/pve-api/schema.json');
const privilegesPath = join(dirname(schemaPath), 'privileges.md');

function read(file: string): string {
  if (!existsSync(file)) throw new Error(`PVE reference data missing: ${file} (set PVE_API_SCHEMA)`);
  return readFileSync(file, 'utf8');
}

const permissions = z.object({
  check: z.unknown().optional(),
  user: z.string().optional(),
  description: z.string().optional(),
});
export type SchemaPermissions = z.infer<typeof permissions>;
interface Node {
  path: string;
  info?: Record<string, { permissions?: SchemaPermissions }>;
  children?: Node[];
}
const node: z.ZodType<Node> = z.lazy(() =>
  z.object({
    path: z.string(),
    info: z.record(z.string(), z.object({ permissions: permissions.optional() })).optional(),
    children: z.array(node).optional(),
  }),
);

/** "METHOD /path/{template}" -> the endpoint's permissions object (null when the schema has none). */
export function loadEndpoints(): Map<string, SchemaPermissions | null> {
  const index = new Map<string, SchemaPermissions | null>();
  const visit = (n: Node): void => {
    for (const [method, info] of Object.entries(n.info ?? {}))
      index.set(`${method} ${n.path}`, info.permissions ?? null);
    n.children?.forEach(visit);
  };
  z.array(node)
    .parse(JSON.parse(read(schemaPath)))
    .forEach(visit);
  return index;
}

/** The privileges listed in the tables of privileges.md's "All 47 privileges valid in PVE 9" section. */
export function loadPve9Privileges(): Set<string> {
  const md = read(privilegesPath);
  const start = md.indexOf('## All 47 privileges');
  const end = md.indexOf('## Changes between');
  const section = md.slice(start, end);
  return new Set([...section.matchAll(/^\| ([A-Z][A-Za-z]+\.[A-Za-z.]+) \|/gm)].map((m) => m[1] as string));
}
