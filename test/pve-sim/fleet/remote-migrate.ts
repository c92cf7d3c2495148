// Cross-cluster migration between two simulators. The source's remote_migrate task talks to the target over real HTTPS
// with the given API token, pinned to the endpoint's fingerprint, and opens an mtunnel there (the target checks
// VM.Allocate and Sys.Incoming and the mapped storages/bridges). The disk and config stream of PVE's websocket tunnel
// is stood in for by an in-process hand-over keyed by the tunnel ticket.
import { randomBytes } from 'node:crypto';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { PveHttpError, type HandlerRegistry } from '../http/types.js';
import type { Guest, GuestConfig, GuestType } from '../cluster/model.js';
import { newGuest } from '../cluster/generate.js';
import { powerOff, powerOn } from '../cluster/power.js';
import { assertUnlocked, isRunning } from '../cluster/state.js';
import { KINDS, fail, flag, guestOf, num, optNum, optStr, str, type SimCore } from '../handlers/common.js';

/** open tunnels of every simulator in this process: ticket -> receive the guest */
const tunnels = new Map<string, (conf: GuestConfig, running: boolean) => void>();

interface Endpoint {
  apitoken: string;
  host: string;
  port: number;
  fingerprint?: string;
}

function parseEndpoint(raw: string): Endpoint {
  const kv = new Map<string, string>();
  for (const part of raw.split(',')) {
    const i = part.indexOf('=');
    if (i > 0) kv.set(part.slice(0, i), part.slice(i + 1));
  }
  const apitoken = kv.get('apitoken');
  const host = kv.get('host');
  if (!apitoken || !host) throw fail(`target-endpoint needs apitoken and host`);
  const fp = kv.get('fingerprint');
  return { apitoken, host, port: Number(kv.get('port') ?? 8006), ...(fp ? { fingerprint: fp } : {}) };
}

/** "src:dst,src2:dst2", a single id (all map to it) or "1" (identity) */
function mapper(raw: string): (id: string) => string {
  if (raw === '1') return (id) => id;
  const pairs = raw.split(',').map((p) => p.split(':') as [string, string?]);
  if (pairs.length === 1 && pairs[0]![1] === undefined) return () => pairs[0]![0];
  const m = new Map(pairs.map(([a, b]) => [a, b ?? a]));
  return (id) => {
    const to = m.get(id);
    if (!to) throw new Error(`no mapping for '${id}'`);
    return to;
  };
}

function remoteCall(
  ep: Endpoint,
  method: 'GET' | 'POST',
  path: string,
  body?: Record<string, string>,
): Promise<unknown> {
  const payload = body ? new URLSearchParams(body).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: ep.host,
        port: ep.port,
        method,
        path: `/api2/json${path}`,
        rejectUnauthorized: false,
        headers: {
          Authorization: ep.apitoken,
          ...(payload ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (res) => {
        const sock = res.socket as TLSSocket;
        const fp = sock.getPeerCertificate().fingerprint256;
        if (ep.fingerprint && fp?.toUpperCase() !== ep.fingerprint.toUpperCase()) {
          res.destroy();
          reject(new Error(`fingerprint mismatch: ${fp ?? 'none'}`));
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          if ((res.statusCode ?? 500) >= 300)
            reject(new Error(`${res.statusCode} ${res.statusMessage ?? ''} ${text}`.trim()));
          else resolve((JSON.parse(text) as { data: unknown }).data);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function remapConf(
  conf: GuestConfig,
  storage: (id: string) => string,
  bridge: (id: string) => string,
  from: number,
  to: number,
): GuestConfig {
  const out: GuestConfig = {};
  for (const [k, v] of Object.entries(conf)) {
    if (typeof v !== 'string' || k === 'lock') {
      if (k !== 'lock') out[k] = v;
      continue;
    }
    let x = v;
    if (/^(scsi|virtio|sata|ide|efidisk|tpmstate)\d+$|^rootfs$|^mp\d+$/.test(k) && !v.includes('media=cdrom'))
      x = x
        .replace(/^([A-Za-z][\w.-]*):/, (_m, s: string) => `${storage(s)}:`)
        .replaceAll(`-${from}-`, `-${to}-`);
    if (/^net\d+$/.test(k)) x = x.replace(/bridge=([\w.-]+)/, (_m, b: string) => `bridge=${bridge(b)}`);
    out[k] = x;
  }
  return out;
}

function remoteMigrate(
  core: SimCore,
  req: Parameters<Parameters<HandlerRegistry['add']>[2]>[0],
  g: Guest,
  type: GuestType,
): string {
  const ep = parseEndpoint(str(req, 'target-endpoint'));
  const storage = mapper(str(req, 'target-storage'));
  const bridge = mapper(str(req, 'target-bridge'));
  const targetVmid = optNum(req, 'target-vmid') ?? g.vmid;
  assertUnlocked(g);
  const running = isRunning(g);
  if (type === 'qemu' && running && !flag(req, 'online'))
    throw fail(`can't migrate running VM without --online`);
  if (type === 'lxc' && running && !flag(req, 'restart'))
    throw fail(`can't migrate running container without --restart`);
  const del = flag(req, 'delete');
  const stores = new Set<string>();
  const bridges = new Set<string>();
  const conf = remapConf(
    g.conf,
    (s) => (stores.add(storage(s)), storage(s)),
    (b) => (bridges.add(bridge(b)), bridge(b)),
    g.vmid,
    targetVmid,
  );
  return core.tasks.start({
    node: g.node,
    type: type === 'qemu' ? 'qmigrate' : 'vzmigrate',
    id: String(g.vmid),
    principal: req.principal,
    run: async (t) => {
      t.log(
        `remote migration of ${type === 'qemu' ? 'VM' : 'CT'} ${g.vmid} to ${ep.host}:${ep.port} as ${targetVmid}`,
      );
      await t.withLock(g, 'migrate', async () => {
        const nodes = (await remoteCall(ep, 'GET', '/nodes')) as Array<{ node: string; status: string }>;
        const tnode = nodes.find((n) => n.status === 'online')?.node;
        if (!tnode) throw new Error('no online node on the target cluster');
        const tunnel = (await remoteCall(ep, 'POST', `/nodes/${tnode}/${type}/${targetVmid}/mtunnel`, {
          ...(stores.size ? { storages: [...stores].join(',') } : {}),
          ...(bridges.size ? { bridges: [...bridges].join(',') } : {}),
        })) as { ticket: string };
        t.log(`tunnel to ${tnode} established`);
        await t.wait();
        const receive = tunnels.get(tunnel.ticket);
        if (!receive) throw new Error('tunnel closed by the target');
        receive(conf, running);
        if (running) powerOff(g, core.state.now());
      });
      if (del) core.state.guests.delete(g.vmid);
      core.state.bump();
      t.log('migration finished successfully');
    },
  });
}

function openTunnel(
  core: SimCore,
  req: Parameters<Parameters<HandlerRegistry['add']>[2]>[0],
  type: GuestType,
): Record<string, string> {
  const node = core.state.node(str(req, 'node')).name;
  const vmid = num(req, 'vmid');
  if (core.state.guests.has(vmid))
    throw fail(`unable to create ${type === 'qemu' ? 'VM' : 'CT'} ${vmid}: config file already exists`);
  for (const s of (optStr(req, 'storages') ?? '').split(',').filter(Boolean)) core.state.storage(s);
  for (const b of (optStr(req, 'bridges') ?? '').split(',').filter(Boolean))
    if (!/^vmbr\d+$/.test(b)) throw new PveHttpError(500, `bridge '${b}' does not exist\n`);
  const ticket = randomBytes(16).toString('hex');
  let done: () => void = () => {};
  const received = new Promise<void>((resolve) => (done = resolve));
  tunnels.set(ticket, (conf, running) => {
    const g = newGuest(vmid, type, node, conf, vmid * 7919);
    core.state.guests.set(vmid, g);
    if (running) powerOn(g, core.state.now());
    core.state.bump();
    done();
  });
  const upid = core.tasks.start({
    node,
    type: type === 'qemu' ? 'qmtunnel' : 'vztunnel',
    id: String(vmid),
    principal: req.principal,
    run: async () => {
      const timeout = new Promise<void>((_r, reject) =>
        setTimeout(() => reject(new Error('tunnel timed out')), 60_000).unref(),
      );
      try {
        await Promise.race([received, timeout]);
      } finally {
        tunnels.delete(ticket);
      }
    },
  });
  return { ticket, socket: `/run/${type === 'qemu' ? 'qemu-server' : 'lxc'}/${vmid}.mtunnel`, upid };
}

export function registerRemoteMigrate(reg: HandlerRegistry, core: SimCore): void {
  for (const type of KINDS) {
    reg.add('POST', `/nodes/{node}/${type}/{vmid}/remote_migrate`, (req) =>
      remoteMigrate(core, req, guestOf(core, req, type), type),
    );
    reg.add('POST', `/nodes/{node}/${type}/{vmid}/mtunnel`, (req) => openTunnel(core, req, type));
  }
}
