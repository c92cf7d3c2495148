// The simulator's raw answers per PVE version (7.4, 8.4, 9.1) and with `quirks`: each odd shape the client tolerates
// is produced here, over real HTTPS, exactly as docs/pve-compat.md lists it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSim } from '../../pve-sim/index.js';
import { login, type Login } from './core-client.js';
import { type Json, rootApi } from './root-api.js';

type Sim = { sim: RunningSim; root: Login };
const sims: Record<string, Sim> = {};

beforeAll(async () => {
  await Promise.all(
    ['7.4', '8.4', '9.1'].map(async (version) => {
      const sim = await startSimulator({
        nodes: 2,
        guests: 24,
        seed: 7,
        controlPort: false,
        version,
        quirks: true,
      });
      sims[version] = { sim, root: await login(sim) };
    }),
  );
});
afterAll(async () => {
  await Promise.all(Object.values(sims).map((s) => s.sim.close()));
});

const api = (v: string) => rootApi(() => sims[v]!);
const list = async (v: string, path: string): Promise<Json[]> => (await api(v).ok('GET', path)) as Json[];

describe('per version', () => {
  it('/cluster/resources: vmid strings on 7.4, sdn vs network entries, memhost only on 9.x', async () => {
    const [r7, r8, r9] = await Promise.all(['7.4', '8.4', '9.1'].map((v) => list(v, '/cluster/resources')));
    const guest = (r: Json[]) => r.find((e) => e['type'] === 'qemu' && e['status'] === 'running')!;
    expect(typeof guest(r7!)['vmid']).toBe('string');
    expect(typeof guest(r8!)['vmid']).toBe('number');
    expect(guest(r8!)).not.toHaveProperty('memhost');
    expect(guest(r9!)).toHaveProperty('memhost');
    expect(r8!.some((e) => e['type'] === 'sdn' && e['sdn'] === 'localnetwork')).toBe(true);
    expect(r8!.some((e) => e['type'] === 'network')).toBe(false);
    expect(r9!.some((e) => e['type'] === 'network' && e['network-type'] === 'zone')).toBe(true);
  });

  it('/nodes: cgroup-mode and host-arch by version, level always', async () => {
    const [n7, n8, n9] = await Promise.all(['7.4', '8.4', '9.1'].map((v) => list(v, '/nodes')));
    expect(n7![0]).not.toHaveProperty('cgroup-mode');
    expect(n7![0]).not.toHaveProperty('host-arch');
    expect(n8![0]).toHaveProperty('cgroup-mode');
    expect(n8![0]).not.toHaveProperty('host-arch');
    expect(n9![0]).toHaveProperty('host-arch');
    for (const n of [n7, n8, n9]) expect(n![0]).toHaveProperty('level');
  });

  it('HA: rules answer 501 before 9.x, groups listed there; 9.x lists rules and no groups', async () => {
    expect((await api('8.4').api('GET', '/cluster/ha/rules')).status).toBe(501);
    expect((await list('8.4', '/cluster/ha/groups')).map((g) => g['group'])).toEqual(['prefer-pve1']);
    expect((await api('9.1').api('GET', '/cluster/ha/rules')).status).toBe(200);
    expect(await list('9.1', '/cluster/ha/groups')).toEqual([]);
  });

  it('RRD: PVE 9 columns with pressure as strings; PVE 8 column set before', async () => {
    const node = async (v: string) =>
      (await list(v, '/nodes/pve1/rrddata?timeframe=hour')).filter((p) => p['memused'] !== undefined).at(-1)!;
    const n9 = await node('9.1');
    expect(typeof n9['pressurecpusome']).toBe('string');
    expect(n9['memavailable']).toBeLessThan(Number(n9['memtotal']) - Number(n9['memused']));
    expect(n9).toHaveProperty('arcsize');
    expect(await node('8.4')).not.toHaveProperty('memavailable');
  });

  it('container status/current cpus is a string before 9.x', async () => {
    const ct = (await list('8.4', '/cluster/resources?type=vm')).find((e) => e['type'] === 'lxc')!;
    const s8 = (await api('8.4').ok(
      'GET',
      `/nodes/${String(ct['node'])}/lxc/${String(ct['vmid'])}/status/current`,
    )) as Json;
    const s9 = (await api('9.1').ok(
      'GET',
      `/nodes/${String(ct['node'])}/lxc/${String(ct['vmid'])}/status/current`,
    )) as Json;
    expect(typeof s8['cpus']).toBe('string');
    expect(typeof s9['cpus']).toBe('number');
  });
});

describe('quirks', () => {
  it('raw lxc lines, empty name, negative cpu, PBS archives, odd tasks, unreadable LRM, PVE dates', async () => {
    const res = await list('9.1', '/cluster/resources?type=vm');
    expect(res.filter((e) => e['name'] === '')).toHaveLength(1);
    expect(res.filter((e) => Number(e['cpu']) < 0)).toHaveLength(1);
    const ct = res
      .filter((e) => e['type'] === 'lxc')
      .sort((a, b) => Number(a['vmid']) - Number(b['vmid']))[0]!;
    const conf = (await api('9.1').ok(
      'GET',
      `/nodes/${String(ct['node'])}/lxc/${String(ct['vmid'])}/config`,
    )) as Json;
    expect(conf['lxc']).toEqual([
      ['lxc.cgroup2.devices.allow', 'c 226:0 rwm'],
      ['lxc.cgroup2.devices.allow', 'c 226:128 rwm'],
      ['lxc.mount.entry', '/dev/dri dev/dri none bind,optional,create=dir'],
    ]);
    const pbs = await list('9.1', '/nodes/pve1/storage/pbs-store/content');
    expect(pbs.map((b) => b['format']).sort()).toEqual(['pbs-ct', 'pbs-vm', 'pbs-vm']);
    expect(
      pbs.every((b) =>
        /^pbs-store:backup\/(vm|ct)\/\d+\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(String(b['volid'])),
      ),
    ).toBe(true);
    expect(
      pbs
        .filter((b) => b['verification'])
        .map((b) => (b['verification'] as Json)['state'])
        .sort(),
    ).toEqual(['failed', 'ok']);
    const tasks = await list('9.1', '/nodes/pve1/tasks');
    expect(tasks.map((t) => [t['id'], t['status']])).toEqual(
      expect.arrayContaining([
        ['networking', 'unexpected status'],
        ['', 'WARNINGS: 2'],
        ['', 'job errors'],
      ]),
    );
    const ha = await list('9.1', '/cluster/ha/status/current');
    expect(ha.find((e) => e['type'] === 'lrm' && e['node'] === '')?.['status']).toBe(
      'unable to read lrm status',
    );
    expect(String(ha.find((e) => e['id'] === 'lrm:pve1')?.['status'])).toMatch(
      /\((?:active|idle), watchdog \w+, (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\)$/,
    );
  });

  it('without quirks none of it is there (the default dataset is unchanged)', async () => {
    const sim = await startSimulator({ nodes: 2, guests: 24, seed: 7, controlPort: false });
    try {
      const root = await login(sim);
      const plain = rootApi(() => ({ sim, root }));
      const storages = (await plain.ok('GET', '/nodes/pve1/storage')) as Json[];
      expect(storages.some((s) => s['storage'] === 'pbs-store')).toBe(false);
      const res = (await plain.ok('GET', '/cluster/resources?type=vm')) as Json[];
      expect(res.some((e) => e['name'] === '')).toBe(false);
    } finally {
      await sim.close();
    }
  });
});
