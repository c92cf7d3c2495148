// The app shell: header, data-driven nav, the active feature's view, notifications, palette and shortcuts.
import { AppShell } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Suspense, useEffect } from 'react';
import { Placeholder } from './components/Placeholder.js';
import { Header } from './features/app/Header.js';
import { Sidebar } from './features/app/Sidebar.js';
import { useAppStore } from './features/app/app-store.js';
import { features } from './features/registry.js';
import { request } from './request.js';
import { clearPageErrors } from './ui/notifications/notify.js';
import { CommandPalette } from './ui/palette/CommandPalette.js';
import { ShortcutsOverlay } from './ui/shell/ShortcutsOverlay.js';

export function App() {
  const activeId = useAppStore((s) => s.activeFeature);
  const setInfo = useAppStore((s) => s.setInfo);

  useEffect(() => {
    let cancelled = false;
    void request('app.version', {}, 'Cannot reach Proxdeck').then((info) => {
      if (info && !cancelled) setInfo(info);
    });
    return () => {
      cancelled = true;
    };
  }, [setInfo]);

  // errors belong to the view that raised them: leaving it closes them (the notification centre keeps them)
  useEffect(() => () => clearPageErrors(activeId), [activeId]);

  const active = features.find((f) => f.id === activeId) ?? features[0];
  const View = active?.view;
  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 210, breakpoint: 0 }}
      padding="md"
      data-testid="app-shell"
    >
      <AppShell.Header>
        <Header />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Sidebar />
      </AppShell.Navbar>
      <AppShell.Main className="content" data-testid={`view-${active?.id ?? 'none'}`}>
        {View ? (
          <Suspense fallback={<p className="muted">Loading {active.label}…</p>}>
            <View />
          </Suspense>
        ) : (
          active && <Placeholder title={active.label} hint={active.summary} />
        )}
      </AppShell.Main>
      <Notifications position="bottom-right" limit={5} data-testid="toasts" />
      <CommandPalette />
      <ShortcutsOverlay />
    </AppShell>
  );
}
