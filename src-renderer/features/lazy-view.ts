// Loads a feature's view on first use, so the first screen's bundle holds only what that screen shows.
import { lazy, type ComponentType } from 'react';

/** `lazyView(() => import('./x/XView.js'), 'XView')`: the named export of a module, as a React.lazy component. */
export function lazyView<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): ComponentType<P> {
  return lazy<ComponentType<P>>(async () => ({ default: (await load())[name] }));
}
