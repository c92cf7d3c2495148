// A minimal QMP (QEMU Machine Protocol) client over one already-connected socket: greeting, capabilities, commands.
import type { Socket } from 'node:net';
import { z } from 'zod';

const greeting = z.object({ QMP: z.unknown() });
// Events ({"event": ...}) match neither schema and are ignored.
const reply = z.object({
  id: z.number(),
  return: z.unknown().optional(),
  error: z.object({ class: z.string(), desc: z.string() }).optional(),
});

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export class QmpClient {
  private buffer = '';
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeted: Promise<void>;
  private closedError: Error | undefined;

  constructor(private readonly socket: Socket) {
    let onGreeting: () => void = () => {};
    let onFail: (err: Error) => void = () => {};
    this.greeted = new Promise<void>((resolve, reject) => {
      onGreeting = resolve;
      onFail = reject;
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl).trim();
        this.buffer = this.buffer.slice(nl + 1);
        if (line) this.dispatch(line, onGreeting);
      }
    });
    const fail = (err: Error): void => {
      this.closedError ??= err;
      onFail(err);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('QMP connection closed')));
  }

  private dispatch(line: string, onGreeting: () => void): void {
    const json: unknown = JSON.parse(line);
    if (greeting.safeParse(json).success) return onGreeting();
    const parsed = reply.safeParse(json);
    if (!parsed.success) return;
    const msg = parsed.data;
    const waiter = this.pending.get(msg.id);
    if (!waiter) return;
    this.pending.delete(msg.id);
    if (msg.error) waiter.reject(new Error(`QMP ${msg.error.class}: ${msg.error.desc}`));
    else waiter.resolve(msg.return);
  }

  /** Waits for the greeting and leaves capabilities-negotiation mode; commands work afterwards. */
  async handshake(): Promise<void> {
    await this.greeted;
    await this.execute('qmp_capabilities');
  }

  execute(command: string, args?: Record<string, unknown>): Promise<unknown> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.write(`${JSON.stringify({ execute: command, arguments: args, id })}\n`);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
