// Opens PVE's vncwebsocket from main: TLS first, the pin checked, and only then the upgrade request that carries
// the profile's auth header or cookie — so the API secret never goes to a host we did not verify.
import type tls from 'node:tls';
import WebSocket from 'ws';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { connectTls, verifyPeer, type TlsTrust } from '../../pve/tls-pin.js';

/** What the console needs from a PVE client: where it talks to, and how it authenticates (PveClient has both). */
export interface UpstreamEndpoint {
  /** https://host:port/api2/json */
  readonly baseUrl: string;
  upgradeCredentials(): Promise<{ headers: Record<string, string>; trust: TlsTrust }>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

async function connectVerified(url: URL, trust: TlsTrust, timeoutMs: number): Promise<tls.TLSSocket> {
  const port = Number(url.port || 443);
  const target = `${url.hostname}:${port}`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const socket = await connectTls(host, port, { extraCa: trust.extraCa, timeoutMs, label: target });
  try {
    verifyPeer(socket, trust, target);
  } catch (err) {
    socket.destroy();
    throw err instanceof AppFailure ? err : new AppFailure('tls_untrusted', `${target} is not trusted`);
  }
  // from here the WebSocket owns the socket and its errors
  socket.removeAllListeners('error');
  return socket;
}

function refusal(status: number): AppFailure {
  if (status === 401)
    return new AppFailure('auth_failed', 'PVE refused the console ticket or the login', undefined, status);
  if (status === 403)
    return new AppFailure(
      'permission_denied',
      'PVE refused the console: VM.Console is needed',
      undefined,
      status,
    );
  return new AppFailure(
    'server_error',
    `PVE refused the console connection (HTTP ${status})`,
    undefined,
    status,
  );
}

/** An open upstream WebSocket. Messages that arrive before forward() (the RFB greeting may come with the 101) are queued. */
export interface PveStream {
  readonly ws: WebSocket;
  /** delivers queued and later messages to `sink`; call once */
  forward(sink: (data: Buffer) => void): void;
}

function toBuffer(data: WebSocket.RawData): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
}

function queueing(ws: WebSocket): PveStream {
  const queue: Buffer[] = [];
  let sink: ((data: Buffer) => void) | undefined;
  // An error is always followed by 'close', which the console session handles.
  ws.on('error', () => {});
  ws.on('message', (data) => {
    const buf = toBuffer(data);
    if (sink) sink(buf);
    else queue.push(buf);
  });
  return {
    ws,
    forward(to) {
      sink = to;
      for (const buf of queue.splice(0)) to(buf);
    },
  };
}

/** Opens `wss://<host>/api2/json<path>` with subprotocol "binary"; resolves once the upgrade succeeded. */
export async function openPveWebSocket(
  endpoint: UpstreamEndpoint,
  path: string,
  opts: { timeoutMs?: number } = {},
): Promise<PveStream> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { headers, trust } = await endpoint.upgradeCredentials();
  const url = new URL(`${endpoint.baseUrl}${path}`);
  url.protocol = 'wss:';
  const socket = await connectVerified(url, trust, timeoutMs);
  const ws = new WebSocket(url, ['binary'], {
    headers,
    perMessageDeflate: false,
    handshakeTimeout: timeoutMs,
    // The verified socket is used as is: the upgrade request (with the secret) is written only to it.
    createConnection: () => socket,
  });
  return new Promise<PveStream>((resolve, reject) => {
    const done = (err: AppFailure): void => {
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      socket.destroy();
      reject(err);
    };
    ws.once('open', () => {
      ws.removeAllListeners('error');
      ws.removeAllListeners('unexpected-response');
      resolve(queueing(ws));
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      done(refusal(res.statusCode ?? 0));
    });
    ws.once('error', () =>
      done(new AppFailure('server_error', 'PVE closed the console connection before it opened')),
    );
  });
}
