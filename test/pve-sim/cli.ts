// Command line entry of the PVE simulator (`npm run sim -- --port 0 ...`): parses flags, starts it, stops on SIGTERM/SIGINT.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startSimulator } from './index.js';

const intFlag = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const flagsSchema = z
  .object({
    port: intFlag(0, 65535).default(0),
    'user-cfg': z.string().optional(),
    'token-cfg': z.string().optional(),
    'root-password': z.string().min(1).optional(),
    nodes: intFlag(1, 32).default(3),
    guests: intFlag(0, 10_000).default(40),
    seed: intFlag(0, 2 ** 31).default(1),
    version: z
      .string()
      .regex(/^\d+\.\d+(\.\d+)?$/)
      .default('9.1'),
    'control-port': intFlag(0, 65535).optional(),
    'no-control': z.boolean().optional(),
    quirks: z.boolean().optional(),
    'task-ms': intFlag(0, 3_600_000).default(300),
    'auth-fail-delay-ms': intFlag(0, 60_000).default(3000),
  })
  .strict();

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'user-cfg': { type: 'string' },
    'token-cfg': { type: 'string' },
    'root-password': { type: 'string' },
    nodes: { type: 'string' },
    guests: { type: 'string' },
    seed: { type: 'string' },
    version: { type: 'string' },
    'control-port': { type: 'string' },
    'no-control': { type: 'boolean' },
    quirks: { type: 'boolean' },
    'task-ms': { type: 'string' },
    'auth-fail-delay-ms': { type: 'string' },
  },
  strict: true,
});

const parsed = flagsSchema.safeParse(values);
if (!parsed.success) {
  process.stderr.write(`pve-sim: ${z.prettifyError(parsed.error)}\n`);
  process.exit(2);
}
const flags = parsed.data;

const sim = await startSimulator({
  port: flags.port,
  nodes: flags.nodes,
  guests: flags.guests,
  seed: flags.seed,
  version: flags.version,
  ...(flags.quirks ? { quirks: true } : {}),
  taskDurationMs: flags['task-ms'],
  authFailDelayMs: flags['auth-fail-delay-ms'],
  controlPort: flags['no-control'] ? false : (flags['control-port'] ?? 0),
  ...(flags['user-cfg'] !== undefined && { userCfg: readFileSync(flags['user-cfg'], 'utf8') }),
  ...(flags['token-cfg'] !== undefined && { tokenCfg: readFileSync(flags['token-cfg'], 'utf8') }),
  ...(flags['root-password'] !== undefined && { rootPassword: flags['root-password'] }),
});

process.stdout.write(`PVE simulator listening on ${sim.url} fingerprint ${sim.fingerprint}\n`);
if (sim.controlUrl) process.stdout.write(`PVE simulator control API on ${sim.controlUrl}\n`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  sim.close().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`pve-sim: error while closing: ${String(e)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
