// Child processes of the end-to-end bench: simulators on their own cores' share, and /proc readings of a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIM_LINE = /PVE simulator listening on https:\/\/127\.0\.0\.1:(\d+) fingerprint (\S+)/;
const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

export interface SimProcess {
  port: number;
  fingerprint: string;
  stop(): Promise<void>;
}

export interface ChildHandle {
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a tsx script of this repo as a child and resolves once its stdout matches `ready`. */
export function startChild(
  script: string,
  args: string[],
  ready: RegExp,
): Promise<ChildHandle & { match: RegExpExecArray }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => void stop().then(() => reject(new Error(`${script} did not start:\n${out}`))),
      120_000,
    );
    const onData = (c: Buffer): void => {
      out += c.toString('utf8');
      const match = ready.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({ child, stop, match });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${out}`));
    });
  });
}

/** A simulator in its own process, so its CPU is not billed to the process under test. */
export async function startSimProcess(nodes: number, guests: number, seed: number): Promise<SimProcess> {
  const h = await startChild(
    'test/pve-sim/cli.ts',
    ['--nodes', String(nodes), '--guests', String(guests), '--seed', String(seed), '--no-control'],
    SIM_LINE,
  );
  return { port: Number(h.match[1]), fingerprint: h.match[2]!, stop: h.stop };
}

/** CPU milliseconds (user + system) the process has used so far. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS;
}

export function processRssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Share of one core the process used over `seconds` (100 = one core busy). */
export async function cpuShare(pid: number, seconds: number): Promise<number> {
  const c0 = processCpuMs(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return ((processCpuMs(pid) - c0) / (performance.now() - t0)) * 100;
}
