// Alerts through the real app services against the simulator: with notifications on, a node going offline raises
// one alert and its return one "recovered"; another user's failed task raises one; the problem list follows.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src-main/app-services.js';
import type { EventMessage } from '../../../src-main/ipc/event-bus.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import type {
  EventPayload,
  RequestArgs,
  RequestName,
  RequestResult,
} from '../../../src-shared/ipc/contract.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/default-state.js';
import { login } from '../pve-sim/core-client.js';
import { rootApi } from '../pve-sim/root-api.js';

let sim: RunningSim;
let services: AppServices;
let configDir: string;
let profileId: string;
const raised: EventPayload<'alerts.raised'>[] = [];
let changes = 0;
const waiters: Array<() => void> = [];

async function ok<N extends RequestName>(name: N, args: RequestArgs<N>): Promise<RequestResult<N>> {
  const reply = await services.dispatcher.dispatch(name, args, { host: 'web' });
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as RequestResult<N>;
}

/** resolves once `count` alerts.raised events (or alerts.changed with `of`) arrived in total */
function raisedCount(
  count: number,
  of: () => number = () => raised.length,
  timeoutMs = 15_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${of()} of ${count} events`)), timeoutMs);
    const check = (): void => {
      if (of() < count) return;
      clearTimeout(timer);
      resolve();
    };
    waiters.push(check);
    check();
  });
}

beforeAll(async () => {
  sim = await startSimulator({ nodes: 3, guests: 12, seed: 11, controlPort: false, taskDurationMs: 40 });
  configDir = await mkdtemp(join(tmpdir(), 'proxdeck-alerts-'));
  services = await createAppServices({
    configDir,
    host: 'web',
    secrets: createMemorySecretStore(),
    env: {},
    alertsTaskPollMs: 200,
  });
  services.events.subscribe((m: EventMessage) => {
    if (m.event === 'alerts.changed') changes++;
    else if (m.event === 'alerts.raised') raised.push(m.payload as EventPayload<'alerts.raised'>);
    else return;
    for (const w of waiters) w();
  });
  await ok('connect.probe', { host: '127.0.0.1', port: sim.port, userTyped: true });
  const view = await ok('profiles.save', {
    profile: {
      name: 'Lab',
      host: `127.0.0.1:${sim.port}`,
      auth: { kind: 'password', username: 'root', realm: 'pam' },
      pinnedFingerprint: sim.fingerprint,
      readOnly: false,
    },
    secret: DEFAULT_ROOT_PASSWORD,
  });
  profileId = view.id;
  await ok('connect.open', { profileId });
  // a visible window: the inventory polls every 3 s instead of 15 s
  await services.dispatcher.dispatch(
    'inventory.setVisibility',
    { visible: true },
    { host: 'web', connection: 'w1' },
  );
});

afterAll(async () => {
  await services?.dispose();
  await sim?.close();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

describe('alerts against the simulator', () => {
  it('are off by default and start watching when turned on', async () => {
    expect(await ok('alerts.settings', {})).toEqual({ enabled: false });
    expect(await ok('alerts.setSettings', { enabled: true })).toEqual({ enabled: true });
    // the first poll is the baseline: the list is read (alerts.changed), nothing is announced
    await raisedCount(1, () => changes);
    expect((await ok('alerts.problems', {})).health).toEqual({ level: 'green', count: 0 });
    expect(raised).toEqual([]);
  });

  it('raises one alert when a node goes offline and one when it comes back', async () => {
    sim.cluster.control.setNodeOnline('pve3', false);
    await raisedCount(1);
    expect(raised[0]!.notice).toMatchObject({ title: 'Node pve3 is offline', count: 1 });
    expect(raised[0]!.notice.target).toEqual({ kind: 'node', clusterId: profileId, node: 'pve3' });
    const now = await ok('alerts.problems', {});
    expect(now.health).toEqual({ level: 'red', count: 1 });
    expect(now.problems[0]).toMatchObject({ kind: 'node-offline', title: 'Node pve3 is offline' });

    sim.cluster.control.setNodeOnline('pve3', true);
    await raisedCount(2);
    expect(raised[1]!.notice.title).toBe('Node pve3 is back online');
    expect(raised[1]!.alerts.map((a) => a.state)).toEqual(['recovered']);
    expect((await ok('alerts.problems', {})).health).toEqual({ level: 'green', count: 0 });
    expect(raised).toHaveLength(2);
  });

  it("raises one alert for another user's failed task, and lists it", async () => {
    const root = await login(sim);
    const { ok: pve, waitTask } = rootApi(() => ({ sim, root }));
    const vmid = 100;
    const node = sim.cluster.guestStatus?.(vmid)?.node ?? 'pve1';
    sim.cluster.control.setGuestStatus(vmid, 'stopped');
    sim.cluster.control.failNextTask('qmstart', 'start failed: simulated');
    const upid = await pve('POST', `/nodes/${node}/qemu/${vmid}/status/start`, {});
    await waitTask(upid);
    await raisedCount(3);
    expect(raised[2]!.notice.title).toBe(`Task failed: qmstart ${vmid} on ${node}`);
    expect(raised[2]!.notice.target).toEqual({ kind: 'task', clusterId: profileId, upid });
    const list = await ok('alerts.problems', {});
    expect(list.problems.map((p) => p.kind)).toEqual(['task-failed']);
    expect(list.health.level).toBe('amber');
  });

  it('stop announcing when turned off, while the list still follows the inventory', async () => {
    await ok('alerts.setSettings', { enabled: false });
    // off, alerts poll nothing themselves; the problem list still follows what an open inventory view polls
    await ok('inventory.subscribe', { clusterId: profileId });
    sim.cluster.control.setNodeOnline('pve2', false);
    await expect
      .poll(async () => (await ok('alerts.problems', {})).problems.some((p) => p.kind === 'node-offline'), {
        timeout: 10_000,
      })
      .toBe(true);
    sim.cluster.control.setNodeOnline('pve2', true);
    await expect
      .poll(async () => (await ok('alerts.problems', {})).problems.some((p) => p.kind === 'node-offline'), {
        timeout: 10_000,
      })
      .toBe(false);
    expect(raised).toHaveLength(3);
  });

  it('raises one alert when the certificate no longer matches the pin', async () => {
    await ok('alerts.setSettings', { enabled: true });
    const before = raised.length;
    await sim.swapCertificate();
    // the next connection meets the new certificate (a reconnect, or the poller's next socket)
    const reply = await services.dispatcher.dispatch('connect.open', { profileId }, { host: 'web' });
    expect(reply.ok ? 'connected' : reply.error.code).toBe('tls_pin_mismatch');
    await raisedCount(before + 1, () => raised.length, 20_000);
    expect(raised[before]!.notice).toMatchObject({ title: 'Certificate of Lab changed', count: 1 });
    const list = await ok('alerts.problems', {});
    expect(list.problems.find((p) => p.kind === 'certificate-changed')?.severity).toBe('red');
    expect(list.health.level).toBe('red');
  });
});
