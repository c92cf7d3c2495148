// The renderer's only way to reach main: the Electron preload's window.proxdeck, or the web host's WebSocket.
import type { ProxdeckBridge } from '../src-shared/ipc/contract.js';
import { createWebSocketBridge } from './ws-bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in the web host. */
    readonly proxdeck?: ProxdeckBridge;
  }
}

const SECRET_KEY = 'secret';

let current: ProxdeckBridge | undefined;

/** Reads the launch secret from the URL fragment (never sent to the server as part of a page request). */
export function readLaunchSecret(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const secret = params.get(SECRET_KEY);
  return secret && /^[A-Za-z0-9_-]{16,128}$/.test(secret) ? secret : undefined;
}

export function getBridge(): ProxdeckBridge {
  if (current) return current;
  if (window.proxdeck) {
    current = window.proxdeck;
    return current;
  }
  const secret = readLaunchSecret(window.location.hash);
  const wsUrl = new URL('/ipc', window.location.href);
  wsUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  wsUrl.hash = '';
  current = createWebSocketBridge(wsUrl.toString(), secret);
  return current;
}
