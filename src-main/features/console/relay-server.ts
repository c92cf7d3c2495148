// The renderer's side of one console: a WebSocket endpoint on 127.0.0.1 (random port) that admits exactly one
// connection, from loopback, carrying the console's one-time token, within a short time. Then it stops listening.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppFailure } from '../../../src-shared/ipc/errors.js';

export const RELAY_HOST = '127.0.0.1';
/** How long a console's token stays valid when nobody connects (PVE's own worker waits 10 s, its ticket 40 s). */
export const DEFAULT_RELAY_TTL_MS = 30_000;

export type RelayRefusal = 'not_loopback' | 'bad_origin' | 'bad_token' | 'used' | 'expired';

export interface ConsoleRelay {
  /** ws://127.0.0.1:PORT/<token> — the token is the whole secret of this endpoint */
  readonly url: string;
  readonly port: number;
  /** the renderer's socket once it connected; rejects when the token expired or the relay was closed first */
  readonly peer: Promise<WebSocket>;
  close(): Promise<void>;
}

export interface RelayOptions {
  ttlMs?: number;
  /**
   * Origins of the app's own pages (app://proxdeck, the web host's http://127.0.0.1:PORT). A browser always sends
   * Origin: any other page in the user's browser is refused even with the token; clients that are not browsers
   * send none.
   */
  allowedOrigins?: () => Iterable<string>;
  /** every refused connection attempt, for the log and the tests */
  onRefused?: (reason: RelayRefusal) => void;
}

const STATUS: Record<RelayRefusal, string> = {
  not_loopback: '403 Forbidden',
  bad_origin: '403 Forbidden',
  bad_token: '403 Forbidden',
  used: '410 Gone',
  expired: '410 Gone',
};

function refuse(socket: Duplex, reason: RelayRefusal): void {
  socket.end(`HTTP/1.1 ${STATUS[reason]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

function tokenMatches(req: IncomingMessage, token: Buffer): boolean {
  const given = Buffer.from((req.url ?? '').replace(/^\//, '').split('?')[0] ?? '', 'utf8');
  return given.length === token.length && timingSafeEqual(given, token);
}

function originAllowed(req: IncomingMessage, allowed: RelayOptions['allowedOrigins']): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [...(allowed?.() ?? [])].includes(origin);
}

export async function startRelay(opts: RelayOptions = {}): Promise<ConsoleRelay> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token, 'utf8');
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    // noVNC may offer "binary"; answering without a protocol is fine too.
    handleProtocols: (offered) => (offered.has('binary') ? 'binary' : false),
  });
  const server = createServer((_req, res) => res.writeHead(404, { Connection: 'close' }).end());
  let state: 'waiting' | 'used' | 'expired' | 'closed' = 'waiting';
  let settle: { resolve: (ws: WebSocket) => void; reject: (err: Error) => void } | undefined;
  const peer = new Promise<WebSocket>((resolve, reject) => (settle = { resolve, reject }));
  peer.catch(() => {});

  const stopListening = (): Promise<void> =>
    new Promise((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      // Plain-HTTP keep-alive sockets must not hold the port open.
      server.closeIdleConnections();
    });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The server listens on 127.0.0.1 only; the strict check also refuses other loopback addresses (127.0.0.2).
    const reason: RelayRefusal | undefined =
      req.socket.remoteAddress !== RELAY_HOST
        ? 'not_loopback'
        : !originAllowed(req, opts.allowedOrigins)
          ? 'bad_origin'
          : !tokenMatches(req, tokenBytes)
            ? 'bad_token'
            : state === 'waiting'
              ? undefined
              : state === 'expired'
                ? 'expired'
                : 'used';
    if (reason) {
      opts.onRefused?.(reason);
      refuse(socket, reason);
      return;
    }
    state = 'used';
    clearTimeout(timer);
    void stopListening();
    wss.handleUpgrade(req, socket, head, (ws) => settle?.resolve(ws));
  });

  const timer = setTimeout(() => {
    if (state !== 'waiting') return;
    state = 'expired';
    settle?.reject(new AppFailure('timeout', 'Nobody connected to the console in time'));
    void stopListening();
  }, opts.ttlMs ?? DEFAULT_RELAY_TTL_MS);
  timer.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, RELAY_HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `ws://${RELAY_HOST}:${port}/${token}`,
    port,
    peer,
    async close() {
      clearTimeout(timer);
      if (state === 'waiting') settle?.reject(new AppFailure('internal', 'The console was closed'));
      state = 'closed';
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await stopListening();
    },
  };
}
