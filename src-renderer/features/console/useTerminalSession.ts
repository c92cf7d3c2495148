// Runs one text console (xterm.js over PVE's termproxy): asks main for a relay (and whether the Console is allowed),
// then the terminal talks termproxy's messages over it: typed text as input, a resize when the size changes.
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { termInput, termResize } from '../../../src-shared/console/termproxy-wire.js';
import type { ConsoleOpened, ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';
import { getBridge } from '../../bridge.js';
import { phaseForError, type ConsolePhase } from './useConsoleSession.js';
import '@xterm/xterm/css/xterm.css';

export interface TerminalSessionHandle {
  phase: ConsolePhase;
  terminal: RefObject<Terminal | undefined>;
  search: RefObject<SearchAddon | undefined>;
  /** types text into the terminal as if pasted (bracketed paste when the program asked for it) */
  paste(text: string): void;
  reconnect(): void;
  /** the profile is read-only: main relays no keystrokes (shown as a badge) */
  viewOnly: boolean;
}

const SCROLLBACK_LINES = 10_000;

/** Copies the terminal's selection to the clipboard; false when nothing is selected or the clipboard refused. */
export async function copySelection(term: Terminal | undefined): Promise<boolean> {
  const text = term?.getSelection() ?? '';
  if (!text) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Pastes the clipboard into the terminal; false when the clipboard could not be read (Ctrl+V still works). */
export async function pasteClipboard(term: Terminal | undefined): Promise<boolean> {
  try {
    const text = await navigator.clipboard.readText();
    if (text) term?.paste(text);
    return true;
  } catch {
    return false;
  }
}

export function useTerminalSession(
  target: ConsoleTargetArgs,
  screen: RefObject<HTMLDivElement | null>,
  retryKey = '',
  onOpened?: (opened: ConsoleOpened) => void,
): TerminalSessionHandle {
  const [phase, setPhase] = useState<ConsolePhase>({ kind: 'connecting' });
  const [attempt, setAttempt] = useState(0);
  const [viewOnly, setViewOnly] = useState(false);
  const terminal = useRef<Terminal | undefined>(undefined);
  const search = useRef<SearchAddon | undefined>(undefined);
  const opened = useRef(onOpened);
  useEffect(() => {
    opened.current = onOpened;
  }, [onOpened]);
  const { profileId, node, type, vmid } = target;

  useEffect(() => {
    const el = screen.current;
    if (!el) return;
    const args: ConsoleTargetArgs = {
      profileId,
      node,
      type,
      kind: 'term',
      ...(vmid !== undefined ? { vmid } : {}),
    };
    const bridge = getBridge();
    const term = new Terminal({
      scrollback: SCROLLBACK_LINES,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      theme: { background: '#000000' },
    });
    const fit = new FitAddon();
    const finder = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(finder);
    term.open(el);
    fit.fit();
    terminal.current = term;
    search.current = finder;
    let cancelled = false;
    let consoleId: string | undefined;
    let closeSent = false;
    let socket: WebSocket | undefined;
    const send = (message: string): void => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(message);
    };
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
    // Ctrl+C stays the terminal's interrupt; copy and paste take Shift as in desktop terminals
    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
      if (e.code === 'KeyC') void copySelection(term);
      else if (e.code === 'KeyV') void pasteClipboard(term);
      else return true;
      return false;
    });
    const inputSub = term.onData((data) => send(termInput(data)));
    const resizeSub = term.onResize(({ cols, rows }) => send(termResize(cols, rows)));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(el);
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
        return setPhase({ kind: 'denied', reason: access.value.reason ?? 'needs the Console privilege' });
      }
      if (!reply.ok) return setPhase(phaseForError(reply.error));
      opened.current?.(reply.value);
      setViewOnly(reply.value.viewOnly);
      const ws = new WebSocket(reply.value.relayUrl, ['binary']);
      ws.binaryType = 'arraybuffer';
      socket = ws;
      ws.onopen = () => {
        setPhase({ kind: 'connected' });
        // termproxy starts at 80x20: tell it the real size at once
        send(termResize(term.cols, term.rows));
        term.focus();
      };
      ws.onmessage = (e: MessageEvent<ArrayBuffer | string>) => {
        term.write(typeof e.data === 'string' ? e.data : new Uint8Array(e.data));
      };
      ws.onclose = (e) => {
        socket = undefined;
        ended(
          mainReason ?? (e.wasClean ? 'The console was closed' : 'The connection to the console was lost'),
        );
        closeInMain();
      };
    })();

    return () => {
      cancelled = true;
      offClosed();
      observer.disconnect();
      inputSub.dispose();
      resizeSub.dispose();
      socket?.close();
      closeInMain();
      terminal.current = undefined;
      search.current = undefined;
      term.dispose();
    };
  }, [screen, profileId, node, type, vmid, attempt, retryKey]);

  const paste = useCallback((text: string) => terminal.current?.paste(text), []);
  const reconnect = useCallback(() => setAttempt((n) => n + 1), []);
  return { phase, terminal, search, paste, reconnect, viewOnly };
}
