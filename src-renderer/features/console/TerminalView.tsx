// The embedded text console (xterm.js): toolbar (find in scrollback, copy, paste, reconnect, detach) over the
// terminal, with the same clear states as the VNC console while it is not showing a live shell.
import { Text, TextInput } from '@mantine/core';
import { ChevronDown, ChevronUp, ClipboardPaste, Copy, Search } from 'lucide-react';
import { useRef, useState, type ReactNode } from 'react';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { ViewOnlyBadge } from './ViewOnlyBadge.js';
import type { ConsoleOpened, ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';
import { PhaseNotice, SessionTools } from './ConsoleView.js';
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
      <div className="console-toolbar" role="toolbar" aria-label="Terminal controls">
        {viewOnly && <ViewOnlyBadge />}
        {tools}
        <TextInput
          size="xs"
          type="search"
          value={query}
          placeholder="Find in terminal"
          aria-label="Find in terminal output"
          leftSection={<Search size={14} aria-hidden />}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') find(e.shiftKey);
          }}
          data-testid="term-search"
        />
        <ReasonButton
          size="xs"
          leftSection={<ChevronUp size={14} aria-hidden />}
          disabled={!query && 'type what to find first'}
          onClick={() => find(true)}
          testId="term-find-prev"
        >
          Previous
        </ReasonButton>
        <ReasonButton
          size="xs"
          leftSection={<ChevronDown size={14} aria-hidden />}
          disabled={!query && 'type what to find first'}
          onClick={() => find(false)}
          testId="term-find-next"
        >
          Next
        </ReasonButton>
        <ReasonButton
          size="xs"
          leftSection={<Copy size={14} aria-hidden />}
          disabled={!live && 'the terminal is not connected'}
          onClick={() =>
            void copySelection(terminal.current).then((ok) => setNote(ok ? 'Copied' : 'Select text to copy'))
          }
          testId="term-copy"
        >
          Copy
        </ReasonButton>
        <ReasonButton
          size="xs"
          leftSection={<ClipboardPaste size={14} aria-hidden />}
          disabled={!live && 'the terminal is not connected'}
          onClick={() =>
            void pasteClipboard(terminal.current).then((ok) =>
              setNote(ok ? '' : 'The clipboard cannot be read here: press Ctrl+V in the terminal'),
            )
          }
          testId="term-paste"
        >
          Paste
        </ReasonButton>
        {note && (
          <Text size="xs" role="status">
            {note}
          </Text>
        )}
        <span className="console-spacer" />
        <SessionTools onReconnect={reconnect} onDetach={onDetach} />
      </div>
      <div className="console-screen console-term-screen" ref={screen} data-testid="console-screen" />
      <PhaseNotice phase={phase} onReconnect={reconnect} {...(onStart ? { onStart } : {})} />
    </section>
  );
}
