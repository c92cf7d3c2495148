// Text consoles through the relay against the simulator's termproxy: main logs in to termproxy itself, the viewer
// gets a shell (echo and arithmetic round trip, resize), refusals (no Console privilege, API token for a node
// shell, a refused ticket) and read-only profiles without node shells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termInput, termResize } from '../../../src-shared/console/termproxy-wire.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import {
  createConsoleService,
  type ConsoleService,
} from '../../../src-main/features/console/console-service.js';
import { createToken } from '../../../src-main/pve/api/access.js';
import { tokenAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import type { Handler } from '../../pve-sim/http/types.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/default-state.js';
import { guests, rootClient, tokenClient } from './console-fixture.js';
import WebSocket from 'ws';
import { APP_ORIGIN } from '../../../src-main/security-policy.js';
import { openTermViewer } from './term-client.js';

let sim: RunningSim;
const clients: Record<string, PveClient> = {};
let service: ConsoleService;
let readOnly = false;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 16, seed: 9, controlPort: false });
  clients.root = rootClient(sim, DEFAULT_ROOT_PASSWORD);
  clients.ops = tokenClient(sim, 'ops@pve!ops');
  clients.auditor = tokenClient(sim, 'auditor@pve!ro');
  // a token of root itself (no privilege separation) has Sys.Console, yet PVE gives tokens no node shell
  const created = await createToken(clients.root, 'root@pam', 'shell', { privsep: 0 });
  clients.rootToken = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    auth: tokenAuth(created['full-tokenid'], created.value),
    trust: { pin: sim.fingerprint },
    timeoutMs: 10_000,
  });
  service = createConsoleService({
    client: (id) => {
      const c = clients[id];
      if (!c) throw new Error(`no client ${id}`);
      return c;
    },
    isReadOnly: () => readOnly,
    allowedOrigins: () => [APP_ORIGIN],
  });
});

afterAll(async () => {
  await service?.closeAll();
  await Promise.all(Object.values(clients).map((c) => c.close()));
  await sim?.close();
});

const node = (): string => sim.cluster.control.summary().nodes[0] ?? 'pve1';
const shellArgs = (profileId: string) => ({
  profileId,
  node: node(),
  type: 'node' as const,
  kind: 'term' as const,
});

async function refusal(p: Promise<unknown>): Promise<AppFailure> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppFailure)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

describe('text console relay', () => {
  it('gives root a node shell: the prompt, an echo with arithmetic, and the session ends with the viewer', async () => {
    const opened = await service.open(shellArgs('root'));
    expect(opened.kind).toBe('term');
    expect(opened.vncPassword).toBeUndefined();
    const viewer = await openTermViewer(opened.relayUrl);
    await viewer.waitFor(`root@${node()}:~# `);
    // the login line never reaches the viewer: main answered termproxy itself
    expect(viewer.output()).not.toMatch(/PVEVNC|^OK/);
    viewer.send(termInput('echo proxdeck-$((6*7))\r'));
    const out = await viewer.waitFor('proxdeck-42\r\n');
    expect(out).toContain('echo proxdeck-$((6*7))\r\n');
    viewer.send(termInput('pveversion\r'));
    await viewer.waitFor(/pve-manager\/9\.1/);
    viewer.ws.close();
    await viewer.closed;
    await expect.poll(() => service.openIds()).not.toContain(opened.id);
  });

  it('passes a resize to the terminal (stty size answers rows and columns)', async () => {
    const opened = await service.open(shellArgs('root'));
    const viewer = await openTermViewer(opened.relayUrl);
    await viewer.waitFor(':~# ');
    viewer.send(termResize(132, 43));
    viewer.send(termInput('stty size\r'));
    await viewer.waitFor('43 132\r\n');
    viewer.send(termInput('exit\r'));
    await viewer.closed;
  });

  it('drops viewer messages that are not whole termproxy messages', async () => {
    const opened = await service.open(shellArgs('root'));
    const viewer = await openTermViewer(opened.relayUrl);
    await viewer.waitFor(':~# ');
    viewer.send('0:99:echo short\r');
    viewer.send('hostname\r');
    viewer.send(termInput('echo after\r'));
    const out = await viewer.waitFor('after\r\n');
    expect(out).not.toContain('short');
    expect(out).not.toContain('hostname');
    viewer.ws.close();
  });

  it('opens a running container console through the same relay', async () => {
    const ct = guests(sim, 'lxc', 'running')[0]!;
    const opened = await service.open({
      profileId: 'ops',
      node: ct.node,
      type: 'lxc',
      vmid: ct.vmid,
      kind: 'term',
    });
    expect(opened.guestName).toBeTruthy();
    const viewer = await openTermViewer(opened.relayUrl);
    await viewer.waitFor(`root@${opened.guestName}:~# `);
    viewer.send(termInput('nosuchcmd\r'));
    await viewer.waitFor('bash: nosuchcmd: command not found');
    viewer.ws.close();
  });

  it('refuses without the Console privilege, and an API token asking for a node shell', async () => {
    const denied = await refusal(service.open(shellArgs('auditor')));
    expect(denied.code).toBe('permission_denied');
    const token = await refusal(service.open(shellArgs('rootToken')));
    expect(token.code).toBe('permission_denied');
    expect(token.message).toMatch(/only for user logins/);
    expect(service.openIds()).toEqual([]);
  });

  it('reports a terminal ticket PVE refuses as an authentication failure', async () => {
    const template = '/nodes/{node}/termproxy';
    const real = sim.registry.get('POST', template) as Handler;
    // the answer's ticket is tampered with, as if it had expired before use
    sim.registry.add('POST', template, async (req, ctx) => {
      const reply = (await real(req, ctx)) as { ticket: string };
      return { ...reply, ticket: reply.ticket.replace(/::.*/, '::AAAA') };
    });
    try {
      const failed = await refusal(service.open(shellArgs('root')));
      expect(failed.code).toBe('auth_failed');
    } finally {
      sim.registry.add('POST', template, real);
    }
    expect(service.openIds()).toEqual([]);
  });

  it('a read-only container terminal relays no keystrokes (the viewer still sees the output)', async () => {
    const ct = guests(sim, 'lxc', 'running')[0]!;
    const args = {
      profileId: 'root',
      node: ct.node,
      type: 'lxc' as const,
      vmid: ct.vmid,
      kind: 'term' as const,
    };
    readOnly = true;
    let opened;
    try {
      opened = await service.open(args);
    } finally {
      readOnly = false;
    }
    expect(opened.viewOnly).toBe(true);
    const viewer = await openTermViewer(opened.relayUrl);
    await viewer.waitFor(':~# ');
    viewer.send(termInput('echo leaked-$((6*7))\r'));
    // bounded wait for what a writable console answers at once (the test below proves it does)
    await expect(viewer.waitFor('leaked-42', 1_500)).rejects.toThrow(/no leaked-42/);
    expect(viewer.output()).not.toContain('echo leaked');
    viewer.ws.close();
    // the same console opened writable echoes the same keystrokes
    const writable = await service.open(args);
    expect(writable.viewOnly).toBe(false);
    const w = await openTermViewer(writable.relayUrl);
    await w.waitFor(':~# ');
    w.send(termInput('echo leaked-$((6*7))\r'));
    await w.waitFor('leaked-42');
    w.ws.close();
  });

  it("refuses a browser Origin other than the app's own, and admits the app's", async () => {
    const connect = async (relayUrl: string, origin: string): Promise<string> => {
      const ws = new WebSocket(relayUrl, ['binary'], { origin });
      return new Promise((resolve) => {
        ws.once('open', () => {
          ws.close();
          resolve('open');
        });
        ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.once('error', () => resolve('error'));
      });
    };
    const foreign = await service.open(shellArgs('root'));
    expect(await connect(foreign.relayUrl, 'https://evil.example')).toBe('403');
    expect(await connect(foreign.relayUrl, 'http://127.0.0.1:1')).toBe('403');
    await service.close(foreign.id);
    const own = await service.open(shellArgs('root'));
    expect(await connect(own.relayUrl, APP_ORIGIN)).toBe('open');
    await service.close(own.id);
  });

  it('refuses node shells for a read-only profile, but not a container console', async () => {
    readOnly = true;
    try {
      expect((await refusal(service.open(shellArgs('root')))).code).toBe('read_only');
      const ct = guests(sim, 'lxc', 'running')[0]!;
      const opened = await service.open({
        profileId: 'root',
        node: ct.node,
        type: 'lxc',
        vmid: ct.vmid,
        kind: 'term',
      });
      await service.close(opened.id);
    } finally {
      readOnly = false;
    }
  });
});
