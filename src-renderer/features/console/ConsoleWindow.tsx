// A window that shows only one console (opened by Detach); main.tsx renders it instead of the app shell when the
// URL fragment carries a console route. Its title names the guest and the cluster: "VM 104 · dns-05 — lab".
import { useCallback, useEffect, useState } from 'react';
import type { ConsoleOpened, ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';
import { getBridge } from '../../bridge.js';
import { consoleTitle, consoleWindowTitle } from './console-route.js';
import { ConsolePanel } from './ConsolePanel.js';

export function ConsoleWindow({ target }: { target: ConsoleTargetArgs }) {
  const [guestName, setGuestName] = useState<string | undefined>();
  const [cluster, setCluster] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    void getBridge()
      .invoke('profiles.list', {})
      .then((r) => {
        if (live && r.ok) setCluster(r.value.profiles.find((p) => p.id === target.profileId)?.name);
      });
    return () => {
      live = false;
    };
  }, [target.profileId]);
  const title = consoleWindowTitle(target, guestName, cluster);
  useEffect(() => {
    document.title = title;
  }, [title]);
  const onOpened = useCallback((o: ConsoleOpened) => setGuestName(o.guestName), []);
  return (
    <div className="console-window" data-testid="console-window">
      <ConsolePanel target={target} title={consoleTitle(target)} onOpened={onOpened} />
    </div>
  );
}
