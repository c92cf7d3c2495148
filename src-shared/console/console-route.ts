// The detached console's fragment (#console=<target JSON>), shared by the renderer that builds and reads it and the
// Electron shell that lets exactly such a window open.
import { ConsoleTargetArgs } from '../ipc/channels/console.js';

export const CONSOLE_ROUTE_KEY = 'console';

/** The fragment for a detached console, keeping every other fragment parameter (the web host's secret). */
export function consoleRouteHash(target: ConsoleTargetArgs, currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  params.set(CONSOLE_ROUTE_KEY, JSON.stringify(target));
  return `#${params.toString()}`;
}

/** The console target a window was opened for, or undefined for the normal app window. */
export function parseConsoleRoute(hash: string): ConsoleTargetArgs | undefined {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(CONSOLE_ROUTE_KEY);
  if (!raw) return undefined;
  try {
    const parsed = ConsoleTargetArgs.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
