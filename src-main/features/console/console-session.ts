// One open console: PVE's vncwebsocket on one side, the renderer's relay socket on the other, bytes passed
// through untouched both ways. Either side ending (or the token expiring) ends both and frees the port.
import type { WebSocket } from 'ws';
import type { PveStream } from './pve-socket.js';
import type { ConsoleRelay } from './relay-server.js';
import { createViewOnlyFilter, ViewOnlyViolation } from './rfb-view-only.js';

export interface ConsoleSession {
  readonly id: string;
  /** ends the console; idempotent, resolves when the relay's port is closed */
  end(reason: string): Promise<void>;
}

function describeClose(who: string, code: number, reason: Buffer): string {
  const text = reason.toString('utf8').trim();
  return `${who} closed the console${text ? `: ${text}` : code && code !== 1000 && code !== 1005 ? ` (code ${code})` : ''}`;
}

export interface SessionOptions {
  /** which viewer messages may go to PVE (a terminal takes only whole termproxy messages); default: all */
  accept?: (data: Buffer) => boolean;
  /** VNC view-only: main itself drops keys, pointer and clipboard */
  viewOnly?: boolean;
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
}

export function startSession(
  id: string,
  upstream: PveStream,
  relay: ConsoleRelay,
  onEnded: (id: string, reason: string) => void,
  opts: SessionOptions = {},
): ConsoleSession {
  // View-only: main itself drops keys, pointer and clipboard, whatever the viewer sends.
  const filter = opts.viewOnly ? createViewOnlyFilter() : undefined;
  let ended: Promise<void> | undefined;
  let viewer: WebSocket | undefined;

  const end = (reason: string): Promise<void> => {
    ended ??= (async () => {
      upstream.ws.terminate();
      viewer?.terminate();
      await relay.close();
      onEnded(id, reason);
    })();
    return ended;
  };

  upstream.ws.on('close', (code: number, why: Buffer) => void end(describeClose('PVE', code, why)));
  relay.peer.then(
    (ws) => {
      viewer = ws;
      if (ended) {
        ws.terminate();
        return;
      }
      ws.on('error', () => {});
      ws.on('close', (code: number, why: Buffer) => void end(describeClose('The viewer', code, why)));
      ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
        if (upstream.ws.readyState !== upstream.ws.OPEN) return;
        if (opts.accept && !opts.accept(toBuffer(data))) return;
        if (!filter) {
          upstream.ws.send(data, { binary: isBinary });
          return;
        }
        try {
          for (const part of filter.push(toBuffer(data))) upstream.ws.send(part, { binary: true });
        } catch (err) {
          if (!(err instanceof ViewOnlyViolation)) throw err;
          void end(`The view-only console ended: ${err.message}`);
        }
      });
      upstream.forward((buf) => {
        if (ws.readyState === ws.OPEN) ws.send(buf, { binary: true });
      });
    },
    (err: unknown) => void end(err instanceof Error ? err.message : 'The console relay closed'),
  );
  return { id, end };
}
