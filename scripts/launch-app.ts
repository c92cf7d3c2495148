// First run: start the desktop app, or — where the Electron binary cannot be fetched (offline, blocked) — say so
// in one line and start the web host instead, which prints the URL to open. Used by `npm start` and `npm run demo`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type ElectronLookup = { ok: true; binary: string } | { ok: false; why: string };

/**
 * Resolves the Electron binary in a child process, so a lazy download's progress and stack trace stay out of the
 * user's terminal; only its last meaningful line comes back as the reason.
 */
export function findElectron(root: string): ElectronLookup {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (probe.status === 0 && probe.stdout) return { ok: true, binary: probe.stdout };
  const lines = `${probe.stderr ?? ''}\n${probe.stdout ?? ''}`.split('\n').map((l) => l.trim());
  // the thrown error's own line ("Error: …", "TypeError: …"), not the source excerpt or the stack under it
  const thrown = lines.find((l) => /^\w*Error: /.test(l));
  const cause = probe.error?.message ?? thrown ?? `exit code ${probe.status ?? 'none'}`;
  return { ok: false, why: cause.replace(/^\w*Error:\s*/, '').slice(0, 160) };
}

/** Starts the web host (it prints the URL to open, with its launch secret in the fragment). */
export function spawnWebHost(root: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src-main/web-host/cli.ts')], {
    env,
    stdio: 'inherit',
    cwd: root,
  });
}

/** The desktop app when asked and possible, otherwise the web host with one line saying why. */
export function launchApp(opts: { web: boolean; root: string; env: NodeJS.ProcessEnv }): ChildProcess {
  if (opts.web) return spawnWebHost(opts.root, opts.env);
  const electron = findElectron(opts.root);
  if (electron.ok)
    return spawn(electron.binary, [opts.root], { env: opts.env, stdio: 'inherit', cwd: opts.root });
  console.log(
    `The Electron binary is not available here (${electron.why}), so Proxdeck starts as a web host instead: open the URL below in a browser.`,
  );
  return spawnWebHost(opts.root, opts.env);
}
