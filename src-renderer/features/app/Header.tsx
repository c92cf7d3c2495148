// Top bar: app name, and the version and host kind main reported through app.version.
import { useAppStore } from './app-store.js';

export function Header() {
  const info = useAppStore((s) => s.info);
  return (
    <header className="app-header" data-testid="app-header">
      <div className="brand">
        <img src="./icon.svg" alt="" width={22} height={22} />
        <span className="brand-name">Proxdeck</span>
      </div>
      <div className="app-meta">
        {info ? (
          <span data-testid="app-version">
            {info.name} {info.version} · {info.host === 'web' ? 'web host' : 'desktop'}
          </span>
        ) : (
          <span className="muted" data-testid="app-version-pending">
            connecting…
          </span>
        )}
      </div>
    </header>
  );
}
