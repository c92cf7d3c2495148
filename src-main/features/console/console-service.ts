// Opens and closes consoles: asks PVE for a VNC proxy, connects to it from main with the profile's credentials,
// and gives the renderer only a one-time loopback relay URL and the console's own VNC password.
import { randomUUID } from 'node:crypto';
import {
  GUEST_STOPPED,
  type ConsoleKind,
  type ConsoleOpened,
  type ConsoleTargetArgs,
} from '../../../src-shared/ipc/channels/console.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { PveCaller } from '../../pve/api/caller.js';
import {
  getGuestRunState,
  openVncProxy,
  vncPasswordOf,
  vncWebSocketPath,
  type ConsoleTarget,
} from '../../pve/api/console.js';
import { startSession, type ConsoleSession } from './console-session.js';
import { openPveWebSocket, type PveStream, type UpstreamEndpoint } from './pve-socket.js';
import { DEFAULT_RELAY_TTL_MS, startRelay, type RelayRefusal } from './relay-server.js';
import { checkTermInput, checkViewOnlyTermInput, openTermUpstream } from './term-upstream.js';

export type ConsoleClient = PveCaller & UpstreamEndpoint;

export interface ConsoleServiceDeps {
  /** the connected client of a profile (ConnectService.client) */
  client(profileId: string): ConsoleClient;
  onClosed?: (id: string, reason: string) => void;
  onRefused?: (reason: RelayRefusal) => void;
  relayTtlMs?: number;
  /** read-only profiles get no node shell and view-only guest consoles; undefined = unknown profile */
  isReadOnly?: (profileId: string) => boolean | undefined;
  /** the app's own page origins, the only browser Origins the relay admits */
  allowedOrigins?: () => Iterable<string>;
  /** audit entries for console sessions */
  onOpened?: (args: ConsoleTargetArgs, viewOnly: boolean) => Promise<void> | void;
}

export interface ConsoleService {
  open(args: ConsoleTargetArgs): Promise<ConsoleOpened>;
  close(id: string, reason?: string): Promise<boolean>;
  /** ids of the consoles still open (tests, shutdown) */
  openIds(): string[];
  closeAll(): Promise<void>;
}

export function toConsoleTarget(args: ConsoleTargetArgs): ConsoleTarget {
  if (args.type === 'node') return { kind: 'node', node: args.node };
  if (args.vmid === undefined) throw new AppFailure('bad_request', 'A guest console needs a vmid');
  return { kind: args.type, node: args.node, vmid: args.vmid };
}

function label(target: ConsoleTarget): string {
  return target.kind === 'node'
    ? `node ${target.node}`
    : `${target.kind === 'lxc' ? 'CT' : 'VM'} ${target.vmid}`;
}

export function createConsoleService(deps: ConsoleServiceDeps): ConsoleService {
  const sessions = new Map<string, ConsoleSession>();
  const ttlMs = deps.relayTtlMs ?? DEFAULT_RELAY_TTL_MS;

  /** Refuses a stopped guest; answers the guest's name (undefined for a node shell). */
  async function ensureRunning(client: PveCaller, target: ConsoleTarget): Promise<string | undefined> {
    if (target.kind === 'node') return undefined;
    const { state, name } = await getGuestRunState(client, target);
    if (state === 'stopped') {
      throw new AppFailure('conflict', `${label(target)} is not running: start it to use its console`, {
        reason: GUEST_STOPPED,
        state,
      });
    }
    return name;
  }

  /** The PVE side of the console, connected; for a VNC console also the password noVNC answers with. */
  async function openUpstream(
    client: ConsoleClient,
    target: ConsoleTarget,
    kind: ConsoleKind,
  ): Promise<{ upstream: PveStream; vncPassword?: string }> {
    if (kind === 'term') return { upstream: await openTermUpstream(client, target) };
    const proxy = await openVncProxy(client, target);
    // PVE's worker waits 10 s for this connection, so it is made now, not when the viewer shows up.
    const upstream = await openPveWebSocket(client, vncWebSocketPath(target, proxy));
    return { upstream, vncPassword: vncPasswordOf(proxy) };
  }

  return {
    async open(args) {
      const target = toConsoleTarget(args);
      const kind = args.kind ?? 'vnc';
      const readOnly = deps.isReadOnly?.(args.profileId) === true;
      if (readOnly && target.kind === 'node')
        throw new AppFailure('read_only', 'This cluster profile is read-only: node shells are not opened');
      const client = deps.client(args.profileId);
      const guestName = await ensureRunning(client, target);
      const { upstream, vncPassword } = await openUpstream(client, target, kind);
      const relay = await startRelay({
        ttlMs,
        ...(deps.onRefused ? { onRefused: deps.onRefused } : {}),
        ...(deps.allowedOrigins ? { allowedOrigins: deps.allowedOrigins } : {}),
      }).catch((err: unknown) => {
        upstream.ws.terminate();
        throw err;
      });
      const id = randomUUID();
      sessions.set(
        id,
        startSession(
          id,
          upstream,
          relay,
          (endedId, reason) => {
            sessions.delete(endedId);
            deps.onClosed?.(endedId, reason);
          },
          kind === 'term'
            ? { accept: readOnly ? checkViewOnlyTermInput : checkTermInput }
            : { viewOnly: readOnly },
        ),
      );
      await deps.onOpened?.(args, readOnly);
      return {
        id,
        kind,
        relayUrl: relay.url,
        expiresInMs: ttlMs,
        viewOnly: readOnly,
        ...(vncPassword !== undefined ? { vncPassword } : {}),
        ...(guestName !== undefined ? { guestName } : {}),
      };
    },
    async close(id, reason = 'Closed') {
      const session = sessions.get(id);
      if (!session) return false;
      await session.end(reason);
      return true;
    },
    openIds: () => [...sessions.keys()],
    async closeAll() {
      await Promise.all([...sessions.values()].map((s) => s.end('Proxdeck is shutting down')));
    },
  };
}
