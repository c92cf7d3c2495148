// The app shell: header, data-driven nav, the active feature's view, and the toast area.
import { Suspense, useEffect } from 'react';
import { Placeholder } from './components/Placeholder.js';
import { Toasts } from './components/Toasts.js';
import { Header } from './features/app/Header.js';
import { Sidebar } from './features/app/Sidebar.js';
import { useAppStore } from './features/app/app-store.js';
import { features } from './features/registry.js';
import { request } from './request.js';

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

  const active = features.find((f) => f.id === activeId) ?? features[0];
  const View = active?.view;
  return (
    <div className="app" data-testid="app-shell">
      <Header />
      <div className="app-body">
        <Sidebar />
        <main className="content" data-testid={`view-${active?.id ?? 'none'}`}>
          {View ? (
            <Suspense fallback={<p className="muted">Loading {active.label}…</p>}>
              <View />
            </Suspense>
          ) : (
            active && <Placeholder title={active.label} hint={active.summary} />
          )}
        </main>
      </div>
      <Toasts />
    </div>
  );
}
