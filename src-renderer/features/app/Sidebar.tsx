// Left navigation, generated from the feature registry: icon, label, and the Alt+digit shortcut of the first nine.
import { Kbd, NavLink, ScrollArea } from '@mantine/core';
import { features } from '../registry.js';
import { useAppStore } from './app-store.js';
import { navIcon } from './nav-icons.js';

export function Sidebar() {
  const active = useAppStore((s) => s.activeFeature);
  const select = useAppStore((s) => s.setActiveFeature);
  return (
    <ScrollArea component="nav" aria-label="Main" data-testid="sidebar" h="100%">
      {features.map((feature, i) => {
        const Icon = navIcon(feature.id);
        const current = feature.id === active;
        return (
          <NavLink
            key={feature.id}
            component="button"
            type="button"
            active={current}
            variant="filled"
            aria-current={current ? 'page' : undefined}
            data-testid={`nav-${feature.id}`}
            onClick={() => select(feature.id)}
            leftSection={<Icon size={16} aria-hidden />}
            label={<span className="nav-label">{feature.label}</span>}
            rightSection={
              i < 9 ? (
                <Kbd size="xs" aria-label={`Alt+${i + 1}`}>
                  Alt {i + 1}
                </Kbd>
              ) : undefined
            }
            title={feature.summary}
          />
        );
      })}
    </ScrollArea>
  );
}
