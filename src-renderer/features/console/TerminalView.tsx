// The embedded text console (xterm.js): toolbar (find in scrollback, copy, paste, reconnect, detach) over the
// terminal, with the same clear states as the VNC console while it is not showing a live shell.
import { ViewOnlyBadge } from './ViewOnlyBadge.js';
import { useRef, useState, type ReactNode } from 'react';
import type { ConsoleOpened, ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';
import { PhaseNotice } from './ConsoleView.js';
import { copySelection, pasteClipboard, useTerminalSession } from './useTerminalSession.js';
import './console.css';

export interface TerminalViewProps {
  target: ConsoleTargetArgs;
  title: string;
  retryKey?: string;
  onStart?: () => void;
  onDetach?: () => void;
  onOpened?: (opened: ConsoleOpened) => void;
  /** extra toolbar controls (the VNC / terminal switch) */
  tools?: ReactNode;
}

export function TerminalView({
  target,
  title,
  retryKey,
  onStart,
  onDetach,
  onOpened,
  tools,
}: TerminalViewProps) {
  const screen = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [note, setNote] = useState('');
  const { phase, terminal, search, reconnect, viewOnly } = useTerminalSession(
    target,
    screen,
    retryKey,
    onOpened,
  );
  const live = phase.kind === 'connected';

  const find = (backwards: boolean): void => {
    if (!query) return;
    const hit = backwards ? search.current?.findPrevious(query) : search.current?.findNext(query);
    setNote(hit ? '' : 'Not found');
  };

  return (
    <section
      className="console console-term"
      data-testid="console-view"
      data-kind="term"
      data-state={phase.kind}
      aria-label={`Terminal of ${title}`}
    >
      <div className="console-toolbar" role="toolbar">
        {viewOnly && <ViewOnlyBadge />}
        {tools}
        <input
          type="search"
          value={query}
          placeholder="Find in terminal"
          aria-label="Find in terminal output"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') find(e.shiftKey);
          }}
          data-testid="term-search"
        />
        <button type="button" disabled={!query} onClick={() => find(true)} data-testid="term-find-prev">
          Previous
        </button>
        <button type="button" disabled={!query} onClick={() => find(false)} data-testid="term-find-next">
          Next
        </button>
        <button
          type="button"
          disabled={!live}
          title="Copy the selection (Ctrl+Shift+C)"
          onClick={() =>
            void copySelection(terminal.current).then((ok) => setNote(ok ? 'Copied' : 'Select text to copy'))
          }
          data-testid="term-copy"
        >
          Copy
        </button>
        <button
          type="button"
          disabled={!live}
          title="Paste the clipboard (Ctrl+Shift+V or Ctrl+V)"
          onClick={() =>
            void pasteClipboard(terminal.current).then((ok) =>
              setNote(ok ? '' : 'The clipboard cannot be read here: press Ctrl+V in the terminal'),
            )
          }
          data-testid="term-paste"
        >
          Paste
        </button>
        {note && (
          <span className="muted" role="status">
            {note}
          </span>
        )}
        <span className="console-spacer" />
        <button type="button" onClick={reconnect} data-testid="console-reconnect">
          Reconnect
        </button>
        {onDetach && (
          <button type="button" onClick={onDetach} data-testid="console-detach">
            Detach
          </button>
        )}
      </div>
      <div className="console-screen console-term-screen" ref={screen} data-testid="console-screen" />
      <PhaseNotice phase={phase} onReconnect={reconnect} {...(onStart ? { onStart } : {})} />
    </section>
  );
}
