// ProxdeckBridge over the web host's WebSocket: request/response by id, events pushed by main.
import { z } from 'zod';
import type { EventName, EventPayload, ProxdeckBridge, RequestName } from '../src-shared/ipc/contract.js';
import { AppError, ReplySchema, type Reply } from '../src-shared/ipc/errors.js';

const ServerFrame = z.union([
  z.object({ id: z.union([z.number(), z.string(), z.null()]), reply: ReplySchema }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);

const RECONNECT_MS = 1000;

function failure(code: AppError['code'], message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

export function createWebSocketBridge(url: string, secret: string | undefined): ProxdeckBridge {
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket | undefined> | undefined;
  let nextId = 1;

  function connect(): Promise<WebSocket | undefined> {
    if (opened) return opened;
    const target = new URL(url);
    if (secret) target.searchParams.set('secret', secret);
    const ws = new WebSocket(target.toString());
    socket = ws;
    opened = new Promise((resolve) => {
      ws.addEventListener('open', () => resolve(ws), { once: true });
      ws.addEventListener('close', () => resolve(undefined), { once: true });
    });
    ws.addEventListener('message', (msg) => onFrame(msg.data));
    ws.addEventListener('close', () => {
      socket = undefined;
      opened = undefined;
      for (const settle of pending.values())
        settle(failure('unreachable', 'Lost the connection to the Proxdeck web host'));
      pending.clear();
      // Keep event subscriptions alive across a host restart; requests reconnect on their own.
      if (listeners.size > 0) setTimeout(() => void connect(), RECONNECT_MS);
    });
    return opened;
  }

  function onFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    const frame = ServerFrame.safeParse(raw);
    if (!frame.success) return;
    if ('reply' in frame.data) {
      const settle = typeof frame.data.id === 'number' ? pending.get(frame.data.id) : undefined;
      if (settle) {
        pending.delete(frame.data.id as number);
        settle(frame.data.reply);
      }
      return;
    }
    const { event, payload } = frame.data;
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  return {
    async invoke(name: RequestName, args: unknown) {
      if (!secret)
        return failure(
          'auth_failed',
          'This page was opened without the launch secret; use the URL the web host printed',
        );
      const ws = await connect();
      if (!ws || ws !== socket) return failure('unreachable', 'Cannot reach the Proxdeck web host');
      const id = nextId++;
      const reply = new Promise<Reply<unknown>>((resolve) => pending.set(id, resolve));
      ws.send(JSON.stringify({ id, name, args }));
      return reply;
    },
    on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) {
      const set = listeners.get(name) ?? new Set();
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      listeners.set(name, set);
      if (secret) void connect();
      return () => {
        set.delete(wrapped);
        if (set.size === 0) listeners.delete(name);
      };
    },
  } as ProxdeckBridge;
}
