// The console relay against the simulator's real QEMU VNC: open, the RFB stream through the loopback relay,
// refusals (no token, wrong token, reused token, non-loopback peer, expired), close from either side, no leftovers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUEST_STOPPED } from '../../../src-shared/ipc/channels/console.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import {
  createConsoleService,
  type ConsoleService,
} from '../../../src-main/features/console/console-service.js';
import type { RelayRefusal } from '../../../src-main/features/console/relay-server.js';
import type { PveClient } from '../../../src-main/pve/client.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { qemuDescendants, waitUntil } from '../pve-sim/console-client.js';
import { connectViewer, guests, loopbackListeners, tokenClient } from './console-fixture.js';

const TOKEN = 'ops@pve!ops';
let sim: RunningSim;
let client: PveClient;
let service: ConsoleService;
const refused: RelayRefusal[] = [];
const closed = new Map<string, string>();
const closeWaiters = new Map<string, (reason: string) => void>();

function closedEvent(id: string): Promise<string> {
  const seen = closed.get(id);
  return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => closeWaiters.set(id, resolve));
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 16, seed: 5, controlPort: false });
  client = tokenClient(sim, TOKEN);
  service = createConsoleService({
    client: () => client,
    onRefused: (r) => refused.push(r),
    onClosed: (id, reason) => {
      closed.set(id, reason);
      closeWaiters.get(id)?.(reason);
    },
  });
});

afterAll(async () => {
  await service?.closeAll();
  await client?.close();
  await sim?.close();
});

const vmArgs = (g: { node: string; vmid: number }, type: 'qemu' | 'lxc' = 'qemu') => ({
  profileId: 'p',
  node: g.node,
  type,
  vmid: g.vmid,
});

describe('console relay', () => {
  it('relays the RFB stream of a running VM to a loopback viewer holding the token', async () => {
    const opened = await service.open(vmArgs(guests(sim, 'qemu', 'running')[0]!));
    expect(opened.relayUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{43}$/);
    expect(opened.vncPassword).toHaveLength(8);
    const viewer = await connectViewer(opened.relayUrl);
    if (viewer.kind !== 'open') throw new Error(`viewer ${JSON.stringify(viewer)}`);
    expect(viewer.ws.protocol).toBe('binary');
    expect((await viewer.first).toString('latin1')).toMatch(/^RFB 003\.00\d\n$/);
    // The relay stops listening once its one viewer is in.
    expect(loopbackListeners(process.pid).has(Number(new URL(opened.relayUrl).port))).toBe(false);
    viewer.ws.close();
    expect(await closedEvent(opened.id)).toMatch(/viewer closed/);
    expect(service.openIds()).not.toContain(opened.id);
  });

  it('refuses a missing token, a wrong token, a non-loopback peer and a reused token', async () => {
    const opened = await service.open(vmArgs(guests(sim, 'qemu', 'running', 2)[1]!));
    const base = opened.relayUrl.slice(0, opened.relayUrl.lastIndexOf('/') + 1);
    refused.length = 0;
    expect(await connectViewer(base)).toEqual({ kind: 'refused', status: 403 });
    expect(await connectViewer(`${base}${'A'.repeat(43)}`)).toEqual({ kind: 'refused', status: 403 });
    // Decision: only 127.0.0.1 itself is loopback enough; another local address (127.0.0.2) is refused too.
    expect(await connectViewer(opened.relayUrl, { localAddress: '127.0.0.2' })).toEqual({
      kind: 'refused',
      status: 403,
    });
    expect(refused).toEqual(['bad_token', 'bad_token', 'not_loopback']);
    const viewer = await connectViewer(opened.relayUrl);
    expect(viewer.kind).toBe('open');
    const again = await connectViewer(opened.relayUrl);
    expect(again.kind === 'failed' || (again.kind === 'refused' && again.status === 410)).toBe(true);
    if (viewer.kind === 'open') viewer.ws.close();
    await closedEvent(opened.id);
  });

  it('an unused token expires: PVE side closed, port freed, closed event sent', async () => {
    const short = createConsoleService({
      client: () => client,
      relayTtlMs: 300,
      onClosed: (id, reason) => closed.set(id, reason),
    });
    const opened = await short.open(vmArgs(guests(sim, 'qemu', 'running')[0]!));
    const port = Number(new URL(opened.relayUrl).port);
    expect(loopbackListeners(process.pid).has(port)).toBe(true);
    expect(await waitUntil(() => closed.has(opened.id), 5_000)).toBe(true);
    expect(closed.get(opened.id)).toMatch(/in time/);
    expect(loopbackListeners(process.pid).has(port)).toBe(false);
    expect((await connectViewer(opened.relayUrl)).kind).toBe('failed');
  });

  it('closing from main ends the viewer too', async () => {
    const opened = await service.open(vmArgs(guests(sim, 'lxc', 'running')[0]!, 'lxc'));
    const viewer = await connectViewer(opened.relayUrl);
    if (viewer.kind !== 'open') throw new Error('viewer did not open');
    await viewer.first;
    expect(await service.close(opened.id)).toBe(true);
    await viewer.closed;
    expect(await service.close(opened.id)).toBe(false);
  });

  it('a stopped guest is reported as such, before any proxy is started', async () => {
    const g = guests(sim, 'qemu', 'stopped')[0]!;
    const before = sim.requestLog.length;
    const err = await service.open(vmArgs(g)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).code).toBe('conflict');
    expect((err as AppFailure).details?.reason).toBe(GUEST_STOPPED);
    const paths = sim.requestLog.slice(before).map((r) => r.path);
    expect(paths.some((p) => p.endsWith(`/qemu/${g.vmid}/status/current`))).toBe(true);
    expect(paths.some((p) => p.endsWith('/vncproxy'))).toBe(false);
  });

  it('ten consoles opened and closed in a row leave no relay ports and no extra QEMU behind', async () => {
    const g = guests(sim, 'qemu', 'running', 3)[2]!;
    const warm = await service.open(vmArgs(g));
    await service.close(warm.id);
    const listenersBefore = loopbackListeners(process.pid);
    const qemuBefore = qemuDescendants().length;
    const ports: number[] = [];
    for (let i = 0; i < 10; i++) {
      const opened = await service.open(vmArgs(g));
      ports.push(Number(new URL(opened.relayUrl).port));
      const viewer = await connectViewer(opened.relayUrl);
      if (viewer.kind !== 'open') throw new Error('viewer did not open');
      expect((await viewer.first).toString('latin1')).toMatch(/^RFB/);
      viewer.ws.close();
      await closedEvent(opened.id);
    }
    expect(new Set(ports).size).toBe(10);
    expect(service.openIds()).toEqual([]);
    expect([...loopbackListeners(process.pid)].filter((p) => !listenersBefore.has(p))).toEqual([]);
    expect(ports.filter((p) => loopbackListeners(process.pid).has(p))).toEqual([]);
    expect(qemuDescendants().length).toBeLessThanOrEqual(qemuBefore);
  });

  it('the API secret goes only to PVE: never in the open result nor in any relayed byte', async () => {
    const opened = await service.open(vmArgs(guests(sim, 'qemu', 'running')[0]!));
    const viewer = await connectViewer(opened.relayUrl);
    if (viewer.kind !== 'open') throw new Error('viewer did not open');
    const bytes: Buffer[] = [];
    viewer.ws.on('message', (d: Buffer) => bytes.push(d));
    bytes.push(await viewer.first);
    viewer.ws.close();
    await viewer.closed;
    const secret = DEMO_TOKENS[TOKEN]!;
    expect(JSON.stringify(opened)).not.toContain(secret);
    expect(Buffer.concat(bytes).includes(secret)).toBe(false);
  });
});
