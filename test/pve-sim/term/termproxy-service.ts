// What termproxy and its vncwebsocket do in the simulator: the ticket and worker task, then, on the WebSocket,
// PVE's termproxy handshake ("user:ticket\n" checked with path and privilege, answered "OK") and a fake shell.
import type { Cluster } from '../cluster/types.js';
import { principalOf } from '../handlers/console.js';
import { PveHttpError, unknownNodeError, type HandlerRegistry, type Principal } from '../http/types.js';
import type { AccessControl } from '../rbac/types.js';
import { authidOf, INVALID_VNC_TICKET } from '../vnc/console-service.js';
import type { ConsoleSession, ConsoleSessions } from '../vnc/console-sessions.js';
import type { VncTicketSigner } from '../vnc/vnc-ticket.js';
import { acceptWebSocket, type RawUpgrade } from '../vnc/ws-bridge.js';
import { FakeShell } from './fake-shell.js';
import { readShellHost } from './shell-host.js';
import { TermproxyParser } from './termproxy-wire.js';

export type TermTarget =
  | { kind: 'qemu' | 'lxc'; node: string; vmid: number; serial?: string }
  | { kind: 'node'; node: string; cmd?: string };

export interface TermproxyReply {
  user: string;
  ticket: string;
  port: number;
  upid: string;
}

export interface TermproxyDeps {
  cluster: Cluster;
  acl: AccessControl;
  sessions: ConsoleSessions;
  signer: VncTicketSigner;
  /** the simulator's own handlers, read for the shell's host name, version and uptime */
  registry: HandlerRegistry;
  now?: () => number;
  /** termproxy waits this long for the "user:ticket" line (PVE: 10 s) */
  ticketWindowMs?: number;
}

const TICKET_WINDOW_MS = 10_000;
const KEY_PREFIX = 'term:';
const keyOf = (t: TermTarget): string =>
  `${KEY_PREFIX}${t.kind === 'node' ? `node-${t.node}` : `vm-${t.vmid}`}`;
const aclPath = (t: TermTarget): string => (t.kind === 'node' ? `/nodes/${t.node}` : `/vms/${t.vmid}`);
const privilegeOf = (t: TermTarget): string => (t.kind === 'node' ? 'Sys.Console' : 'VM.Console');

/** Reads the first line of the socket: "user:ticket". Rejects on close or after the window. */
function readTicketLine(
  ws: import('ws').WebSocket,
  windowMs: number,
): Promise<{ user: string; ticket: string; rest: Buffer }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => finish(new Error('failed reading ticket: timed out')), windowMs);
    const finish = (err: Error | undefined, value?: { user: string; ticket: string; rest: Buffer }): void => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      ws.off('close', onClose);
      if (err || !value) reject(err ?? new Error('no ticket'));
      else resolve(value);
    };
    const onClose = (): void =>
      finish(new Error('failed reading ticket: connection closed before authentication'));
    const onMessage = (data: Buffer | ArrayBuffer | Buffer[]): void => {
      buf = Buffer.concat([buf, Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)]);
      const nl = buf.indexOf(0x0a);
      if (nl < 0) return;
      const line = buf.subarray(0, nl).toString('utf8');
      const colon = line.indexOf(':');
      if (colon < 0) return finish(new Error('failed reading ticket: authentication data is invalid'));
      finish(undefined, {
        user: line.slice(0, colon),
        ticket: line.slice(colon + 1),
        rest: buf.subarray(nl + 1),
      });
    };
    ws.on('message', onMessage);
    ws.on('close', onClose);
  });
}

export class TermproxyService {
  private readonly now: () => number;

  constructor(private readonly deps: TermproxyDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** POST .../termproxy: checks what PVE checks in the handler (the core already checked the privilege). */
  open(target: TermTarget, principal: Principal | undefined): TermproxyReply {
    const user = authidOf(principal);
    if (target.kind === 'node') {
      // Nodes.pm verify_username(get_user()): a token id is not a user name
      if (principal?.kind === 'token')
        throw new PveHttpError(500, `value '${user}' does not look like a valid user name\n`);
      if (target.cmd !== undefined && target.cmd !== 'login' && user !== 'root@pam')
        throw new PveHttpError(403, 'Permission check failed (user != root@pam)\n');
    }
    this.guestRunning(target);
    const external = this.deps.cluster.startExternalTask?.({
      node: target.node,
      type: target.kind === 'node' ? 'vncshell' : 'vncproxy',
      id: target.kind === 'node' ? '' : String(target.vmid),
      principal,
    });
    if (!external) throw new PveHttpError(501, 'termproxy needs Cluster.startExternalTask\n');
    const session = this.deps.sessions.open(keyOf(target), (port) => {
      external.log(`starting termproxy on port ${port}`);
      return external;
    });
    const ticket = this.deps.signer.issue(
      { authid: user, path: aclPath(target), port: session.port },
      this.nowSec(),
    );
    return { user, ticket, port: session.port, upid: external.upid };
  }

  /** Is the console waiting on this port a termproxy (and not a VNC) one? */
  owns(port: number): boolean {
    return this.deps.sessions.peek(port)?.key.startsWith(KEY_PREFIX) ?? false;
  }

  /** vncwebsocket upgrade for a termproxy port: pveproxy's ticket check, then termproxy's own handshake. */
  async connect(
    target: TermTarget,
    principal: Principal | undefined,
    params: { port: number; vncticket: string },
    raw: RawUpgrade,
  ): Promise<void> {
    const scope = { authid: authidOf(principal), path: aclPath(target), port: params.port };
    if (this.deps.signer.verify(params.vncticket, scope, this.nowSec()) === undefined)
      throw new PveHttpError(401, INVALID_VNC_TICKET);
    const running = this.guestRunning(target);
    const session = this.deps.sessions.claim(params.port);
    if (!session || session.key !== keyOf(target)) {
      raw.socket.destroy();
      return;
    }
    const ws = await acceptWebSocket(raw);
    ws.on('error', () => {});
    const fail = (why: string): void => {
      session.task.log(why);
      this.deps.sessions.end(session, why);
      ws.terminate();
    };
    let first: Awaited<ReturnType<typeof readTicketLine>>;
    try {
      first = await readTicketLine(ws, this.deps.ticketWindowMs ?? TICKET_WINDOW_MS);
    } catch (err) {
      return fail(err instanceof Error ? err.message : String(err));
    }
    if (!this.authenticate(target, first.user, first.ticket, params.port))
      return fail('invalid authentication - 401 Unauthorized');
    ws.send(Buffer.from('OK'), { binary: true });
    if (!running) return this.endWith(ws, session, `${this.label(target)} not running\r\n`);
    const host = await readShellHost(this.deps.registry, this.deps.acl, target, first.user, this.now);
    if (!host) return this.endWith(ws, session, 'unable to find a serial interface\r\n');
    this.runShell(
      ws,
      session,
      new FakeShell(
        host,
        (text) => ws.send(Buffer.from(text), { binary: true }),
        () => ws.close(1000),
      ),
      first.rest,
    );
  }

  private runShell(
    ws: import('ws').WebSocket,
    session: ConsoleSession,
    shell: FakeShell,
    rest: Buffer,
  ): void {
    const parser = new TermproxyParser();
    const feed = (data: Buffer): void => {
      for (const msg of parser.push(data)) {
        if (msg.type === 'data') shell.input(msg.data);
        else shell.resize(msg.cols, msg.rows);
      }
    };
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) =>
      feed(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer)),
    );
    ws.on('close', () => this.deps.sessions.end(session, 'OK'));
    shell.start();
    feed(rest);
  }

  private endWith(ws: import('ws').WebSocket, session: ConsoleSession, text: string): void {
    ws.send(Buffer.from(text), { binary: true });
    ws.close(1000);
    this.deps.sessions.end(session, 'OK');
  }

  /** termproxy's POST /access/ticket check: the ticket for this user, path and port, and the privilege there */
  private authenticate(target: TermTarget, user: string, ticket: string, port: number): boolean {
    const path = aclPath(target);
    if (this.deps.signer.verify(ticket, { authid: user, path, port }, this.nowSec()) === undefined)
      return false;
    return this.deps.acl.privileges(principalOf(user), path).has(privilegeOf(target));
  }

  /** load_config's errors for a missing guest; true when the guest runs (nodes always "run"). */
  private guestRunning(target: TermTarget): boolean {
    const { cluster } = this.deps;
    if (target.kind === 'node') {
      if (!cluster.hasNode(target.node)) throw unknownNodeError(target.node);
      return true;
    }
    const g = cluster.guestStatus?.(target.vmid);
    if (!g || g.node !== target.node || g.type !== target.kind) {
      const dir = target.kind === 'qemu' ? 'qemu-server' : 'lxc';
      throw new PveHttpError(
        500,
        `Configuration file 'nodes/${target.node}/${dir}/${target.vmid}.conf' does not exist\n`,
      );
    }
    return g.status === 'running';
  }

  private label(target: TermTarget): string {
    return target.kind === 'node' ? target.node : `${target.kind === 'lxc' ? 'CT' : 'VM'} ${target.vmid}`;
  }

  private nowSec(): number {
    return Math.floor(this.now() / 1000);
  }
}
