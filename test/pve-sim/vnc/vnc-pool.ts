// Owns the simulator's QEMU processes: one per console target, started on demand, reused, reaped, and all killed on close.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QemuInstance } from './qemu-instance.js';

/** How often the pool asks whether each console target (guest, node) is still up. */
const REAP_INTERVAL_MS = 500;

export class VncPool {
  private readonly instances = new Map<string, Promise<QemuInstance>>();
  private dir: Promise<string> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private isAlive: ((key: string) => boolean) | undefined;
  private readonly closeHooks: Array<() => void> = [];

  /** Runs before the QEMUs are killed on close() (console sessions end their tasks). */
  onClose(hook: () => void): void {
    this.closeHooks.push(hook);
  }

  /** Is the target behind a key still running? Targets that are not get their QEMU stopped. */
  setLiveness(isAlive: (key: string) => boolean): void {
    this.isAlive = isAlive;
    if (this.instances.size > 0) this.scheduleReap();
  }

  /** The running QEMU for `key` (e.g. "vm-100", "node-pve1"), started if needed. */
  acquire(key: string): Promise<QemuInstance> {
    if (this.closed) return Promise.reject(new Error('VNC pool is closed'));
    const existing = this.instances.get(key);
    if (existing) return existing.then((q) => (q.running ? q : this.restart(key, q)));
    const started = this.start(key);
    this.instances.set(key, started);
    // A failed start must not poison the key for the next attempt.
    started.catch(() => {
      if (this.instances.get(key) === started) this.instances.delete(key);
    });
    this.scheduleReap();
    return started;
  }

  /** Stops the QEMU for `key`, if any (the guest stopped). */
  async release(key: string): Promise<void> {
    const entry = this.instances.get(key);
    if (!entry) return;
    this.instances.delete(key);
    const q = await entry.catch(() => undefined);
    await q?.stop();
  }

  /** Process ids of every QEMU the pool has running (for orphan checks in tests). */
  async pids(): Promise<number[]> {
    const all = await Promise.allSettled(this.instances.values());
    return all.flatMap((r) => (r.status === 'fulfilled' && r.value.running ? [r.value.pid] : []));
  }

  keys(): string[] {
    return [...this.instances.keys()];
  }

  /** Kills every QEMU and removes the socket directory; the pool refuses work afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    for (const hook of this.closeHooks.splice(0)) hook();
    await Promise.all([...this.instances.keys()].map((k) => this.release(k)));
    const dir = await this.dir?.catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  private async start(key: string): Promise<QemuInstance> {
    this.dir ??= mkdtemp(join(tmpdir(), 'pve-sim-vnc-'));
    const q = await QemuInstance.start(await this.dir, key.replace(/[^a-zA-Z0-9-]/g, '_'));
    // close() may have run while QEMU was starting; it must not survive the pool.
    if (this.closed) {
      await q.stop();
      throw new Error('VNC pool is closed');
    }
    return q;
  }

  private async restart(key: string, dead: QemuInstance): Promise<QemuInstance> {
    await dead.stop();
    this.instances.delete(key);
    return this.acquire(key);
  }

  private scheduleReap(): void {
    if (this.timer || !this.isAlive || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const isAlive = this.isAlive;
      if (!isAlive) return;
      const dead = this.keys().filter((k) => !isAlive(k));
      void Promise.all(dead.map((k) => this.release(k))).finally(() => {
        if (this.instances.size > 0) this.scheduleReap();
      });
    }, REAP_INTERVAL_MS);
    this.timer.unref();
  }
}
