// Each wizard preset's API calls applied to the simulator as root give a token that can do its features and gets 403 outside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSetupCall } from '../../../src-main/features/wizard/run-setup-call.js';
import { verifyCapabilities } from '../../../src-main/features/wizard/verify-token.js';
import { setupFor } from '../../../src-main/features/wizard/wizard-service.js';
import { ticketAuth, tokenAuth } from '../../../src-main/pve/auth.js';
import { PveClient } from '../../../src-main/pve/client.js';
import type { WizardScope } from '../../../src-shared/ipc/channels/wizard.js';
import type { PresetId } from '../../../src-shared/wizard/presets.js';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEFAULT_ROOT_PASSWORD, DEMO_POOL } from '../../pve-sim/rbac/index.js';
import { call } from '../pve-sim/core-client.js';

let sim: RunningSim;
let root: PveClient;

beforeAll(async () => {
  sim = await startSimulator({ nodes: 2, guests: 30, seed: 5, controlPort: false, taskDurationMs: 20 });
  root = new PveClient({
    host: '127.0.0.1',
    port: sim.port,
    auth: ticketAuth({ userid: 'root@pam', password: DEFAULT_ROOT_PASSWORD }),
    trust: { pin: sim.fingerprint },
  });
});
afterAll(async () => {
  await root?.close();
  await sim?.close();
});

interface Applied {
  tokenId: string;
  header: Record<string, string>;
  client: PveClient;
}

/** Runs the generated API calls as root, in order, like the wizard's plan does; answers the new token. */
async function apply(preset: PresetId, scope: WizardScope, user = `wiz-${preset}@pve`): Promise<Applied> {
  const setup = setupFor({ preset, scope, userid: user, tokenid: 'app' }, 9);
  let secret: string | undefined;
  for (const c of setup.apiCalls) secret = (await runSetupCall(root, c))?.value ?? secret;
  if (!secret) throw new Error('no token was created');
  return {
    tokenId: setup.fullTokenId,
    header: { Authorization: `PVEAPIToken=${setup.fullTokenId}=${secret}` },
    client: new PveClient({
      host: '127.0.0.1',
      port: sim.port,
      auth: tokenAuth(setup.fullTokenId, secret),
      trust: { pin: sim.fingerprint },
    }),
  };
}

const node = (vmid: number): string => sim.cluster.guestStatus?.(vmid)?.node ?? 'pve1';
const kind = (vmid: number): string => sim.cluster.guestStatus?.(vmid)?.type ?? 'qemu';
const guest = (vmid: number): string => `/nodes/${node(vmid)}/${kind(vmid)}/${vmid}`;

/** The HTTP status of a real call with the new token. */
async function status(
  t: Applied,
  method: string,
  path: string,
  form?: Record<string, string>,
): Promise<number> {
  return (await call(sim, method, path, { headers: t.header, ...(form ? { form } : {}) })).status;
}

async function verified(t: Applied, preset: PresetId, scope: WizardScope) {
  const v = await verifyCapabilities(t.client, t.tokenId, preset, scope);
  return {
    passed: v.passed,
    failed: v.checks.filter((c) => !c.allowed).map((c) => `${c.action} ${c.target}: ${c.reason}`),
  };
}

const POOL_GUEST = 120;
const OTHER = 101;

describe('token wizard presets applied to the simulator', () => {
  it('read-only audit: sees everything, changes nothing', async () => {
    const scope: WizardScope = { kind: 'cluster' };
    const t = await apply('audit', scope);
    expect(await verified(t, 'audit', scope)).toEqual({ passed: true, failed: [] });
    expect(await status(t, 'GET', `${guest(OTHER)}/status/current`)).toBe(200);
    expect(await status(t, 'GET', '/cluster/ha/resources')).toBe(200);
    expect(await status(t, 'POST', `${guest(OTHER)}/status/start`)).toBe(403);
    expect(await status(t, 'POST', `${guest(OTHER)}/snapshot`, { snapname: 'nope' })).toBe(403);
    await t.client.close();
  });

  it('support console in a pool: console on its guests only', async () => {
    const scope: WizardScope = { kind: 'pool', pool: DEMO_POOL };
    const t = await apply('support', scope);
    expect(await verified(t, 'support', scope)).toEqual({ passed: true, failed: [] });
    expect(await status(t, 'GET', `${guest(POOL_GUEST)}/status/current`)).toBe(200);
    expect(await status(t, 'GET', `${guest(OTHER)}/status/current`)).toBe(403);
    expect(await status(t, 'POST', `${guest(POOL_GUEST)}/status/start`)).toBe(403);
    await t.client.close();
  });

  it('operator in a pool: power, snapshots and backups on its guests, 403 elsewhere and on config', async () => {
    const scope: WizardScope = { kind: 'pool', pool: DEMO_POOL, storages: ['local'] };
    const t = await apply('operator', scope);
    expect(await verified(t, 'operator', scope)).toEqual({ passed: true, failed: [] });
    expect(await status(t, 'POST', `${guest(POOL_GUEST)}/snapshot`, { snapname: 'wiz1' })).toBe(200);
    expect(
      await status(t, 'POST', `/nodes/${node(POOL_GUEST)}/vzdump`, {
        vmid: String(POOL_GUEST),
        storage: 'local',
      }),
    ).toBe(200);
    expect(await status(t, 'POST', `${guest(OTHER)}/snapshot`, { snapname: 'wiz1' })).toBe(403);
    expect(await status(t, 'POST', `${guest(OTHER)}/status/start`)).toBe(403);
    expect(await status(t, 'PUT', `${guest(POOL_GUEST)}/config`, { description: 'x' })).toBe(403);
    expect(await status(t, 'DELETE', guest(POOL_GUEST))).toBe(403);
    await t.client.close();
  });

  it('provisioning in one pool: configures its guests, not others', async () => {
    const scope: WizardScope = {
      kind: 'pool',
      pool: DEMO_POOL,
      storages: ['local-lvm', 'local'],
      zones: ['localnetwork'],
    };
    const t = await apply('provisioning', scope);
    expect(await verified(t, 'provisioning', scope)).toEqual({ passed: true, failed: [] });
    expect(await status(t, 'PUT', `${guest(POOL_GUEST)}/config`, { description: 'wizard' })).toBe(200);
    expect(await status(t, 'PUT', `${guest(OTHER)}/config`, { description: 'wizard' })).toBe(403);
    expect(await status(t, 'POST', '/access/roles', { roleid: 'Nope', privs: 'VM.Audit' })).toBe(403);
    await t.client.close();
  });

  it('self-service for one guest: backs up its own vmid and is refused on another', async () => {
    const own = 105;
    const scope: WizardScope = { kind: 'guests', vmids: [own], storages: ['local'] };
    const t = await apply('self-service', scope);
    expect(await verified(t, 'self-service', scope)).toEqual({ passed: true, failed: [] });
    expect(
      await status(t, 'POST', `/nodes/${node(own)}/vzdump`, { vmid: String(own), storage: 'local' }),
    ).toBe(200);
    expect(await status(t, 'POST', `${guest(own)}/status/start`)).toBe(403);
    expect(await status(t, 'GET', `${guest(OTHER)}/status/current`)).toBe(403);
    expect(
      await status(t, 'POST', `/nodes/${node(OTHER)}/vzdump`, { vmid: String(OTHER), storage: 'local' }),
    ).toBe(403);
    await t.client.close();
  });

  it('cross-cluster migration target: may receive a guest (Sys.Incoming, VM.Allocate), nothing else', async () => {
    const scope: WizardScope = { kind: 'cluster', storages: ['local-lvm'], zones: ['localnetwork'] };
    const t = await apply('migration-target', scope);
    expect(await verified(t, 'migration-target', scope)).toEqual({ passed: true, failed: [] });
    const perms = await call(sim, 'GET', '/access/permissions', { headers: t.header });
    const data = perms.json().data as Record<string, Record<string, number>>;
    expect(Object.keys(data['/'] ?? {})).toContain('Sys.Incoming');
    expect(Object.keys(data['/vms'] ?? {})).toContain('VM.Allocate');
    expect(await status(t, 'GET', `${guest(OTHER)}/status/current`)).toBe(403);
    expect(await status(t, 'POST', `${guest(OTHER)}/status/start`)).toBe(403);
    expect(await status(t, 'POST', '/access/roles', { roleid: 'Nope', privs: 'VM.Audit' })).toBe(403);
    await t.client.close();
  });

  it('full admin: everything, including access', async () => {
    const scope: WizardScope = { kind: 'cluster' };
    const t = await apply('admin', scope);
    expect(await verified(t, 'admin', scope)).toMatchObject({ passed: true });
    expect(await status(t, 'POST', '/access/roles', { roleid: 'ByAdminToken', privs: 'VM.Audit' })).toBe(200);
    expect(await status(t, 'POST', `${guest(OTHER)}/snapshot`, { snapname: 'admin1' })).toBe(200);
    await t.client.close();
  });

  it('verify reports the gap of a token whose setup was not applied', async () => {
    const t = await apply('support', { kind: 'guests', vmids: [110] }, 'wiz-gap@pve');
    const v = await verified(t, 'operator', { kind: 'guests', vmids: [110] });
    expect(v.passed).toBe(false);
    expect(v.failed).toContain(
      'guest.start qemu/110: needs VM.PowerMgmt on /vms/110'.replace('qemu', kind(110)),
    );
    await t.client.close();
  });
});
