// The detached console's address: the app URL whose fragment names the console target (and keeps the web host's
// launch secret), so a second window can show just that console.
import { ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';

const KEY = 'console';

/** The fragment for a detached console, keeping every other fragment parameter (the web host's secret). */
export function consoleRouteHash(target: ConsoleTargetArgs, currentHash: string): string {
  const params = new URLSearchParams(currentHash.replace(/^#/, ''));
  params.set(KEY, JSON.stringify(target));
  return `#${params.toString()}`;
}

/** The console target a window was opened for, or undefined for the normal app window. */
export function parseConsoleRoute(hash: string): ConsoleTargetArgs | undefined {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get(KEY);
  if (!raw) return undefined;
  try {
    const parsed = ConsoleTargetArgs.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function consoleTitle(t: ConsoleTargetArgs): string {
  return t.type === 'node'
    ? `Shell on ${t.node}`
    : `${t.type === 'lxc' ? 'CT' : 'VM'} ${t.vmid ?? ''} on ${t.node}`;
}

/** Opens the console in its own window (same origin; Electron's shell must allow this one internal route). */
export function detachConsole(target: ConsoleTargetArgs): Window | null {
  const url = new URL(window.location.href);
  url.hash = consoleRouteHash(target, window.location.hash);
  return window.open(
    url.toString(),
    `proxdeck-console-${target.profileId}-${target.node}-${target.vmid ?? 'shell'}`,
    'popup,width=1024,height=800',
  );
}
