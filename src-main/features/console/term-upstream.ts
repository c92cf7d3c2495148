// The PVE side of a text console: termproxy, its vncwebsocket, and termproxy's login done here in main ("user:ticket"
// answered with "OK"), so the renderer gets a terminal stream and never a ticket. Also checks what the viewer sends.
import type WebSocket from 'ws';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { isTermClientMessage, TERM_AUTH_OK, TERM_PING } from '../../../src-shared/console/termproxy-wire.js';
import { openTermProxy, vncWebSocketPath, type ConsoleTarget } from '../../pve/api/console.js';
import type { PveCaller } from '../../pve/api/caller.js';
import { openPveWebSocket, type PveStream, type UpstreamEndpoint } from './pve-socket.js';

/** termproxy itself waits 10 s for the login line; we wait as long for its answer */
const LOGIN_TIMEOUT_MS = 10_000;
/** PVE's proxy drops a terminal after 5 minutes without traffic; its own page pings every 30 s */
export const TERM_PING_INTERVAL_MS = 30_000;

const TOKEN_SHELL = /does not look like a valid user name/;

/** Starts termproxy, mapping the answer PVE gives an API token asking for a node shell to a sentence. */
async function startTermProxy(client: PveCaller, target: ConsoleTarget) {
  try {
    return await openTermProxy(client, target);
  } catch (err) {
    if (target.kind === 'node' && err instanceof AppFailure && TOKEN_SHELL.test(err.message))
      throw new AppFailure(
        'permission_denied',
        'PVE opens node shells only for user logins, not for API tokens: connect with a user and password',
        undefined,
        err.status,
      );
    throw err;
  }
}

/** Resolves with whatever followed "OK" in the same message; rejects when PVE closes or stays silent. */
function awaitLogin(ws: WebSocket, first: (sink: (data: Buffer) => void) => void): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    let settled = false;
    const after: Buffer[] = [];
    const fail = (err: AppFailure): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.off('close', onClose);
      ws.terminate();
      reject(err);
    };
    const onClose = (): void =>
      fail(new AppFailure('auth_failed', 'PVE refused the terminal login (ticket or Console privilege)'));
    const timer = setTimeout(
      () => fail(new AppFailure('timeout', 'PVE did not answer the terminal login in time')),
      LOGIN_TIMEOUT_MS,
    );
    ws.once('close', onClose);
    first((data) => {
      if (settled) return void after.push(data);
      head = Buffer.concat([head, data]);
      if (head.length < TERM_AUTH_OK.length) return;
      if (head.subarray(0, 2).toString('latin1') !== TERM_AUTH_OK)
        return fail(
          new AppFailure('bad_response', 'PVE answered the terminal login with something unexpected'),
        );
      settled = true;
      clearTimeout(timer);
      ws.off('close', onClose);
      const rest = head.subarray(TERM_AUTH_OK.length);
      resolve(rest.length > 0 ? [rest, ...after] : after);
    });
  });
}

/**
 * An upstream terminal after a successful login: output that arrived with or after "OK" is queued until the viewer
 * is there; a ping goes to PVE every 30 s until the socket closes.
 */
export async function openTermUpstream(
  client: PveCaller & UpstreamEndpoint,
  target: ConsoleTarget,
): Promise<PveStream> {
  const proxy = await startTermProxy(client, target);
  const upstream = await openPveWebSocket(client, vncWebSocketPath(target, proxy));
  const queue: Buffer[] = [];
  let sink: ((data: Buffer) => void) | undefined;
  const deliver = (data: Buffer): void => (sink ? sink(data) : void queue.push(data));
  let loginSink: ((data: Buffer) => void) | undefined;
  upstream.forward((data) => (loginSink ? loginSink(data) : deliver(data)));
  upstream.ws.send(`${proxy.user}:${proxy.ticket}\n`);
  const early = await awaitLogin(upstream.ws, (s) => (loginSink = s));
  loginSink = undefined;
  queue.push(...early);
  const ping = setInterval(() => {
    if (upstream.ws.readyState === upstream.ws.OPEN) upstream.ws.send(TERM_PING);
  }, TERM_PING_INTERVAL_MS);
  ping.unref();
  upstream.ws.once('close', () => clearInterval(ping));
  return {
    ws: upstream.ws,
    forward(to) {
      sink = to;
      for (const buf of queue.splice(0)) to(buf);
    },
  };
}

/** Only whole, well-formed termproxy messages reach PVE; anything else from the viewer is dropped. */
export function checkTermInput(data: Buffer): boolean {
  return isTermClientMessage(data);
}

/** Read-only profiles: resize and keep-alive only; no keystrokes reach a container's console. */
export function checkViewOnlyTermInput(data: Buffer): boolean {
  return isTermClientMessage(data) && !data.toString('latin1').startsWith('0:');
}
