// The web host: the built renderer over HTTP and the IPC contract over a secret-guarded WebSocket, loopback only.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatcher } from '../ipc/dispatch.js';
import type { EventBus } from '../ipc/event-bus.js';
import { serveStatic } from './static-files.js';
import { checkUpgrade, createLaunchSecret, IPC_PATH, SECRET_PARAM } from './upgrade-guard.js';
import { badRequest, MAX_MESSAGE_BYTES, parseIncoming, type OutgoingReply } from './wire.js';

export const LOOPBACK_HOST = '127.0.0.1';

export interface WebHostOptions {
  dispatcher: Dispatcher;
  events: EventBus;
  /** Folder with the built renderer (index.html + assets). */
  distDir: string;
  /** Only 127.0.0.1 is accepted; any other value is refused. */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Tests may fix the secret; normally a fresh random one per launch. */
  secret?: string;
  /** Called with the reason whenever an upgrade is refused (for logs; never includes the secret). */
  onRefused?: (reason: string) => void;
  /** A client that stops reading is dropped once this many bytes wait to be sent to it. */
  maxQueuedBytes?: number;
  /** A page's connection closed (reload, tab closed): per-window state in main forgets it. */
  onConnectionClosed?: (connection: string) => void;
}

/** Replies and events queued for one client that does not read; past this it is disconnected. */
export const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

export interface WebHost {
  /** http://127.0.0.1:PORT/#secret=... — the fragment never reaches the server or any log. */
  url: string;
  origin: string;
  port: number;
  secret: string;
  /** ws://127.0.0.1:PORT/ipc (without the secret). */
  ipcUrl: string;
  close(): Promise<void>;
}

export class WebHostBindError extends Error {
  override name = 'WebHostBindError';
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const host = opts.host ?? LOOPBACK_HOST;
  if (host !== LOOPBACK_HOST) {
    throw new WebHostBindError(
      `The web host listens on ${LOOPBACK_HOST} only; refusing to bind to ${JSON.stringify(host)}`,
    );
  }
  const secret = opts.secret ?? createLaunchSecret();
  const server = createServer((req, res) => {
    serveStatic(req, res, opts.distDir).catch(() => res.destroy());
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const port = await listen(server, host, opts.port ?? 0);
  const origin = `http://${host}:${port}`;
  const expected = { secret, origin, hostHeader: `${host}:${port}` };

  server.on('upgrade', (req, socket, head) => {
    const refusal = checkUpgrade(req, expected);
    if (refusal) {
      opts.onRefused?.(refusal);
      // Nothing about the contract is answered: a bare status line, then the socket is gone.
      socket.end(
        `HTTP/1.1 ${refusal === 'wrong_path' ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, opts));
  });

  return {
    url: `${origin}/#${SECRET_PARAM}=${secret}`,
    origin,
    port,
    secret,
    ipcUrl: `ws://${host}:${port}${IPC_PATH}`,
    async close() {
      for (const client of wss.clients) client.close(1001, 'Web host shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

let connectionCount = 0;

function serveConnection(ws: WebSocket, opts: WebHostOptions): void {
  const limit = opts.maxQueuedBytes ?? MAX_QUEUED_BYTES;
  const connection = `web-${++connectionCount}`;
  const send = (message: OutgoingReply | object) => {
    if (ws.readyState !== ws.OPEN) return;
    // ws queues without bound; a client that stops reading would grow the host's memory forever.
    if (ws.bufferedAmount > limit) {
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(message));
  };
  const unsubscribe = opts.events.subscribe((message) => send(message));
  ws.on('close', () => {
    unsubscribe();
    opts.onConnectionClosed?.(connection);
  });
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      send(badRequest(null, 'Binary frames are not accepted'));
      return;
    }
    const parsed = parseIncoming(rawToString(data));
    if (!parsed.ok) {
      send(parsed.reply);
      return;
    }
    const { id, name, args } = parsed.request;
    void opts.dispatcher
      .dispatch(name, args, { host: 'web', connection })
      .then((reply) => send({ id, reply }));
  });
}

function rawToString(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
