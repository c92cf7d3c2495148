// Loads PVE's reference data (access-test vectors, API schema) from ../shared at run time; never copied.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const schemaPath = process.env.PVE_API_SCHEMA ?? join(projectRoot, '../shared/pve-api/schema.json');
export const accessTestsDir = process.env.PVE_ACCESS_TESTS ?? join(dirname(schemaPath), 'access-tests');

function readJson(file: string): unknown {
  if (!existsSync(file))
    throw new Error(`PVE reference data missing: ${file} (set PVE_API_SCHEMA / PVE_ACCESS_TESTS)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

export const readConfig = (relative: string): string => readFileSync(join(accessTestsDir, relative), 'utf8');

const caseSchema = z.object({
  config_file: z.string(),
  principal: z.string(),
  path: z.string(),
  kind: z.enum(['roles', 'privileges']),
  expected_roles: z.array(z.string()).optional(),
  expected_privs: z.array(z.string()).optional(),
});
export const loadPermCases = () => z.array(caseSchema).parse(readJson(join(accessTestsDir, 'cases.json')));

const permsSchema = z.record(z.string(), z.record(z.string(), z.union([z.literal(0), z.literal(1)])));
const apiCaseSchema = z.object({
  config_file: z.string(),
  description: z.string(),
  rpcuser: z.string(),
  params: z.object({ userid: z.string().optional(), path: z.string().optional() }),
  should_fail: z.boolean(),
  result_equals_effective_permissions_of: z.string().optional(),
  expected_result_derived: permsSchema.optional(),
});
export const loadApiCases = () =>
  z.array(apiCaseSchema).parse(readJson(join(accessTestsDir, 'api-get-permissions-cases.json')));

const roundTripSchema = z.object({
  name: z.string(),
  raw: z.string(),
  expected_rewrite: z.string().nullable(),
});
export const loadRoundTrips = () =>
  z.array(roundTripSchema).parse(readJson(join(accessTestsDir, 'parser-roundtrip-cases.json')));

interface SchemaNode {
  path: string;
  info?: Record<string, { permissions?: unknown }>;
  children?: SchemaNode[];
}
const nodeSchema: z.ZodType<SchemaNode> = z.lazy(() =>
  z.object({
    path: z.string(),
    info: z.record(z.string(), z.object({ permissions: z.unknown().optional() })).optional(),
    children: z.array(nodeSchema).optional(),
  }),
);

/** The schema's permissions object of one endpoint, e.g. schemaPermissions('PUT', '/access/acl'). */
export function schemaPermissionsLoader(): (method: string, path: string) => unknown {
  const tree = z.array(nodeSchema).parse(readJson(schemaPath));
  const index = new Map<string, unknown>();
  const visit = (n: SchemaNode): void => {
    for (const [m, info] of Object.entries(n.info ?? {})) index.set(`${m} ${n.path}`, info.permissions);
    n.children?.forEach(visit);
  };
  tree.forEach(visit);
  return (method, path) => {
    const key = `${method} ${path}`;
    if (!index.has(key)) throw new Error(`no such endpoint in schema: ${key}`);
    return index.get(key);
  };
}
