// `npm run web`: starts the web host with the app's services and prints the URL to open.
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readDemoEnv } from '../demo/demo-env.js';
import { createAppServices } from '../app-services.js';
import { createRefusalLog, REFUSAL_LOG_WINDOW_MS } from './refusal-log.js';
import { startWebHost } from './server.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CliOptions = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  'config-dir': z.string().min(1).optional(),
  dist: z.string().min(1).default(path.join(projectRoot, 'dist')),
});

/** PROXDECK_PVE_TIMEOUT_MS: a shorter PVE deadline (tests of slow clusters); unset = the client's default. */
const PveTimeout = z.coerce.number().int().min(100).max(600_000).optional();

/** The line tests and scripts look for; keep its prefix stable. */
export const URL_LINE_PREFIX = 'Proxdeck web host: ';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'config-dir': { type: 'string' },
      dist: { type: 'string' },
    },
    strict: true,
  });
  const options = CliOptions.parse(values);
  const configDir =
    options['config-dir'] ?? process.env.PROXDECK_CONFIG_DIR ?? path.join(homedir(), '.config', 'proxdeck');
  const pveTimeoutMs = PveTimeout.parse(process.env.PROXDECK_PVE_TIMEOUT_MS);
  const services = await createAppServices({
    configDir,
    host: 'web',
    demo: await readDemoEnv(process.env),
    ...(pveTimeoutMs ? { pveTimeoutMs } : {}),
  });
  const dispatcher = services.dispatcher;
  const refusals = createRefusalLog((line) => console.error(line));
  // A summary is due only when the next refusal arrives; a timer keeps quiet floods from hiding their count.
  setInterval(() => refusals.flush(), REFUSAL_LOG_WINDOW_MS).unref();
  const host = await startWebHost({
    dispatcher,
    events: services.events,
    distDir: path.resolve(options.dist),
    host: options.host,
    port: options.port,
    onRefused: refusals,
    onConnectionClosed: services.connectionClosed,
  }).catch(async (err: unknown) => {
    await services.dispose();
    throw err;
  });
  services.allowConsoleOrigin(host.origin);
  console.log(`${URL_LINE_PREFIX}${host.url}`);
  console.log("Open that URL in a browser on this machine; it contains this launch's secret. Ctrl+C stops.");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(`[proxdeck] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
