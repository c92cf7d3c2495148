// Upgrades an HTTP request to a WebSocket (subprotocol "binary", as pveproxy) and relays raw RFB bytes to a VNC socket.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** Above this many queued bytes towards the client, stop reading from VNC until the queue drains. */
const HIGH_WATER = 1 << 20;

export interface RawUpgrade {
  request: IncomingMessage;
  socket: Duplex;
  head: Buffer;
}

/*
 * pveproxy answers with the subprotocol the client asked for; noVNC and the PVE GUI ask for
 * "binary". Offering nothing is accepted too (no protocol header in the answer).
 */
const wss = new WebSocketServer({
  noServer: true,
  perMessageDeflate: false,
  handleProtocols: (offered) => (offered.has('binary') ? 'binary' : ([...offered][0] ?? false)),
});

/** Completes the WebSocket handshake on a raw upgrade socket. */
export function acceptWebSocket(raw: RawUpgrade): Promise<WebSocket> {
  return new Promise((resolve) => wss.handleUpgrade(raw.request, raw.socket, raw.head, resolve));
}

/** Relays both ways until either side ends; resolves when both are closed. */
export function relay(ws: WebSocket, vnc: Socket): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      vnc.destroy();
      if (ws.readyState === ws.OPEN) ws.close(1000);
      else ws.terminate();
      resolve();
    };
    vnc.on('data', (chunk: Buffer) => {
      ws.send(chunk, { binary: true }, () => {
        if (vnc.isPaused() && ws.bufferedAmount < HIGH_WATER) vnc.resume();
      });
      if (ws.bufferedAmount >= HIGH_WATER) vnc.pause();
    });
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      vnc.write(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data));
    });
    vnc.on('close', finish);
    vnc.on('error', finish);
    ws.on('close', finish);
    ws.on('error', finish);
  });
}
