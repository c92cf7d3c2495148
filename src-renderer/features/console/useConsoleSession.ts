// Runs one console for a target: asks main for a relay (and, at the same time, whether the Console is allowed),
// attaches noVNC to it, and reports a clear phase. Closing the component closes the console in main.
import RFB from '@novnc/novnc';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import {
  GUEST_STOPPED,
  type ConsoleOpened,
  type ConsoleTargetArgs,
} from '../../../src-shared/ipc/channels/console.js';
import type { AppError } from '../../../src-shared/ipc/errors.js';
import { getBridge } from '../../bridge.js';

export type ConsolePhase =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'denied'; reason: string }
  | { kind: 'stopped'; message: string }
  | { kind: 'auth_failed'; message: string }
  | { kind: 'disconnected'; reason: string };

export function phaseForError(error: AppError): ConsolePhase {
  if (error.details?.reason === GUEST_STOPPED) return { kind: 'stopped', message: error.message };
  if (error.code === 'auth_failed') return { kind: 'auth_failed', message: error.message };
  if (error.code === 'permission_denied') return { kind: 'denied', reason: error.message };
  return { kind: 'disconnected', reason: error.message };
}

export interface ConsoleSessionHandle {
  phase: ConsolePhase;
  /** the live noVNC client, for keys and focus; undefined until the relay is known */
  rfb: RefObject<RFB | undefined>;
  /** read-only profile: main relays no input, noVNC sends none */
  viewOnly: boolean;
  reconnect(): void;
}

/**
 * `retryKey` changes re-run the whole session (the guest view passes the guest's power state, so a guest that
 * was started shows its console without a click).
 */
export function useConsoleSession(
  target: ConsoleTargetArgs,
  screen: RefObject<HTMLDivElement | null>,
  scaleToFit: boolean,
  retryKey = '',
  onOpened?: (opened: ConsoleOpened) => void,
): ConsoleSessionHandle {
  const [phase, setPhase] = useState<ConsolePhase>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const [viewOnly, setViewOnly] = useState(false);
  const rfb = useRef<RFB | undefined>(undefined);
  const scale = useRef(scaleToFit);
  const opened = useRef(onOpened);
  useEffect(() => {
    opened.current = onOpened;
  }, [onOpened]);
  const { profileId, node, type, vmid } = target;

  useEffect(() => {
    scale.current = scaleToFit;
    if (rfb.current) rfb.current.scaleViewport = scaleToFit;
  }, [scaleToFit]);

  useEffect(() => {
    const el = screen.current;
    if (!el) return;
    const args: ConsoleTargetArgs = {
      profileId,
      node,
      type,
      kind: 'vnc',
      ...(vmid !== undefined ? { vmid } : {}),
    };
    const bridge = getBridge();
    let cancelled = false;
    let consoleId: string | undefined;
    let closeSent = false;
    let client: RFB | undefined;
    const closeInMain = (): void => {
      if (!consoleId || closeSent) return;
      closeSent = true;
      void bridge.invoke('console.close', { id: consoleId });
    };
    const ended = (reason: string): void =>
      setPhase((cur) =>
        cur.kind === 'auth_failed' || cur.kind === 'denied' ? cur : { kind: 'disconnected', reason },
      );
    let mainReason: string | undefined;
    const offClosed = bridge.on('console.closed', (p) => {
      if (p.id !== consoleId) return;
      mainReason = p.reason;
      ended(p.reason);
    });
    setPhase({ kind: 'connecting' });

    void (async () => {
      const [access, reply] = await Promise.all([
        bridge.invoke('console.access', args),
        bridge.invoke('console.open', args),
      ]);
      if (reply.ok) consoleId = reply.value.id;
      if (cancelled) return closeInMain();
      if (access.ok && !access.value.allowed) {
        closeInMain();
        return setPhase({ kind: 'denied', reason: access.value.reason ?? 'needs VM.Console' });
      }
      if (!reply.ok) return setPhase(phaseForError(reply.error));
      opened.current?.(reply.value);
      const { relayUrl, vncPassword } = reply.value;
      client = new RFB(el, relayUrl, { credentials: { password: vncPassword }, wsProtocols: ['binary'] });
      client.viewOnly = reply.value.viewOnly;
      setViewOnly(reply.value.viewOnly);
      client.scaleViewport = scale.current;
      client.background = '#000';
      rfb.current = client;
      client.addEventListener('connect', () => {
        setPhase({ kind: 'connected' });
        client?.focus();
      });
      client.addEventListener('credentialsrequired', () =>
        client?.sendCredentials({ password: vncPassword }),
      );
      client.addEventListener('securityfailure', (e) =>
        setPhase({
          kind: 'auth_failed',
          message: e.detail.reason || 'The VNC server refused the console password',
        }),
      );
      client.addEventListener('disconnect', (e) => {
        rfb.current = undefined;
        ended(
          mainReason ??
            (e.detail.clean ? 'The console was closed' : 'The connection to the console was lost'),
        );
        closeInMain();
      });
    })();

    return () => {
      cancelled = true;
      offClosed();
      rfb.current = undefined;
      client?.disconnect();
      closeInMain();
    };
  }, [screen, profileId, node, type, vmid, attempt, retryKey]);

  const reconnect = useCallback(() => setAttempt((n) => n + 1), []);
  return { phase, rfb, viewOnly, reconnect };
}
