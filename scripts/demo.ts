// `npm run demo [-- --web]`: starts the PVE simulator with a mid-sized demo cluster and the app with
// ready, certificate-pinned profiles for it. The desktop app by default; `--web` starts the web host
// instead and prints the URL to open. Ctrl+C stops both.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../test/pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD, DEMO_TOKENS } from '../test/pve-sim/rbac/index.js';
import { DEMO_FILE_ENV, writeDemoFile, type DemoSetup } from '../src-main/demo/demo-env.js';
import { setUpDemoScenario } from './demo-scenario.js';
import { launchApp } from './launch-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function demoToken(id: string): string {
  const secret = DEMO_TOKENS[id];
  if (!secret) throw new Error(`the simulator has no demo token ${id}`);
  return secret;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      web: { type: 'boolean', default: false },
      guests: { type: 'string' },
      nodes: { type: 'string' },
    },
    strict: true,
  });
  const sim = await startSimulator({
    port: 0,
    nodes: Number(values.nodes ?? 3),
    guests: Number(values.guests ?? 40),
    seed: 1,
    authFailDelayMs: 3000,
  });
  console.log(`Demo PVE cluster (simulator): ${sim.url}  fingerprint ${sim.fingerprint}`);
  for (const line of await setUpDemoScenario(sim)) console.log(`Demo scenario: ${line}`);

  const demo: DemoSetup = {
    host: '127.0.0.1',
    port: sim.port,
    fingerprint: sim.fingerprint,
    profiles: [
      {
        name: 'Demo cluster (root)',
        auth: { kind: 'password', username: 'root', realm: 'pam' },
        secret: DEFAULT_ROOT_PASSWORD,
        readOnly: false,
        color: '#e57000',
      },
      {
        name: 'Demo operator token',
        auth: { kind: 'token', tokenId: 'ops@pve!ops' },
        secret: demoToken('ops@pve!ops'),
        readOnly: false,
        color: '#3b82f6',
      },
      {
        name: 'Demo auditor (read-only)',
        auth: { kind: 'token', tokenId: 'auditor@pve!ro' },
        secret: demoToken('auditor@pve!ro'),
        readOnly: true,
        color: '#10b981',
      },
    ],
  };
  // One private directory holds the app's config and the 0600 hand-off file; it is removed on exit.
  const workDir = await mkdtemp(path.join(tmpdir(), 'proxdeck-demo-'));
  const configDir = path.join(workDir, 'config');
  const env = {
    ...process.env,
    [DEMO_FILE_ENV]: await writeDemoFile(workDir, demo),
    PROXDECK_CONFIG_DIR: configDir,
  };

  const child: ChildProcess = launchApp({ web: values.web, root, env });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await sim.close();
    await rm(workDir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  child.on('exit', (code) => void stop(code ?? 0));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
