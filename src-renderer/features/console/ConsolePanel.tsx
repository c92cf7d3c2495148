// One console with the VNC / terminal switch: xterm.js by default for node shells and containers, noVNC for VMs.
import { Button } from '@mantine/core';
import { useState } from 'react';
import type {
  ConsoleKind,
  ConsoleOpened,
  ConsoleTargetArgs,
} from '../../../src-shared/ipc/channels/console.js';
import { defaultConsoleKind } from './console-route.js';
import { ConsoleView } from './ConsoleView.js';
import { TerminalView } from './TerminalView.js';

export interface ConsolePanelProps {
  target: ConsoleTargetArgs;
  title: string;
  retryKey?: string;
  onStart?: () => void;
  /** detach this console (with the kind now shown) into its own window */
  onDetach?: (target: ConsoleTargetArgs) => void;
  onOpened?: (opened: ConsoleOpened) => void;
}

const LABEL: Record<ConsoleKind, string> = { term: 'Terminal', vnc: 'Screen (VNC)' };

export function ConsolePanel({ target, onDetach, ...rest }: ConsolePanelProps) {
  const [kind, setKind] = useState<ConsoleKind>(target.kind ?? defaultConsoleKind(target.type));
  const shown: ConsoleTargetArgs = { ...target, kind };
  const tools = (
    <Button.Group aria-label="Console type">
      {(['term', 'vnc'] as const).map((k) => (
        <Button
          key={k}
          size="xs"
          variant={kind === k ? 'filled' : 'default'}
          aria-pressed={kind === k}
          onClick={() => setKind(k)}
          data-testid={`console-kind-${k}`}
        >
          {LABEL[k]}
        </Button>
      ))}
    </Button.Group>
  );
  const props = { ...rest, target: shown, tools, ...(onDetach ? { onDetach: () => onDetach(shown) } : {}) };
  return kind === 'term' ? <TerminalView key="term" {...props} /> : <ConsoleView key="vnc" {...props} />;
}
