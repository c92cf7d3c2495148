// Task lists (node filters answered by PVE, cluster list filtered in main), following a task's log as events, node
// syslog / journal / services, and the privilege PVE demands for logs (Sys.Syslog).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../src-shared/model/task.js';
import type { EventMessage } from '../../../src-main/ipc/event-bus.js';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';

let fx: OpsFixture;
let node: string;
let okUpid: string;
let failedVmid: number;

beforeAll(async () => {
  fx = await startOpsFixture();
  const [a, b] = fx.guests({ type: 'qemu', status: 'stopped' });
  node = a!.node;
  const plan = await fx.ok('plans.build', {
    profileId: fx.root,
    action: { kind: 'power', action: 'start', guests: [a!] },
  });
  okUpid = (await fx.ok('plans.run', { planId: plan.id })).steps[0]!.upid!;
  fx.sim.cluster.control.failNextTask('qmstart', 'start failed: simulated');
  const bad = await fx.ok('plans.build', {
    profileId: fx.root,
    action: { kind: 'power', action: 'start', guests: [{ ...b!, node: b!.node }] },
  });
  await fx.ok('plans.run', { planId: bad.id });
  failedVmid = b!.vmid;
});
afterAll(async () => {
  await fx?.close();
});

describe('task lists', () => {
  it("node list: status, type and guest filters are PVE's, entries carry a status class", async () => {
    const all = await fx.ok('tasks.list', { profileId: fx.root, node, filter: {} });
    expect(all.tasks.find((t) => t.upid === okUpid)).toMatchObject({
      type: 'qmstart',
      statusClass: 'ok',
      status: 'OK',
      running: false,
    });
    const ok = await fx.ok('tasks.list', {
      profileId: fx.root,
      node,
      filter: { status: 'ok', type: 'qmstart' },
    });
    expect(ok.tasks.length).toBeGreaterThan(0);
    expect(ok.tasks.every((t) => t.statusClass === 'ok' && t.type.includes('qmstart'))).toBe(true);
    expect(
      fx.sim.requestLog.some(
        (r) =>
          r.path === `/nodes/${node}/tasks` &&
          r.params['statusfilter'] === 'ok' &&
          r.params['typefilter'] === 'qmstart',
      ),
    ).toBe(true);
  });

  it('cluster list: filtered by status, guest and user here, newest first', async () => {
    const errors = await fx.ok('tasks.list', { profileId: fx.root, filter: { status: 'error' } });
    expect(errors.tasks.find((t) => t.id === String(failedVmid))?.status).toBe('start failed: simulated');
    expect(errors.tasks.every((t) => t.statusClass === 'error')).toBe(true);
    const byGuest = await fx.ok('tasks.list', { profileId: fx.root, filter: { vmid: failedVmid } });
    expect(byGuest.tasks.length).toBeGreaterThan(0);
    expect(byGuest.tasks.every((t) => t.id === String(failedVmid))).toBe(true);
    const nobody = await fx.ok('tasks.list', { profileId: fx.root, filter: { user: 'nobody@pve' } });
    expect(nobody.total).toBe(0);
    const all = (await fx.ok('tasks.list', { profileId: fx.root, filter: {} })).tasks.map((t) => t.starttime);
    expect(all).toEqual([...all].sort((x, y) => y - x));
  });

  it('follows a task: its whole log arrives as tasks.progressed events, ending with the exit status', async () => {
    const events: TaskProgress[] = [];
    const done = new Promise<void>((resolve) => {
      const off = fx.services.events.subscribe((m: EventMessage) => {
        if (m.event !== 'tasks.progressed') return;
        const p = m.payload as TaskProgress;
        if (p.upid !== okUpid) return;
        events.push(p);
        if (p.status === 'stopped') {
          off();
          resolve();
        }
      });
    });
    expect((await fx.ok('tasks.follow', { profileId: fx.root, upid: okUpid })).following).toBe(true);
    await done;
    expect(events.at(-1)!.exitstatus).toBe('OK');
    expect(events.flatMap((e) => e.newLines).at(-1)?.t).toBe('TASK OK');
  });
});

describe('node logs and services', () => {
  it('syslog pages with a total, journal without its cursors, services with systemd states', async () => {
    const page = await fx.ok('nodeLogs.syslog', { profileId: fx.root, node, start: 10, limit: 20 });
    expect(page.lines).toHaveLength(20);
    expect(page.lines[0]!.n).toBe(11);
    expect(page.total).toBeGreaterThan(20);
    expect(page.lines[0]!.t).toContain(` ${node} `);
    const journal = await fx.ok('nodeLogs.journal', { profileId: fx.root, node, lastentries: 5 });
    expect(journal.lines).toHaveLength(5);
    expect(journal.lines.some((l) => l.startsWith('s='))).toBe(false);
    const { services } = await fx.ok('nodeLogs.services', { profileId: fx.root, node });
    expect(services.find((s) => s.service === 'pveproxy')).toMatchObject({
      state: 'running',
      activeState: 'active',
      unitState: 'enabled',
    });
    expect(services.find((s) => s.service === 'proxmox-firewall')?.activeState).toBe('inactive');
  });

  it("an auditor token (no Sys.Syslog) is refused the syslog with PVE's permission text, but sees services", async () => {
    const auditor = await fx.profile('auditor@pve!ro');
    const r = await fx.call('nodeLogs.syslog', { profileId: auditor, node });
    expect(r.ok ? 'ok' : r.error.code).toBe('permission_denied');
    expect(r.ok ? '' : r.error.message).toContain('Sys.Syslog');
    expect((await fx.ok('nodeLogs.services', { profileId: auditor, node })).services.length).toBe(23);
  });
});
