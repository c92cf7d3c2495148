// Console auth against the simulator: the pin is checked before the upgrade (no secret to a wrong host), ticket-cookie
// logins work like tokens, node shells, and the Console button's permission verdict for several identities.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { createConsoleService } from '../../../src-main/features/console/console-service.js';
import { consoleAccess } from '../../../src-main/features/console/ipc-handlers.js';
import { openPveWebSocket } from '../../../src-main/features/console/pve-socket.js';
import { openVncProxy, vncWebSocketPath } from '../../../src-main/pve/api/console.js';
import type { PveClient } from '../../../src-main/pve/client.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { connectViewer, guests, rootClient, tokenClient } from './console-fixture.js';

const ROOT_PW = 'console-auth-pw';
let sim: RunningSim;
const clients: PveClient[] = [];

function track(c: PveClient): PveClient {
  clients.push(c);
  return c;
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 12, seed: 9, controlPort: false, rootPassword: ROOT_PW });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await sim?.close();
});

describe('console auth', () => {
  it('refuses a host whose certificate does not match the pin before sending the upgrade request', async () => {
    const good = track(tokenClient(sim, 'ops@pve!ops'));
    const g = guests(sim, 'qemu', 'running')[0]!;
    const target = { kind: 'qemu' as const, ...g };
    const proxy = await openVncProxy(good, target);
    const wrongPin = track(tokenClient(sim, 'ops@pve!ops', 'AA:'.repeat(31) + 'AA'));
    const before = sim.requestLog.length;
    const err = await openPveWebSocket(wrongPin, vncWebSocketPath(target, proxy)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).code).toBe('tls_pin_mismatch');
    expect(sim.requestLog.slice(before).filter((r) => r.path.includes('vncwebsocket'))).toEqual([]);
  });

  it('a bad VNC ticket is an auth failure, not a hang', async () => {
    const c = track(tokenClient(sim, 'ops@pve!ops'));
    const g = guests(sim, 'qemu', 'running')[0]!;
    const target = { kind: 'qemu' as const, ...g };
    const proxy = await openVncProxy(c, target);
    const err = await openPveWebSocket(
      c,
      vncWebSocketPath(target, { port: proxy.port, ticket: 'PVEVNC:00000000::bad' }),
    ).catch((e: unknown) => e);
    expect((err as AppFailure).code).toBe('auth_failed');
  });

  it('root@pam with a ticket cookie opens a VM console and a node shell', async () => {
    const root = track(rootClient(sim, ROOT_PW));
    const service = createConsoleService({ client: () => root });
    const g = guests(sim, 'qemu', 'running')[0]!;
    for (const args of [
      { profileId: 'r', node: g.node, type: 'qemu' as const, vmid: g.vmid },
      { profileId: 'r', node: g.node, type: 'node' as const },
    ]) {
      const opened = await service.open(args);
      const viewer = await connectViewer(opened.relayUrl);
      if (viewer.kind !== 'open') throw new Error(`viewer ${viewer.kind}`);
      expect((await viewer.first).toString('latin1')).toMatch(/^RFB/);
      await service.close(opened.id);
      await viewer.closed;
    }
    expect(service.openIds()).toEqual([]);
  });

  it('the Console button verdict: VM.Console for guests, Sys.Console for node shells', async () => {
    const g = guests(sim, 'qemu', 'running')[0]!;
    const vm = { profileId: 'x', node: g.node, type: 'qemu' as const, vmid: g.vmid };
    const shell = { profileId: 'x', node: g.node, type: 'node' as const };
    const support = track(tokenClient(sim, 'support@pve!console'));
    const auditor = track(tokenClient(sim, 'auditor@pve!ro'));
    const root = track(rootClient(sim, ROOT_PW));
    expect(await consoleAccess(support, vm)).toEqual({ allowed: true });
    expect(await consoleAccess(auditor, vm)).toEqual({
      allowed: false,
      reason: `needs VM.Console on /vms/${g.vmid}`,
    });
    expect(await consoleAccess(support, shell)).toEqual({
      allowed: false,
      reason: `needs Sys.Console on /nodes/${g.node}`,
    });
    expect(await consoleAccess(root, shell)).toEqual({ allowed: true });
  });

  it('PVE itself refuses the console to a token without VM.Console', async () => {
    const auditor = track(tokenClient(sim, 'auditor@pve!ro'));
    const g = guests(sim, 'qemu', 'running')[0]!;
    const err = await createConsoleService({ client: () => auditor })
      .open({ profileId: 'a', node: g.node, type: 'qemu', vmid: g.vmid })
      .catch((e: unknown) => e);
    expect((err as AppFailure).code).toBe('permission_denied');
  });
});
