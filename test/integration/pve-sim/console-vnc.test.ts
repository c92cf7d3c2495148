// The simulator's consoles over real HTTPS/WSS: vncproxy replies, tickets, and the bridge to a real QEMU VNC server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import {
  login,
  openVncWebSocket,
  qemuDescendants,
  vncReply,
  waitUntil,
  type SimClient,
  type VncReply,
} from './console-client.js';

const ROOT_PW = 'console-test-pw';
const resources = z.object({
  data: z.array(z.object({ vmid: z.number(), node: z.string(), type: z.string(), status: z.string() })),
});

let sim: RunningSim;
let root: SimClient;
let clock = Date.now();
let guests: z.infer<typeof resources>['data'];

const guest = (type: string, status: string): { vmid: number; node: string } => {
  const g = guests.find((x) => x.type === type && x.status === status);
  if (!g) throw new Error(`no ${status} ${type} in the default cluster`);
  return g;
};
const cookie = (): Record<string, string> => ({ Cookie: `PVEAuthCookie=${encodeURIComponent(root.ticket)}` });

async function vncproxy(type: 'qemu' | 'lxc', g: { vmid: number; node: string }): Promise<VncReply> {
  const res = await root.call('POST', `/nodes/${g.node}/${type}/${g.vmid}/vncproxy`, { websocket: 1 });
  expect(res.status).toBe(200);
  return vncReply.parse(z.object({ data: z.unknown() }).parse(res.body).data);
}

const wsPath = (type: string, g: { vmid: number; node: string }): string =>
  `/nodes/${g.node}/${type}/${g.vmid}/vncwebsocket`;

beforeAll(async () => {
  sim = await startSimulator({ rootPassword: ROOT_PW, controlPort: false, now: () => clock });
  root = await login(sim.url, sim.certPem, 'root@pam', ROOT_PW);
  const res = await root.call('GET', '/cluster/resources', { type: 'vm' });
  guests = resources.parse(res.body).data;
});

afterAll(async () => {
  await root?.close();
  await sim?.close();
});

describe('vncproxy', () => {
  it('answers user, ticket, port, password, cert and a vncproxy UPID for a running VM', async () => {
    const vm = guest('qemu', 'running');
    const r = await vncproxy('qemu', vm);
    expect(r.user).toBe('root@pam');
    expect(r.password).toMatch(/^[!-~]{8}$/);
    expect(r.ticket.startsWith(`${r.password}:PVEVNC:`)).toBe(true);
    expect(r.ticket).toMatch(/^.{8}:PVEVNC:[0-9A-F]{8}::[A-Za-z0-9+/=]+$/);
    expect(r.port).toBeGreaterThanOrEqual(5900);
    expect(r.port).toBeLessThanOrEqual(5999);
    expect(r.cert).toBe(sim.certPem);
    expect(r.upid).toMatch(
      new RegExp(`^UPID:${vm.node}:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:vncproxy:${vm.vmid}:root@pam:$`),
    );
  });

  it('gives each open console its own port', async () => {
    const vm = guest('qemu', 'running');
    const [a, b] = await Promise.all([vncproxy('qemu', vm), vncproxy('qemu', vm)]);
    expect(a.port).not.toBe(b.port);
  });

  it('refuses a token without VM.Console', async () => {
    const vm = guest('qemu', 'running');
    const res = await fetchWithToken(
      `/nodes/${vm.node}/qemu/${vm.vmid}/vncproxy`,
      'auditor@pve!ro=0a3e6c2d-91b4-4f57-8e2a-3c5d7f9b1e02',
    );
    expect(res.status).toBe(403);
  });
});

describe('vncwebsocket', () => {
  it('bridges to the real QEMU VNC server: the RFB 3.8 banner arrives over subprotocol binary', async () => {
    const vm = guest('qemu', 'running');
    const r = await vncproxy('qemu', vm);
    const out = await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), r.port, r.ticket, cookie());
    if (out.kind !== 'open') throw new Error(`not opened: ${JSON.stringify(out)}`);
    expect(out.protocol).toBe('binary');
    expect((await out.firstMessage).toString('latin1')).toBe('RFB 003.008\n');
    // the client's version reply is relayed too: QEMU answers with its security types (VNC auth = 2)
    const types = new Promise<Buffer>((resolve) => out.ws.once('message', (d: Buffer) => resolve(d)));
    out.ws.send(Buffer.from('RFB 003.008\n', 'latin1'));
    expect([...(await types)]).toEqual([1, 2]);
    out.ws.close();
    await out.closed;
  });

  it('accepts Authorization: PVEAuthCookie= and API tokens with VM.Console', async () => {
    const vm = guest('qemu', 'running');
    const r1 = await vncproxy('qemu', vm);
    const byHeader = await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), r1.port, r1.ticket, {
      Authorization: `PVEAuthCookie=${root.ticket}`,
    });
    expect(byHeader.kind).toBe('open');
    if (byHeader.kind === 'open') byHeader.ws.close();

    const token = 'PVEAPIToken=support@pve!console=7b1d4e8f-3a6c-4d92-b5e1-9f2a4c6d8e03';
    const res = await fetchWithToken(
      `/nodes/${vm.node}/qemu/${vm.vmid}/vncproxy`,
      token.slice('PVEAPIToken='.length),
    );
    expect(res.status).toBe(200);
    const r2 = vncReply.parse(res.data);
    expect(r2.user).toBe('support@pve!console');
    const byToken = await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), r2.port, r2.ticket, {
      Authorization: token,
    });
    if (byToken.kind !== 'open') throw new Error(`token console not opened: ${JSON.stringify(byToken)}`);
    expect((await byToken.firstMessage).toString('latin1')).toBe('RFB 003.008\n');
    byToken.ws.close();
    // the ticket is bound to its user: root cannot use the token's ticket
    const r3 = vncReply.parse(
      (await fetchWithToken(`/nodes/${vm.node}/qemu/${vm.vmid}/vncproxy`, token.slice(12))).data,
    );
    expect(
      await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), r3.port, r3.ticket, cookie()),
    ).toMatchObject({ kind: 'http', status: 401 });
  });

  it('refuses a wrong ticket, a ticket for another port, and another guest with 401', async () => {
    const vm = guest('qemu', 'running');
    const r = await vncproxy('qemu', vm);
    const refused = { kind: 'http', status: 401, message: 'permission denied - invalid PVEVNC ticket' };
    const forged = r.ticket.replace(/::.*/, '::AAAA');
    expect(
      await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), r.port, forged, cookie()),
    ).toEqual(refused);
    const other = r.port === 5999 ? 5998 : r.port + 1;
    expect(
      await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), other, r.ticket, cookie()),
    ).toEqual(refused);
    const vm2 = guests.find((g) => g.type === 'qemu' && g.vmid !== vm.vmid && g.node === vm.node);
    if (vm2)
      expect(
        await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm2), r.port, r.ticket, cookie()),
      ).toEqual(refused);
  });

  it('refuses a ticket older than 40 s and accepts it just before', async () => {
    const vm = guest('qemu', 'running');
    const a = await vncproxy('qemu', vm);
    const b = await vncproxy('qemu', vm);
    clock += 39_000;
    const ok = await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), a.port, a.ticket, cookie());
    clock += 2_000;
    const late = await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), b.port, b.ticket, cookie());
    clock -= 41_000;
    expect(ok.kind).toBe('open');
    if (ok.kind === 'open') ok.ws.close();
    expect(late).toMatchObject({ kind: 'http', status: 401 });
  });

  it('serves one client per vncproxy call: a second connection is dropped', async () => {
    const vm = guest('qemu', 'running');
    const r = await vncproxy('qemu', vm);
    const first = await openVncWebSocket(
      sim.url,
      sim.certPem,
      wsPath('qemu', vm),
      r.port,
      r.ticket,
      cookie(),
    );
    expect(first.kind).toBe('open');
    expect(
      await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), r.port, r.ticket, cookie()),
    ).toEqual({ kind: 'dropped' });
    if (first.kind === 'open') first.ws.close();
  });

  it('a stopped guest: vncproxy answers, the WebSocket closes at once and the task fails', async () => {
    const vm = guest('qemu', 'stopped');
    const r = await vncproxy('qemu', vm);
    const out = await openVncWebSocket(sim.url, sim.certPem, wsPath('qemu', vm), r.port, r.ticket, cookie());
    if (out.kind === 'open') {
      await expect(out.firstMessage).rejects.toThrow();
    } else {
      expect(out.kind).toBe('dropped');
    }
    const status = await root.call('GET', `/nodes/${vm.node}/tasks/${encodeURIComponent(r.upid)}/status`);
    expect(status.body).toMatchObject({ data: { status: 'stopped', exitstatus: 'Failed to run vncproxy.' } });
  });

  it('answers GET vncwebsocket without upgrade with the port as a string', async () => {
    const vm = guest('qemu', 'running');
    const r = await vncproxy('qemu', vm);
    const res = await root.call('GET', wsPath('qemu', vm), { port: r.port, vncticket: r.ticket });
    expect(res).toEqual({ status: 200, body: { data: { port: String(r.port) } } });
  });
});

describe('QEMU processes', () => {
  it('reuses one QEMU per running VM and stops it when the VM stops', async () => {
    const vm =
      guests.filter((g) => g.type === 'qemu' && g.status === 'running')[1] ?? guest('qemu', 'running');
    const before = qemuDescendants().length;
    await vncproxy('qemu', vm);
    const started = qemuDescendants();
    expect(started.length).toBe(before + 1);
    await vncproxy('qemu', vm);
    expect(qemuDescendants()).toEqual(started);
    sim.cluster.control.setGuestStatus(vm.vmid, 'stopped');
    expect(await waitUntil(() => qemuDescendants().length < started.length)).toBe(true);
    sim.cluster.control.setGuestStatus(vm.vmid, 'running');
  });

  it('leaves no QEMU behind after sim.close()', async () => {
    const other = await startSimulator({ rootPassword: ROOT_PW, controlPort: false });
    const client = await login(other.url, other.certPem, 'root@pam', ROOT_PW);
    const vm = guest('qemu', 'running');
    const before = new Set(qemuDescendants());
    const res = await client.call('POST', `/nodes/${vm.node}/qemu/${vm.vmid}/vncproxy`, { websocket: 1 });
    expect(res.status).toBe(200);
    const mine = qemuDescendants().filter((p) => !before.has(p));
    expect(mine).toHaveLength(1);
    await client.close();
    await other.close();
    expect(qemuDescendants().filter((p) => mine.includes(p))).toEqual([]);
  });
});

async function fetchWithToken(
  path: string,
  tokenAndSecret: string,
): Promise<{ status: number; data: unknown }> {
  const { Agent, request } = await import('undici');
  const dispatcher = new Agent({ connect: { ca: sim.certPem } });
  try {
    const r = await request(`${sim.url}/api2/json${path}`, {
      method: 'POST',
      dispatcher,
      headers: {
        Authorization: `PVEAPIToken=${tokenAndSecret}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'websocket=1',
    });
    const body = z.object({ data: z.unknown() }).parse(await r.body.json());
    return { status: r.statusCode, data: body.data };
  } finally {
    await dispatcher.close();
  }
}
