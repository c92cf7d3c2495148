// Left navigation, generated from the feature registry.
import { features } from '../registry.js';
import { useAppStore } from './app-store.js';

export function Sidebar() {
  const active = useAppStore((s) => s.activeFeature);
  const select = useAppStore((s) => s.setActiveFeature);
  return (
    <nav className="sidebar" aria-label="Main" data-testid="sidebar">
      <ul>
        {features.map((feature) => (
          <li key={feature.id}>
            <button
              type="button"
              className={feature.id === active ? 'nav-item active' : 'nav-item'}
              aria-current={feature.id === active ? 'page' : undefined}
              data-testid={`nav-${feature.id}`}
              onClick={() => select(feature.id)}
            >
              <span className="nav-glyph" aria-hidden="true">
                {feature.glyph}
              </span>
              <span className="nav-label">{feature.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
