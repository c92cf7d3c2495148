// One QEMU process whose built-in VNC server (unix socket, password auth) stands in for a running guest's display.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createConnection, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { QmpClient } from './qmp-client.js';

export const QEMU_BINARY = process.env.PVE_SIM_QEMU ?? 'qemu-system-x86_64';
const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 2_000;

/*
 * QEMU runs under a tiny shell guard: the guard holds a pipe from us on stdin and kills QEMU as soon
 * as that pipe reaches EOF, which also happens when this Node process dies abruptly. That is what
 * keeps a crashed test run from leaving QEMU orphans behind.
 */
const GUARD_SCRIPT = '"$0" "$@" </dev/null >/dev/null & echo $!; read _; kill $! 2>/dev/null; wait';

export class QemuInstance {
  private exited = false;

  private constructor(
    private readonly guard: ChildProcess,
    private readonly qmp: QmpClient,
    /** pid of the qemu-system process itself (not the guard) */
    readonly pid: number,
    readonly vncPath: string,
    private readonly socketPaths: string[],
    qmpSocket: Socket,
  ) {
    // QEMU may die on its own while the guard shell lives on; the QMP link closing tells us.
    const gone = (): void => {
      this.exited = true;
    };
    guard.once('exit', gone);
    qmpSocket.once('close', gone);
  }

  /** Starts QEMU with sockets in `dir` (named after `name`) and resolves once QMP answers. */
  static async start(dir: string, name: string): Promise<QemuInstance> {
    const qmpPath = join(dir, `${name}.qmp`);
    const vncPath = join(dir, `${name}.vnc`);
    // QEMU connects to us as a QMP client at startup, so readiness is an event, not a poll.
    const listener = createServer();
    listener.listen(qmpPath);
    await once(listener, 'listening');
    const args = [
      QEMU_BINARY,
      ...['-machine', 'pc,accel=tcg', '-m', '128', '-display', 'none', '-nodefaults', '-vga', 'std'],
      ...['-name', `pve-sim-${name}`, '-vnc', `unix:${vncPath},password=on`],
      // PVE's own boot options; the long menu prompt gives console tests a key that visibly changes the screen (ESC).
      ...['-boot', 'menu=on,strict=on,reboot-timeout=1000,splash-time=30000'],
      ...['-chardev', `socket,id=qmp,path=${qmpPath}`, '-mon', 'chardev=qmp,mode=control'],
    ];
    const guard = spawn('sh', ['-c', GUARD_SCRIPT, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    guard.stderr?.setEncoding('utf8').on('data', (s: string) => {
      stderr = (stderr + s).slice(-2000);
    });
    try {
      const [pid, socket] = await withTimeout(
        Promise.all([firstLine(guard), once(listener, 'connection') as Promise<[Socket]>]),
        guard,
        () => stderr,
      );
      const qmp = new QmpClient(socket[0]);
      await qmp.handshake();
      await qmp.execute('query-vnc');
      return new QemuInstance(guard, qmp, Number(pid), vncPath, [qmpPath, vncPath], socket[0]);
    } catch (err) {
      guard.stdin?.end();
      guard.kill('SIGKILL');
      await rm(qmpPath, { force: true });
      throw err;
    } finally {
      listener.close();
    }
  }

  get running(): boolean {
    return !this.exited;
  }

  /** VNC auth uses only the first 8 characters, as in real QEMU/PVE. */
  async setPassword(password: string): Promise<void> {
    await this.qmp.execute('change-vnc-password', { password });
  }

  /** A raw RFB byte stream to the VNC server. */
  connectVnc(): Socket {
    return createConnection({ path: this.vncPath });
  }

  async stop(): Promise<void> {
    this.qmp.close();
    if (this.guard.exitCode === null && this.guard.signalCode === null) {
      const exit = once(this.guard, 'exit');
      this.guard.stdin?.end();
      const timer = setTimeout(() => {
        this.guard.kill('SIGKILL');
        killQuietly(this.pid);
      }, STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    }
    await Promise.all(this.socketPaths.map((p) => rm(p, { force: true })));
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => {
      text += s;
      const nl = text.indexOf('\n');
      if (nl >= 0) resolve(text.slice(0, nl).trim());
    });
    child.once('error', reject);
  });
}

/** Fails fast when the guard exits (QEMU missing or refusing its arguments) or startup takes too long. */
async function withTimeout<T>(work: Promise<T>, guard: ChildProcess, stderr: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`QEMU did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    guard.once('exit', () =>
      reject(new Error(`QEMU exited during startup: ${stderr().trim() || 'no output'}`)),
    );
    guard.once('error', reject);
  });
  try {
    return await Promise.race([work, failed]);
  } finally {
    clearTimeout(timer);
  }
}
