// Simulated PVE tasks (workers): UPIDs, duration, log, locks on guests, stop, injected failures.
import type { Principal } from '../http/types.js';
import { lockError } from './state.js';
import type { Guest } from './model.js';
import { formatUpid, type UpidFields } from './upid.js';

export interface TaskRecord extends UpidFields {
  upid: string;
  /** user part only (the token name is in tokenid) */
  userid: string;
  tokenid?: string;
  log: string[];
  warnings: number;
  status: 'running' | 'stopped';
  exitstatus?: string;
  endtime?: number;
}

export interface TaskCtx {
  readonly upid: string;
  log(line: string): void;
  warn(line: string): void;
  /** wait for the task's work time; rejects when the task is stopped or an injected failure fires */
  wait(fraction?: number): Promise<void>;
  /** take a guest lock for the duration of fn (check_lock first: a locked guest fails the task) */
  withLock<T>(g: Guest, lock: string, fn: () => Promise<T>): Promise<T>;
}

export interface TaskSpec {
  node: string;
  type: string;
  id: string;
  principal: Principal | undefined;
  run: (ctx: TaskCtx) => Promise<void>;
}

const KEEP_FINISHED = 2000;

export class TaskEngine {
  private readonly tasks = new Map<string, TaskRecord>();
  private readonly aborters = new Map<string, (e: Error) => void>();
  private readonly finished = new Map<string, Promise<TaskRecord>>();
  private readonly failures = new Map<string, string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private pid = 0x1a2b0;
  private pstart = 0x45f3d1;

  constructor(
    private readonly now: () => number,
    public durationMs: number,
    private readonly onChange: () => void,
  ) {}

  failNext(type: string, message: string): void {
    this.failures.set(type, message);
  }

  start(spec: TaskSpec): string {
    const p = spec.principal;
    const user = !p ? 'root@pam' : p.kind === 'token' ? p.full : p.userid;
    const fields: UpidFields = {
      node: spec.node,
      pid: ++this.pid,
      pstart: (this.pstart += 7),
      starttime: Math.floor(this.now() / 1000),
      type: spec.type,
      id: spec.id,
      user,
    };
    const upid = formatUpid(fields);
    const rec: TaskRecord = {
      ...fields,
      upid,
      userid: p?.userid ?? 'root@pam',
      log: [],
      warnings: 0,
      status: 'running',
    };
    if (p?.kind === 'token') rec.tokenid = p.tokenid;
    this.tasks.set(upid, rec);
    const injected = this.failures.get(spec.type);
    if (injected !== undefined) this.failures.delete(spec.type);
    let abort: (e: Error) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      abort = reject;
    });
    stopped.catch(() => {});
    this.aborters.set(upid, (e) => abort(e));
    const ctx: TaskCtx = {
      upid,
      log: (line) => void rec.log.push(line),
      warn: (line) => {
        rec.log.push(`WARN: ${line}`);
        rec.warnings++;
      },
      wait: (fraction = 1) => {
        const timer = new Promise<void>((resolve) => {
          const h = setTimeout(
            () => {
              this.timers.delete(h);
              resolve();
            },
            Math.round(this.durationMs * fraction),
          );
          this.timers.add(h);
        });
        return Promise.race([timer, stopped]).then(() => {
          if (injected !== undefined) throw new Error(injected);
        });
      },
      withLock: async (g, lock, fn) => {
        const err = lockError(g);
        if (err) throw err;
        g.conf['lock'] = lock;
        this.onChange();
        try {
          return await fn();
        } finally {
          if (g.conf['lock'] === lock) delete g.conf['lock'];
          this.onChange();
        }
      },
    };
    this.onChange();
    this.finished.set(
      upid,
      Promise.race([spec.run(ctx), stopped]).then(
        () =>
          this.finish(
            rec,
            rec.warnings > 0 ? `TASK WARNINGS: ${rec.warnings}` : 'TASK OK',
            rec.warnings > 0 ? `WARNINGS: ${rec.warnings}` : 'OK',
          ),
        (e: unknown) => {
          const msg = (e instanceof Error ? e.message : String(e)).replace(/\n+$/, '').replace(/\n/g, ' ');
          return this.finish(rec, `TASK ERROR: ${msg}`, msg);
        },
      ),
    );
    return upid;
  }

  private finish(rec: TaskRecord, trailer: string, exitstatus: string): TaskRecord {
    rec.log.push(trailer);
    rec.status = 'stopped';
    rec.exitstatus = exitstatus;
    rec.endtime = Math.floor(this.now() / 1000);
    this.aborters.delete(rec.upid);
    this.finished.delete(rec.upid);
    this.prune();
    this.onChange();
    return rec;
  }

  private prune(): void {
    if (this.tasks.size <= KEEP_FINISHED) return;
    for (const [upid, t] of this.tasks) {
      if (this.tasks.size <= KEEP_FINISHED) break;
      if (t.status === 'stopped') this.tasks.delete(upid);
    }
  }

  get(upid: string): TaskRecord | undefined {
    return this.tasks.get(upid);
  }

  /** newest first */
  list(): TaskRecord[] {
    return [...this.tasks.values()].reverse();
  }

  runningCount(): number {
    return this.aborters.size;
  }

  /** resolves when the task has ended (immediately for finished tasks) */
  async done(upid: string): Promise<TaskRecord | undefined> {
    const p = this.finished.get(upid);
    return p ? await p : this.tasks.get(upid);
  }

  stop(upid: string): boolean {
    const abort = this.aborters.get(upid);
    if (!abort) return false;
    abort(new Error('received interrupt'));
    return true;
  }

  async stopAll(): Promise<void> {
    const pending = [...this.finished.values()];
    for (const upid of [...this.aborters.keys()]) this.stop(upid);
    for (const h of this.timers) clearTimeout(h);
    this.timers.clear();
    await Promise.allSettled(pending);
  }
}
