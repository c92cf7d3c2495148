// The embedded noVNC console: toolbar (fit / 1:1, Ctrl+Alt+Del and other combos, paste as keystrokes, fullscreen,
// reconnect, detach) over the screen, with a clear state while it is not showing a live display.
import { Button, Menu, Text, TextInput } from '@mantine/core';
import { ChevronDown, Expand, ExternalLink, Keyboard, RotateCw } from 'lucide-react';
import { useRef, useState, type ReactNode } from 'react';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { ViewOnlyBadge } from './ViewOnlyBadge.js';
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
      return <Text>Connecting…</Text>;
    case 'denied':
      return (
        <>
          <ReasonButton disabled={phase.reason} onClick={() => undefined} testId="console-open-disabled">
            Open console
          </ReasonButton>
          <Text data-testid="console-reason">{phase.reason}</Text>
        </>
      );
    case 'stopped':
      return (
        <>
          <Text data-testid="console-reason">Guest stopped. {phase.message}</Text>
          {onStart ? (
            <Button onClick={onStart} data-testid="console-start">
              Start
            </Button>
          ) : (
            <Text size="sm">Start it from the guest&apos;s actions; the console opens when it runs.</Text>
          )}
        </>
      );
    case 'auth_failed':
      return <Text data-testid="console-reason">Authentication failed: {phase.message}</Text>;
    case 'disconnected':
      return <Text data-testid="console-reason">Disconnected: {phase.reason}</Text>;
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
        <Button
          variant="default"
          leftSection={<RotateCw size={14} aria-hidden />}
          onClick={onReconnect}
          data-testid="console-reconnect-notice"
        >
          Reconnect
        </Button>
      )}
    </div>
  );
}

/** Reconnect and (embedded only) Detach: the right end of both console toolbars. */
export function SessionTools({
  onReconnect,
  onDetach,
}: {
  onReconnect(): void;
  onDetach?: (() => void) | undefined;
}) {
  return (
    <>
      <Button
        size="xs"
        variant="default"
        leftSection={<RotateCw size={14} aria-hidden />}
        onClick={onReconnect}
        data-testid="console-reconnect"
      >
        Reconnect
      </Button>
      {onDetach && (
        <Button
          size="xs"
          variant="default"
          leftSection={<ExternalLink size={14} aria-hidden />}
          onClick={onDetach}
          data-testid="console-detach"
        >
          Detach
        </Button>
      )}
    </>
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
  const notLive = viewOnly ? 'view only: this profile sends no keys' : 'the console is not connected';

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
      <div className="console-toolbar" role="toolbar" aria-label="Console controls">
        {viewOnly && <ViewOnlyBadge />}
        {tools}
        <Button
          size="xs"
          variant="default"
          onClick={() => setFit((f) => !f)}
          aria-pressed={fit}
          data-testid="console-scale"
        >
          {fit ? 'Scale: fit' : 'Scale: 1:1'}
        </Button>
        <ReasonButton
          size="xs"
          disabled={!live && notLive}
          onClick={() => rfb.current?.sendCtrlAltDel()}
          testId="console-ctrlaltdel"
        >
          Ctrl+Alt+Del
        </ReasonButton>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="default"
              disabled={!live}
              leftSection={<Keyboard size={14} aria-hidden />}
              rightSection={<ChevronDown size={12} aria-hidden />}
              data-testid="console-combo"
            >
              Send keys…
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {KEY_COMBOS.map((c) => (
              <Menu.Item
                key={c.id}
                data-testid={`console-combo-${c.id}`}
                onClick={() => {
                  const client = rfb.current;
                  if (client) for (const k of comboEvents(c)) client.sendKey(k.keysym, k.code, k.down);
                }}
              >
                {c.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <TextInput
          size="xs"
          value={paste}
          placeholder="Text to type"
          aria-label="Text to type into the console"
          onChange={(e) => setPaste(e.currentTarget.value)}
          data-testid="console-paste-text"
        />
        <ReasonButton
          size="xs"
          disabled={!live ? notLive : paste === '' && 'type some text first'}
          onClick={sendText}
          testId="console-paste-send"
        >
          Type text
        </ReasonButton>
        {pasteNote && (
          <Text size="xs" role="status">
            {pasteNote}
          </Text>
        )}
        <span className="console-spacer" />
        <Button
          size="xs"
          variant="default"
          leftSection={<Expand size={14} aria-hidden />}
          onClick={() => void frame.current?.requestFullscreen()}
          data-testid="console-fullscreen"
        >
          Fullscreen
        </Button>
        <SessionTools onReconnect={reconnect} onDetach={onDetach} />
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
