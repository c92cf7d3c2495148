// Runs `src-main/web-host/cli.ts` as a child process (its own env and config dir) and waits for the URL it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const URL_LINE = /^Proxdeck web host: (http:\/\/127\.0\.0\.1:\d+\/#secret=[A-Za-z0-9_-]+)$/m;
const START_TIMEOUT_MS = 20_000;

export interface WebHostProcess {
  url: string;
  child: ChildProcess;
  /** Everything the host wrote to stdout and stderr so far (for leak checks and debugging). */
  output(): string;
  stop(): Promise<void>;
}

/** Builds the renderer once when dist/ is missing, so a single e2e file can run on its own. */
export function ensureRendererBuilt(): void {
  if (existsSync(path.join(PROJECT_ROOT, 'dist', 'index.html'))) return;
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
}

export function startWebHostProcess(opts: {
  configDir: string;
  env?: Record<string, string>;
}): Promise<WebHostProcess> {
  ensureRendererBuilt();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'src-main/web-host/cli.ts'), '--config-dir', opts.configDir],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() =>
        reject(new Error(`web host did not print its URL within ${START_TIMEOUT_MS} ms:\n${output}`)),
      );
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = URL_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.on('data', (more: Buffer) => (output += more.toString('utf8')));
        resolve({ url: match[1], child, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code} before printing its URL:\n${output}`));
    });
  });
}
