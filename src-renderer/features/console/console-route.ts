// The detached console's address: the app URL whose fragment names the console target (and keeps the web host's
// launch secret), so a second window can show just that console.
import type { ConsoleKind, ConsoleTargetArgs } from '../../../src-shared/ipc/channels/console.js';
import { consoleRouteHash } from '../../../src-shared/console/console-route.js';

export { consoleRouteHash, parseConsoleRoute } from '../../../src-shared/console/console-route.js';

export function consoleTitle(t: ConsoleTargetArgs): string {
  return t.type === 'node'
    ? `Shell on ${t.node}`
    : `${t.type === 'lxc' ? 'CT' : 'VM'} ${t.vmid ?? ''} on ${t.node}`;
}

/** xterm.js for node shells and containers (copy, paste, scrollback, search); noVNC for VMs. */
export function defaultConsoleKind(type: ConsoleTargetArgs['type']): ConsoleKind {
  return type === 'qemu' ? 'vnc' : 'term';
}

/** The detached window's title: "VM 104 · dns-05 — lab", "Shell · pve1 — lab". */
export function consoleWindowTitle(t: ConsoleTargetArgs, guestName?: string, cluster?: string): string {
  const what =
    t.type === 'node'
      ? `Shell · ${t.node}`
      : `${t.type === 'lxc' ? 'CT' : 'VM'} ${t.vmid ?? ''}${guestName ? ` · ${guestName}` : ''}`;
  return cluster ? `${what} — ${cluster}` : what;
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
