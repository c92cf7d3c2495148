// A window that shows only one console (opened by Detach); main.tsx renders it instead of the app shell
// when the URL fragment carries a console route.
import { useEffect } from 'react';
import type { ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';
import { consoleTitle } from './console-route.js';
import { ConsoleView } from './ConsoleView.js';

export function ConsoleWindow({ target }: { target: ConsoleTargetArgs }) {
  const title = consoleTitle(target);
  useEffect(() => {
    document.title = `${title} · Proxdeck`;
  }, [title]);
  return (
    <div className="console-window" data-testid="console-window">
      <ConsoleView target={target} title={title} />
    </div>
  );
}
