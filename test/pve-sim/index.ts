// Starts the PVE simulator in-process: HTTPS API, RBAC, simulated cluster, faults, request log and control API.
import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createCluster } from './cluster/index.js';
import type { Cluster } from './cluster/types.js';
import { startControlServer } from './control/server.js';
import { createFaults, type Faults } from './faults.js';
import { registerAccessHandlers } from './handlers/access.js';
import { registerConsoleHandlers } from './handlers/console.js';
import { registerTermproxyHandlers } from './handlers/termproxy.js';
import { registerTicketHandlers } from './http/access-ticket.js';
import { createRegistry } from './http/registry.js';
import type { HandlerRegistry } from './http/types.js';
import { createSimServer } from './http/server.js';
import { createTicketSigner } from './http/tickets.js';
import { type CertPair, fingerprintOf, generateCertificate } from './http/tls.js';
import { createRequestLog, type LogRecord } from './log.js';
import { createAccessControl } from './rbac/index.js';
import type { AccessControl } from './rbac/types.js';
import { loadSchema } from './schema/load.js';
import { ConsoleSessions } from './vnc/console-sessions.js';
import { VncPool } from './vnc/vnc-pool.js';
import { VncTicketSigner } from './vnc/vnc-ticket.js';

export interface SimOptions {
  port?: number;
  nodes?: number;
  guests?: number;
  seed?: number;
  /** PVE version to answer as: "7.4" | "8.4" | "9.1" (default); shapes per version in version/profile.ts */
  version?: string;
  /** odd-but-real answers (version/quirks.ts) */
  quirks?: boolean;
  userCfg?: string;
  tokenCfg?: string;
  rootPassword?: string;
  taskDurationMs?: number;
  /** delay of every 401 (PVE: ~3 s; the API default is 0 so tests stay fast, the CLI uses 3000) */
  authFailDelayMs?: number;
  logPath?: string;
  /** port of the control API; false = none; default random */
  controlPort?: number | false;
  now?: () => number;
  schemaPath?: string;
  /** serve this certificate instead of generating one */
  cert?: CertPair;
}

export interface RunningSim {
  url: string;
  port: number;
  fingerprint: string;
  certPem: string;
  controlUrl?: string;
  /** false when schema.json was not found (less-strict mode) */
  validating: boolean;
  acl: AccessControl;
  cluster: Cluster;
  /** where handlers live; tests may register extra ones */
  registry: HandlerRegistry;
  faults: Faults;
  requestLog: LogRecord[];
  /** new connections see a new certificate (fresh self-signed unless given); returns the new fingerprint */
  swapCertificate(cert?: CertPair): Promise<string>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startSimulator(opts: SimOptions = {}): Promise<RunningSim> {
  const now = opts.now ?? Date.now;
  const schema = loadSchema(opts.schemaPath);
  const acl = createAccessControl({
    ...(opts.userCfg !== undefined && { userCfg: opts.userCfg }),
    ...(opts.tokenCfg !== undefined && { tokenCfg: opts.tokenCfg }),
    ...(opts.rootPassword !== undefined && { rootPassword: opts.rootPassword }),
    now,
  });
  const cluster = createCluster(
    {
      nodes: opts.nodes ?? 3,
      guests: opts.guests ?? 40,
      seed: opts.seed ?? 1,
      version: opts.version ?? '9.1',
      taskDurationMs: opts.taskDurationMs ?? 300,
      now,
      ...(opts.quirks ? { quirks: true } : {}),
    },
    acl,
  );
  const registry = createRegistry(schema.router, schema.validating);
  const tickets = createTicketSigner(now);
  registerAccessHandlers(registry, acl, {
    poolMembers: (poolid, req) => {
      const pool = acl.pools().get(poolid);
      const type = req.params['type'];
      return pool
        ? cluster.poolMembers(pool.vms, pool.storage, typeof type === 'string' ? type : undefined)
        : [];
    },
    vmExists: (vmid) => cluster.guestStatus?.(vmid) !== undefined,
  });
  registerTicketHandlers(registry, { acl, tickets, now, clusterName: () => cluster.name });
  cluster.registerHandlers(registry);
  const vnc = new VncPool();
  // VNC consoles and termproxy share PVE's port range 5900–5999 and the VNC ticket key
  const consoles = { sessions: new ConsoleSessions(), signer: new VncTicketSigner() };
  registerConsoleHandlers(registry, { cluster, acl, vnc, certPem: () => sim.certPem, now, ...consoles });
  registerTermproxyHandlers(registry, { cluster, acl, registry, now, ...consoles });
  const faults = createFaults(opts.seed ?? 1, {
    revokeToken: (id) => acl.revokeToken(id),
    setNodeOnline: (node, online) => cluster.control.setNodeOnline(node, online),
  });
  const log = createRequestLog(opts.logPath ?? process.env.PVE_SIM_LOG);
  const firstNode = cluster.control.summary().nodes[0] ?? 'pve1';
  let cert = opts.cert ?? (await generateCertificate(firstNode));
  const server = createSimServer(
    {
      router: schema.router,
      validating: schema.validating,
      acl,
      tickets,
      now,
      nodes: cluster,
      registry,
      faults,
      log,
      authFailDelayMs: opts.authFailDelayMs ?? 0,
    },
    cert,
  );
  // upgraded (WebSocket) sockets leave the HTTP layer, so closeAllConnections() alone would miss them
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  const port = await listen(server, opts.port ?? 0);
  const sim: RunningSim = {
    url: `https://127.0.0.1:${port}`,
    port,
    fingerprint: fingerprintOf(cert.cert),
    certPem: cert.cert,
    validating: schema.validating,
    acl,
    cluster,
    registry,
    faults,
    requestLog: log.records,
    async swapCertificate(next) {
      cert = next ?? (await generateCertificate(firstNode));
      server.setSecureContext({ cert: cert.cert, key: cert.key });
      sim.fingerprint = fingerprintOf(cert.cert);
      sim.certPem = cert.cert;
      return sim.fingerprint;
    },
    async close() {
      await Promise.all([
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        }),
        control?.close(),
        cluster.stop(),
        vnc.close(),
      ]);
    },
  };
  const control =
    opts.controlPort === false ? undefined : await startControlServer(sim, opts.controlPort ?? 0);
  if (control) sim.controlUrl = control.url;
  return sim;
}
