// The per-console "worker" state PVE keeps: a port in 5900–5999, a 10 s window for the client to connect, one client only.
const FIRST_PORT = 5900;
const LAST_PORT = 5999;
/** vncproxy's worker waits this long for its one client, then fails with "connection timed out". */
export const CONNECT_WINDOW_MS = 10_000;

export interface ConsoleTask {
  upid: string;
  log(line: string): void;
  finish(exitstatus: string): void;
}

export interface ConsoleSession {
  port: number;
  /** the VncPool key of the target ("vm-100", "node-pve1") */
  key: string;
  task: ConsoleTask;
}

export class ConsoleSessions {
  private readonly waiting = new Map<number, { session: ConsoleSession; timer: NodeJS.Timeout }>();
  private readonly connected = new Map<number, ConsoleSession>();

  constructor(private readonly connectWindowMs = CONNECT_WINDOW_MS) {}

  /** Reserves the first free port for a new console; throws when all 100 are taken. */
  open(key: string, makeTask: (port: number) => ConsoleTask): ConsoleSession {
    const port = this.freePort();
    const session: ConsoleSession = { port, key, task: makeTask(port) };
    const timer = setTimeout(() => {
      this.waiting.delete(port);
      session.task.finish('connection timed out');
    }, this.connectWindowMs);
    timer.unref();
    this.waiting.set(port, { session, timer });
    return session;
  }

  /** The waiting console on a port, without claiming it (the termproxy and VNC backends share the ports). */
  peek(port: number): ConsoleSession | undefined {
    return this.waiting.get(port)?.session;
  }

  /** The one client of a waiting console takes it; a second client (or a late one) gets nothing. */
  claim(port: number): ConsoleSession | undefined {
    const entry = this.waiting.get(port);
    if (!entry) return undefined;
    clearTimeout(entry.timer);
    this.waiting.delete(port);
    this.connected.set(port, entry.session);
    return entry.session;
  }

  /** The client went away (or the backend failed): the worker ends and its port is free again. */
  end(session: ConsoleSession, exitstatus: string): void {
    if (this.connected.get(session.port) !== session) return;
    this.connected.delete(session.port);
    session.task.finish(exitstatus);
  }

  close(): void {
    for (const { session, timer } of this.waiting.values()) {
      clearTimeout(timer);
      session.task.finish('interrupted by signal');
    }
    this.waiting.clear();
    for (const session of this.connected.values()) session.task.finish('interrupted by signal');
    this.connected.clear();
  }

  private freePort(): number {
    for (let p = FIRST_PORT; p <= LAST_PORT; p++)
      if (!this.waiting.has(p) && !this.connected.has(p)) return p;
    throw new Error(`unable to find free port (${FIRST_PORT}-${LAST_PORT})\n`);
  }
}
