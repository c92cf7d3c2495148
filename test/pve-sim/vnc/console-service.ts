// What vncproxy, vncshell and vncwebsocket do in the simulator: tickets, the worker task, and the bridge to QEMU's VNC.
import { once } from 'node:events';
import { randomInt } from 'node:crypto';
import type { Cluster } from '../cluster/types.js';
import { formatUpid } from '../cluster/upid.js';
import { PveHttpError, type Principal } from '../http/types.js';
import { ConsoleSessions, type ConsoleSession, type ConsoleTask } from './console-sessions.js';
import type { VncPool } from './vnc-pool.js';
import { generateVncPassword, VncTicketSigner } from './vnc-ticket.js';
import { acceptWebSocket, relay, type RawUpgrade } from './ws-bridge.js';

export type ConsoleTarget =
  { kind: 'qemu' | 'lxc'; node: string; vmid: number } | { kind: 'node'; node: string };

export interface ConsoleReply {
  user: string;
  ticket: string;
  port: number;
  password?: string;
  cert: string;
  upid: string;
}

export interface ConsoleServiceDeps {
  cluster: Cluster;
  vnc: VncPool;
  /** PEM of the simulator's current certificate: the `cert` field of the reply */
  certPem: () => string;
  /** ms since epoch; the cluster's clock in tests */
  now?: () => number;
  connectWindowMs?: number;
  /** shared with the termproxy backend: one port range and one ticket key for both kinds of console */
  sessions?: ConsoleSessions;
  signer?: VncTicketSigner;
}

export const INVALID_VNC_TICKET = 'permission denied - invalid PVEVNC ticket\n';

export function authidOf(principal: Principal | undefined): string {
  if (!principal) throw new PveHttpError(401, 'no ticket\n');
  return principal.kind === 'token' ? principal.full : principal.userid;
}

const poolKey = (t: ConsoleTarget): string => (t.kind === 'node' ? `node-${t.node}` : `vm-${t.vmid}`);
const aclPath = (t: ConsoleTarget): string => (t.kind === 'node' ? `/nodes/${t.node}` : `/vms/${t.vmid}`);

export class ConsoleService {
  private readonly signer: VncTicketSigner;
  private readonly sessions: ConsoleSessions;
  private readonly now: () => number;

  constructor(private readonly deps: ConsoleServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.sessions = deps.sessions ?? new ConsoleSessions(deps.connectWindowMs);
    this.signer = deps.signer ?? new VncTicketSigner();
    deps.vnc.setLiveness((key) => this.keyAlive(key));
    deps.vnc.onClose(() => this.sessions.close());
  }

  /** POST vncproxy / vncshell. `withPassword`: VNC-protocol auth is used, so a password is generated (9.1.7+). */
  async open(
    target: ConsoleTarget,
    principal: Principal | undefined,
    withPassword: boolean,
  ): Promise<ConsoleReply> {
    const user = authidOf(principal);
    const running = this.isRunning(target);
    const session = this.sessions.open(poolKey(target), (port) =>
      this.startTask(target, principal, user, port),
    );
    const password = withPassword ? generateVncPassword() : undefined;
    const signed = this.signer.issue(
      { authid: user, path: aclPath(target), port: session.port },
      this.nowSec(),
    );
    const ticket = password === undefined ? signed : `${password}:${signed}`;
    // PVE answers only once the worker listens; here that means QEMU is up (a failure shows at connect).
    if (running) await this.deps.vnc.acquire(session.key).catch(() => undefined);
    const reply: ConsoleReply = {
      user,
      ticket,
      port: session.port,
      cert: this.deps.certPem(),
      upid: session.task.upid,
    };
    if (password !== undefined) reply.password = password;
    return reply;
  }

  /** GET vncwebsocket without an upgrade: checks the ticket and answers the port as a string, as PVE does. */
  check(
    target: ConsoleTarget,
    principal: Principal | undefined,
    port: number,
    vncticket: string,
  ): { port: string } {
    this.verifyTicket(target, principal, port, vncticket);
    this.isRunning(target);
    return { port: String(port) };
  }

  /** GET vncwebsocket with an upgrade: refuses like pveproxy, else relays to QEMU until either side closes. */
  async connect(
    target: ConsoleTarget,
    principal: Principal | undefined,
    params: { port: number; vncticket: string },
    raw: RawUpgrade,
  ): Promise<void> {
    // Errors thrown before the socket is touched become the HTTP answer (the core writes it).
    const password = this.verifyTicket(target, principal, params.port, params.vncticket);
    const running = this.isRunning(target);
    const session = this.sessions.claim(params.port);
    // pveproxy cannot reach a worker that is gone or already served a client: it just drops the connection.
    if (!session || session.key !== poolKey(target)) {
      raw.socket.destroy();
      return;
    }
    if (!running)
      return this.failBackend(
        session,
        raw,
        `${target.kind === 'lxc' ? 'CT' : 'VM'} ${'vmid' in target ? target.vmid : target.node} not running`,
      );
    try {
      const qemu = await this.deps.vnc.acquire(session.key);
      // VNC auth uses the first 8 characters: the generated password, or the ticket for ticket-only consoles.
      await qemu.setPassword(password || params.vncticket.slice(0, 8));
      const vnc = qemu.connectVnc();
      await once(vnc, 'connect');
      const ws = await acceptWebSocket(raw);
      await relay(ws, vnc);
      this.sessions.end(session, 'OK');
    } catch (err) {
      this.failBackend(session, raw, err instanceof Error ? err.message : String(err));
    }
  }

  private failBackend(session: ConsoleSession, raw: RawUpgrade, why: string): void {
    session.task.log(why);
    this.sessions.end(session, 'Failed to run vncproxy.');
    raw.socket.destroy();
  }

  /** Returns the VNC password carried by the ticket ('' for ticket-only consoles). */
  private verifyTicket(
    target: ConsoleTarget,
    principal: Principal | undefined,
    port: number,
    ticket: string,
  ): string {
    const password = this.signer.verify(
      ticket,
      { authid: authidOf(principal), path: aclPath(target), port },
      this.nowSec(),
    );
    if (password === undefined) throw new PveHttpError(401, INVALID_VNC_TICKET);
    return password;
  }

  /** Verifies a ticket for POST /access/vncticket (port optional there). */
  ticketValid(ticket: string, authid: string, path: string, port: number | undefined): boolean {
    return this.signer.verify(ticket, { authid, path, port }, this.nowSec()) !== undefined;
  }

  /** load_config's errors for a missing guest; true when the guest runs (nodes always "run"). */
  private isRunning(target: ConsoleTarget): boolean {
    const { cluster } = this.deps;
    if (target.kind === 'node') {
      if (!cluster.control.summary().nodes.includes(target.node)) {
        throw new PveHttpError(
          500,
          `hostname lookup '${target.node}' failed - failed to get address info for: ${target.node}: Name or service not known\n`,
        );
      }
      return true;
    }
    if (!cluster.guestStatus)
      throw new PveHttpError(501, 'consoles need Cluster.guestStatus (not implemented in simulator)\n');
    const g = cluster.guestStatus(target.vmid);
    if (!g || g.node !== target.node || g.type !== target.kind) {
      const dir = target.kind === 'qemu' ? 'qemu-server' : 'lxc';
      throw new PveHttpError(
        500,
        `Configuration file 'nodes/${target.node}/${dir}/${target.vmid}.conf' does not exist\n`,
      );
    }
    return g.status === 'running';
  }

  private keyAlive(key: string): boolean {
    const vm = /^vm-(\d+)$/.exec(key);
    if (!vm?.[1]) return this.deps.cluster.control.summary().nodes.includes(key.slice('node-'.length));
    return this.deps.cluster.guestStatus?.(Number(vm[1]))?.status === 'running';
  }

  private startTask(
    target: ConsoleTarget,
    principal: Principal | undefined,
    user: string,
    port: number,
  ): ConsoleTask {
    const type = target.kind === 'node' ? 'vncshell' : 'vncproxy';
    const id = target.kind === 'node' ? '' : String(target.vmid);
    const external = this.deps.cluster.startExternalTask?.({ node: target.node, type, id, principal });
    if (external) {
      external.log(`starting vnc proxy on port ${port}`);
      return external;
    }
    const upid = formatUpid({
      node: target.node,
      pid: randomInt(1, 0x3fffff),
      pstart: randomInt(1, 0xffffff),
      starttime: this.nowSec(),
      type,
      id,
      user,
    });
    return { upid, log: () => {}, finish: () => {} };
  }

  private nowSec(): number {
    return Math.floor(this.now() / 1000);
  }
}
