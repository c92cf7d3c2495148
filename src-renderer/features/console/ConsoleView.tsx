// The embedded noVNC console: toolbar (fit / 1:1, Ctrl+Alt+Del and other combos, paste as keystrokes, fullscreen,
// reconnect, detach) over the screen, with a clear state while it is not showing a live display.
import { ViewOnlyBadge } from './ViewOnlyBadge.js';
import { useRef, useState, type ReactNode } from 'react';
import type { ConsoleOpened, ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';
import { comboEvents, KEY_COMBOS, textToKeys } from './key-input.js';
import { useConsoleSession, type ConsolePhase } from './useConsoleSession.js';
import './console.css';

export interface ConsoleViewProps {
  target: ConsoleTargetArgs;
  title: string;
  /** re-runs the session when it changes (e.g. the guest's power state) */
  retryKey?: string;
  /** offered in the "guest stopped" state; without it the state says where to start the guest */
  onStart?: () => void;
  /** shown as a Detach button (the embedded view only) */
  onDetach?: () => void;
  /** the console is open in main (the window title shows the guest's name) */
  onOpened?: (opened: ConsoleOpened) => void;
  /** extra toolbar controls (the VNC / terminal switch) */
  tools?: ReactNode;
}

function noticeBody(phase: ConsolePhase, onStart: (() => void) | undefined): ReactNode {
  switch (phase.kind) {
    case 'connected':
      return null;
    case 'connecting':
      return <p>Connecting…</p>;
    case 'denied':
      return (
        <>
          <button type="button" disabled title={phase.reason} data-testid="console-open-disabled">
            Open console
          </button>
          <p data-testid="console-reason">{phase.reason}</p>
        </>
      );
    case 'stopped':
      return (
        <>
          <p data-testid="console-reason">Guest stopped. {phase.message}</p>
          {onStart ? (
            <button type="button" onClick={onStart} data-testid="console-start">
              Start
            </button>
          ) : (
            <p className="muted">Start it from the guest&apos;s actions; the console opens when it runs.</p>
          )}
        </>
      );
    case 'auth_failed':
      return <p data-testid="console-reason">Authentication failed: {phase.message}</p>;
    case 'disconnected':
      return <p data-testid="console-reason">Disconnected: {phase.reason}</p>;
  }
}

export function PhaseNotice({
  phase,
  onStart,
  onReconnect,
}: {
  phase: ConsolePhase;
  onStart?: () => void;
  onReconnect(): void;
}) {
  if (phase.kind === 'connected') return null;
  return (
    <div className="console-notice" data-testid="console-state" data-state={phase.kind}>
      {noticeBody(phase, onStart)}
      {phase.kind !== 'connecting' && phase.kind !== 'denied' && (
        <button type="button" onClick={onReconnect} data-testid="console-reconnect-notice">
          Reconnect
        </button>
      )}
    </div>
  );
}

export function ConsoleView({
  target,
  title,
  retryKey,
  onStart,
  onDetach,
  onOpened,
  tools,
}: ConsoleViewProps) {
  const screen = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(true);
  const [paste, setPaste] = useState('');
  const [pasteNote, setPasteNote] = useState('');
  const { phase, rfb, viewOnly, reconnect } = useConsoleSession(target, screen, fit, retryKey, onOpened);
  const live = phase.kind === 'connected' && !viewOnly;

  const sendText = (): void => {
    const client = rfb.current;
    if (!client) return;
    const { keys, skipped } = textToKeys(paste);
    for (const k of keys) {
      client.sendKey(k.keysym, k.code, true);
      client.sendKey(k.keysym, k.code, false);
    }
    setPasteNote(`Typed ${keys.length} keys${skipped ? `, skipped ${skipped}` : ''}`);
    client.focus();
  };

  return (
    <section
      className="console"
      ref={frame}
      data-testid="console-view"
      data-kind="vnc"
      data-state={phase.kind}
      aria-label={`Console of ${title}`}
    >
      <div className="console-toolbar" role="toolbar">
        {viewOnly && <ViewOnlyBadge />}
        {tools}
        <button
          type="button"
          onClick={() => setFit((f) => !f)}
          aria-pressed={fit}
          data-testid="console-scale"
        >
          {fit ? 'Scale: fit' : 'Scale: 1:1'}
        </button>
        <button
          type="button"
          disabled={!live}
          onClick={() => rfb.current?.sendCtrlAltDel()}
          data-testid="console-ctrlaltdel"
        >
          Ctrl+Alt+Del
        </button>
        <select
          disabled={!live}
          value=""
          aria-label="Send key combination"
          data-testid="console-combo"
          onChange={(e) => {
            const combo = KEY_COMBOS.find((c) => c.id === e.target.value);
            const client = rfb.current;
            if (combo && client) for (const k of comboEvents(combo)) client.sendKey(k.keysym, k.code, k.down);
          }}
        >
          <option value="">Keys…</option>
          {KEY_COMBOS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        <input
          type="text"
          value={paste}
          placeholder="Text to type"
          aria-label="Text to type into the console"
          onChange={(e) => setPaste(e.target.value)}
          data-testid="console-paste-text"
        />
        <button
          type="button"
          disabled={!live || paste === ''}
          onClick={sendText}
          data-testid="console-paste-send"
        >
          Type text
        </button>
        {pasteNote && <span className="muted">{pasteNote}</span>}
        <span className="console-spacer" />
        <button
          type="button"
          onClick={() => void frame.current?.requestFullscreen()}
          data-testid="console-fullscreen"
        >
          Fullscreen
        </button>
        <button type="button" onClick={reconnect} data-testid="console-reconnect">
          Reconnect
        </button>
        {onDetach && (
          <button type="button" onClick={onDetach} data-testid="console-detach">
            Detach
          </button>
        )}
      </div>
      <div
        className={`console-screen${fit ? ' console-fit' : ''}`}
        ref={screen}
        data-testid="console-screen"
      />
      <PhaseNotice phase={phase} onReconnect={reconnect} {...(onStart ? { onStart } : {})} />
    </section>
  );
}
