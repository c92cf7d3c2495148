// The simulator's firewall, SDN, Ceph and replication endpoints over real HTTPS: PVE's shapes, digests, positions and checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { DEMO_TOKENS } from '../../pve-sim/rbac/index.js';
import { call, login, tokenHeader, type Login } from './core-client.js';
import { type Json, rootApi } from './root-api.js';

let sim: RunningSim;
let root: Login;
const { api, ok, waitTask } = rootApi(() => ({ sim, root }));
const auditor = async (
  method: string,
  path: string,
  form?: Record<string, string>,
): Promise<{ status: number; reason: string; data: unknown }> => {
  const r = await call(sim, method, path, {
    headers: tokenHeader('auditor@pve!ro', DEMO_TOKENS['auditor@pve!ro']!),
    ...(form ? { form } : {}),
  });
  return { status: r.status, reason: r.reason, data: r.text ? (r.json() as Json)['data'] : undefined };
};

beforeAll(async () => {
  sim = await startSimulator({ taskDurationMs: 40, controlPort: false });
  root = await login(sim);
});
afterAll(async () => {
  await sim.close();
});

const rules = async (base: string): Promise<Json[]> => (await ok('GET', `${base}/rules`)) as Json[];

describe('firewall', () => {
  it('lists cluster rules by position with the file digest and options', async () => {
    const list = await rules('/cluster/firewall');
    expect(list.map((r) => r['pos'])).toEqual([0, 1, 2]);
    expect(list[0]).toMatchObject({ type: 'in', action: 'ACCEPT', macro: 'SSH', enable: 1 });
    expect(String(list[0]!['digest'])).toMatch(/^[0-9a-f]{40}$/);
    const opts = (await ok('GET', '/cluster/firewall/options')) as Json;
    expect(opts).toMatchObject({ enable: 1, policy_in: 'DROP', digest: list[0]!['digest'] });
  });

  it('adds a rule at the top (disabled unless enable is given), edits, moves and deletes it by position', async () => {
    const digest = String((await rules('/nodes/pve1/firewall'))[0]!['digest']);
    await ok('POST', '/nodes/pve1/firewall/rules', {
      type: 'in',
      action: 'DROP',
      proto: 'tcp',
      dport: '25',
      comment: 'no smtp',
      digest,
    });
    let list = await rules('/nodes/pve1/firewall');
    expect(list[0]).toMatchObject({ pos: 0, action: 'DROP', dport: '25', enable: 0 });
    const stale = await api('DELETE', `/nodes/pve1/firewall/rules/0?digest=${digest}`);
    expect(stale.message).toBe('detected modified configuration - file changed by other user? Try again.\n');
    await ok('PUT', '/nodes/pve1/firewall/rules/0', { enable: '1', delete: 'comment' });
    list = await rules('/nodes/pve1/firewall');
    expect(list[0]!['enable']).toBe(1);
    expect(list[0]!['comment']).toBeUndefined();
    await ok('PUT', '/nodes/pve1/firewall/rules/0', { moveto: '2' });
    list = await rules('/nodes/pve1/firewall');
    expect(list.map((r) => r['dport'])).toEqual(['9100', '25']);
    expect((await api('DELETE', '/nodes/pve1/firewall/rules/5')).message).toBe('no rule at position 5\n');
    await ok('DELETE', '/nodes/pve1/firewall/rules/1');
    expect((await rules('/nodes/pve1/firewall')).map((r) => r['dport'])).toEqual(['9100']);
  });

  it('refuses unknown actions and needs the schema privileges (auditor reads, cannot write)', async () => {
    const bad = await api('POST', '/cluster/firewall/rules', { type: 'in', action: 'ALLOW' });
    expect(bad.status).toBe(400);
    expect(bad.body['errors']).toEqual({ action: "unknown action 'ALLOW'" });
    expect((await auditor('GET', '/cluster/firewall/rules')).status).toBe(200);
    const denied = await auditor('POST', '/cluster/firewall/rules', { type: 'in', action: 'ACCEPT' });
    expect(denied.status).toBe(403);
  });

  it('keeps guest firewall per guest and refuses a guest that is not on the node', async () => {
    const g = sim.cluster.guestStatus!(100)!;
    await ok('POST', `/nodes/${g.node}/${g.type}/100/firewall/rules`, {
      type: 'out',
      action: 'REJECT',
      enable: '1',
    });
    expect((await rules(`/nodes/${g.node}/${g.type}/100/firewall`))[0]).toMatchObject({
      type: 'out',
      action: 'REJECT',
    });
    const other = g.node === 'pve1' ? 'pve2' : 'pve1';
    expect((await api('GET', `/nodes/${other}/${g.type}/100/firewall/rules`)).status).toBe(500);
  });
});

describe('sdn', () => {
  it('shows new/changed/deleted objects as pending until PUT /cluster/sdn applies them in a task', async () => {
    await ok('POST', '/cluster/sdn/vnets', { vnet: 'vnet20', zone: 'vlanzone', tag: '20' });
    await ok('PUT', '/cluster/sdn/vnets/vnet1', { alias: 'renamed' });
    await ok('POST', '/cluster/sdn/vnets/vnet20/subnets', {
      subnet: '10.20.0.0/24',
      type: 'subnet',
      gateway: '10.20.0.1',
    });
    const pending = (await ok('GET', '/cluster/sdn/vnets?pending=1')) as Json[];
    const byId = Object.fromEntries(pending.map((v) => [v['vnet'], v]));
    expect(byId['vnet20']).toMatchObject({ state: 'new', pending: { zone: 'vlanzone', tag: 20 } });
    expect(byId['vnet1']).toMatchObject({
      state: 'changed',
      alias: 'lab network',
      pending: { alias: 'renamed' },
    });
    expect(byId['vnet10']!['state']).toBeUndefined();
    const subnets = (await ok('GET', '/cluster/sdn/vnets/vnet20/subnets')) as Json[];
    expect(subnets[0]).toMatchObject({
      subnet: 'vlanzone-10.20.0.0-24',
      cidr: '10.20.0.0/24',
      zone: 'vlanzone',
      gateway: '10.20.0.1',
    });
    const upid = await ok('PUT', '/cluster/sdn');
    expect(String(upid)).toMatch(/:reloadnetworkall::/);
    expect((await waitTask(upid))['exitstatus']).toBe('OK');
    const after = (await ok('GET', '/cluster/sdn/vnets?pending=1')) as Json[];
    expect(after.filter((v) => v['state'] !== undefined)).toEqual([]);
  });

  it('refuses a vlan vnet without tag, a duplicate, and a zone still in use', async () => {
    expect((await api('POST', '/cluster/sdn/vnets', { vnet: 'vnet21', zone: 'vlanzone' })).message).toBe(
      'missing vlan tag\n',
    );
    expect(
      (await api('POST', '/cluster/sdn/vnets', { vnet: 'vnet20', zone: 'vlanzone', tag: '21' })).message,
    ).toBe("sdn vnet object ID 'vnet20' already defined\n");
    expect((await api('DELETE', '/cluster/sdn/zones/vlanzone')).status).toBe(500);
  });

  it('the auditor sees zones but may not apply', async () => {
    const zones = await auditor('GET', '/cluster/sdn/zones');
    expect((zones.data as Json[]).map((z) => z['zone'])).toEqual(['simple1', 'vlanzone']);
    expect((await auditor('PUT', '/cluster/sdn')).status).toBe(403);
  });
});

describe('ceph', () => {
  it('answers a healthy 3-node cluster: status, OSD tree and pools', async () => {
    const s = (await ok('GET', '/cluster/ceph/status')) as Json;
    expect((s['health'] as Json)['status']).toBe('HEALTH_OK');
    expect(s['osdmap']).toMatchObject({ num_osds: 6, num_up_osds: 6, num_in_osds: 6 });
    const osd = (await ok('GET', '/nodes/pve1/ceph/osd')) as Json;
    const hosts = ((osd['root'] as Json)['children'] as Json[])[0]!['children'] as Json[];
    expect(hosts.map((h) => h['name'])).toEqual(['pve1', 'pve2', 'pve3']);
    expect((hosts[0]!['children'] as Json[]).map((o) => o['name'])).toEqual(['osd.0', 'osd.1']);
    const pools = (await ok('GET', '/nodes/pve1/ceph/pool')) as Json[];
    expect(pools.map((p) => p['pool_name'])).toEqual(['.mgr', 'ceph-vm', 'ceph-ct']);
    expect(pools[1]).toMatchObject({
      size: 3,
      min_size: 2,
      type: 'replicated',
      crush_rule_name: 'replicated_rule',
    });
  });

  it('reports OSDs of an offline node as down with HEALTH_WARN', async () => {
    sim.cluster.control.setNodeOnline('pve3', false);
    try {
      const s = (await ok('GET', '/cluster/ceph/status')) as Json;
      expect((s['health'] as Json)['status']).toBe('HEALTH_WARN');
      expect(Object.keys((s['health'] as Json)['checks'] as Json)).toContain('OSD_DOWN');
    } finally {
      sim.cluster.control.setNodeOnline('pve3', true);
    }
  });
});

describe('replication', () => {
  it('lists seeded jobs, creates one with VM.Replicate, runs it now and shows the new last_sync', async () => {
    const jobs = (await ok('GET', '/cluster/replication')) as Json[];
    expect(jobs.length).toBeGreaterThan(0);
    const taken = new Set(jobs.map((j) => Number(j['guest'])));
    let vmid = 100;
    while (taken.has(vmid) || sim.cluster.guestStatus?.(vmid) === undefined) vmid++;
    const src = sim.cluster.guestStatus!(vmid)!;
    const target = src.node === 'pve1' ? 'pve2' : 'pve1';
    expect(
      (await api('POST', '/cluster/replication', { id: `${vmid}-0`, type: 'local', target: src.node }))
        .message,
    ).toBe(`unable to replicate to local node '${src.node}'\n`);
    await ok('POST', '/cluster/replication', { id: `${vmid}-0`, type: 'local', target, schedule: '*/30' });
    const before = (await ok('GET', `/nodes/${src.node}/replication/${vmid}-0/status`)) as Json;
    expect(before).toMatchObject({ id: `${vmid}-0`, guest: vmid, target, last_sync: 0 });
    await ok('POST', `/nodes/${src.node}/replication/${vmid}-0/schedule_now`);
    const deadline = Date.now() + 5_000;
    let now: Json = before;
    while (Number(now['last_sync']) === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      now = (await ok('GET', `/nodes/${src.node}/replication/${vmid}-0/status`)) as Json;
    }
    expect(Number(now['last_sync'])).toBeGreaterThan(0);
    expect((await api('GET', `/nodes/${target}/replication/${vmid}-0/status`)).message).toBe(
      `no such replication job '${vmid}-0'\n`,
    );
  });

  it('the auditor reads jobs but schedule_now is refused in-handler with VM.Replicate', async () => {
    const jobs = (await auditor('GET', '/cluster/replication')).data as Json[];
    const j = jobs[0]!;
    const node = sim.cluster.guestStatus!(Number(j['guest']))!.node;
    const r = await auditor('POST', `/nodes/${node}/replication/${j['id']}/schedule_now`);
    expect(r.status).toBe(403);
    expect(r.reason).toBe(`Permission check failed (/vms/${j['guest']}, VM.Replicate)`);
  });
});
