// Guest agent and storage against the simulator through the real app services: agent facts and clear states, audit
// plans with captured output and privilege blocks, ISO upload (multipart) with progress, template download, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { EventMessage } from '../../../src-main/ipc/event-bus.js';
import { MAX_CHUNK_BYTES } from '../../../src-shared/ipc/channels/storage.js';
import { startOpsFixture, type OpsFixture } from '../operations/ops-fixture.js';

let fx: OpsFixture;
let vm: GuestRef;
let noAgent: GuestRef;
let stopped: GuestRef;

beforeAll(async () => {
  fx = await startOpsFixture();
  const running = fx.guests({ type: 'qemu', status: 'running' });
  [vm, noAgent] = [running[0]!, running[1]!];
  stopped = fx.guests({ type: 'qemu', status: 'stopped' })[0]!;
  fx.sim.cluster.control.setGuestConfig(vm.vmid, 'agent', '1');
  fx.sim.cluster.control.setGuestConfig(noAgent.vmid, 'agent', undefined);
  fx.sim.cluster.control.setGuestConfig(stopped.vmid, 'agent', '1');
});
afterAll(async () => {
  await fx?.close();
});

async function runPlan(planId: string, confirmText?: string) {
  return fx.ok('plans.run', { planId, ...(confirmText ? { confirmText } : {}) });
}

describe('guest agent', () => {
  it('shows OS, host name, addresses and file systems of a running VM with the agent', async () => {
    const info = await fx.ok('agent.info', { profileId: fx.root, guest: vm });
    expect(info.state).toBe('ok');
    expect(info.os?.prettyName).toBe('Debian GNU/Linux 13 (trixie)');
    expect(info.hostname).toBeTruthy();
    expect(info.interfaces.find((i) => i.name === 'eth0')?.addresses[0]).toMatch(/^192\.168\.\d+\.\d+\/24$/);
    expect(info.filesystems[0]).toMatchObject({ mountpoint: '/', type: 'ext4' });
  });

  it('says so at once for a VM without agent or a stopped VM, without asking the agent', async () => {
    const before = fx.requests('GET', `/nodes/${noAgent.node}/qemu/${noAgent.vmid}/agent`);
    const none = await fx.ok('agent.info', { profileId: fx.root, guest: noAgent });
    expect(none).toMatchObject({ state: 'no-agent' });
    expect(none.message).toMatch(/no QEMU guest agent configured/);
    expect(fx.requests('GET', `/nodes/${noAgent.node}/qemu/${noAgent.vmid}/agent`)).toBe(before);
    expect((await fx.ok('agent.info', { profileId: fx.root, guest: stopped })).state).toBe('not-running');
    const refused = await fx.call('agent.plan', {
      profileId: fx.root,
      guest: noAgent,
      run: { kind: 'presets', presets: ['disk-usage'] },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('conflict');
  });

  it('plans the audit presets (exec + file-read, with their privileges), runs them and captures the output', async () => {
    const plan = await fx.ok('agent.plan', {
      profileId: fx.root,
      guest: vm,
      run: { kind: 'presets', presets: ['os-release', 'failed-units', 'disk-usage', 'docker-ps'] },
    });
    expect(plan.blocked).toBe(false);
    expect(plan.destructive).toBe(false);
    const base = `/nodes/${vm.node}/qemu/${vm.vmid}/agent`;
    expect(plan.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET ${base}/file-read`,
      `POST ${base}/exec`,
      `POST ${base}/exec`,
      `POST ${base}/exec`,
    ]);
    expect(plan.calls[1]!.pvesh).toBe(
      `pvesh create ${base}/exec --command systemctl --command list-units --command --failed`,
    );
    expect(plan.calls[1]!.privileges).toEqual(['VM.GuestAgent.Unrestricted on /vms/{vmid}']);
    const result = await runPlan(plan.id);
    expect(result.state).toBe('succeeded');
    const out = await fx.ok('agent.output', { planId: plan.id });
    expect(out.entries.map((e) => [e.command, e.state])).toEqual([
      ['cat /etc/os-release', 'done'],
      ['systemctl list-units --failed', 'done'],
      ['df -h', 'done'],
      ['docker ps', 'done'],
    ]);
    expect(out.entries[0]!.stdout).toContain('ID=debian');
    expect(out.entries[2]!.stdout).toMatch(/^Filesystem\s+Size\s+Used/);
    expect(out.entries[3]!.stdout).toContain(`web-${vm.vmid}`);
    expect(
      fx.sim.requestLog.some(
        (r) =>
          r.method === 'POST' &&
          r.path === `${base}/exec` &&
          JSON.stringify(r.params).includes('"command":["df","-h"]'),
      ),
    ).toBe(true);
  });

  it('an arbitrary command needs the VM name typed; a failing program is reported with its error', async () => {
    const plan = await fx.ok('agent.plan', {
      profileId: fx.root,
      guest: vm,
      run: { kind: 'command', argv: ['nosuchprog', '--x'] },
    });
    expect(plan.destructive).toBe(true);
    const refused = await fx.call('plans.run', { planId: plan.id, confirmText: 'wrong' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('bad_parameter');
    await runPlan(plan.id, plan.confirmWord);
    const out = await fx.ok('agent.output', { planId: plan.id });
    expect(out.entries[0]).toMatchObject({ state: 'failed', exitcode: 127 });
    expect(out.entries[0]!.stderr).toContain('nosuchprog');
  });

  it('sends the argv as repeated command keys in the body, each argument intact', async () => {
    const argv = ['echo', 'a b&c=d', 'x%20y', '--command=z', 'ü;€'];
    const plan = await fx.ok('agent.plan', { profileId: fx.root, guest: vm, run: { kind: 'command', argv } });
    await runPlan(plan.id, plan.confirmWord);
    const out = await fx.ok('agent.output', { planId: plan.id });
    expect(out.entries[0]).toMatchObject({ state: 'done', stdout: `${argv.slice(1).join(' ')}\n` });
    const exec = fx.sim.requestLog
      .filter((r) => r.method === 'POST' && r.path === `/nodes/${vm.node}/qemu/${vm.vmid}/agent/exec`)
      .at(-1);
    expect(exec?.params.command).toEqual(argv);
    const single = await fx.ok('agent.plan', {
      profileId: fx.root,
      guest: vm,
      run: { kind: 'command', argv: ['hostname'] },
    });
    await runPlan(single.id, single.confirmWord);
    expect((await fx.ok('agent.output', { planId: single.id })).entries[0]).toMatchObject({
      state: 'done',
      exitcode: 0,
    });
  });

  it('a token without VM.GuestAgent.Unrestricted gets the exec plan blocked with the reason; file-read alone is not', async () => {
    const auditor = await fx.profile('auditor@pve!ro');
    const target = fx.guests({ type: 'qemu', status: 'running' }).find((g) => g.vmid !== noAgent.vmid)!;
    fx.sim.cluster.control.setGuestConfig(target.vmid, 'agent', '1');
    const plan = await fx.ok('agent.plan', {
      profileId: auditor,
      guest: target,
      run: { kind: 'presets', presets: ['disk-usage'] },
    });
    expect(plan.blocked).toBe(true);
    expect(plan.blockReasons.join(' ')).toContain('VM.GuestAgent.Unrestricted');
    const info = await fx.ok('agent.info', { profileId: auditor, guest: target });
    expect(info.state).toBe('ok');
  });
});

describe('storage', () => {
  const node = (): string => vm.node;

  it('lists storages with usage and content types, and content with size and date', async () => {
    const { storages } = await fx.ok('storage.list', { profileId: fx.root, node: node() });
    const local = storages.find((s) => s.storage === 'local')!;
    expect(local.content).toEqual(expect.arrayContaining(['iso', 'vztmpl', 'backup']));
    expect(local.total).toBeGreaterThan(local.used);
    const { items } = await fx.ok('storage.content', {
      profileId: fx.root,
      node: node(),
      storage: 'local',
      content: 'iso',
    });
    expect(items.map((i) => i.volid)).toContain('local:iso/debian-13.1.0-amd64-netinst.iso');
    expect(items[0]!.size).toBeGreaterThan(0);
    expect(items[0]!.ctime).toBeGreaterThan(1_600_000_000);
  });

  it('uploads an ISO in chunks through a plan (multipart), with byte progress, and it is listed with its size', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    const tooBig = await fx.call('storage.stageChunk', {
      stageId: 'a'.repeat(32),
      offset: 0,
      data: 'A'.repeat(Math.ceil(MAX_CHUNK_BYTES / 3) * 4 + 4),
    });
    expect(tooBig.ok ? 'ok' : tooBig.error.code).toBe('bad_request');
    const { stageId } = await fx.ok('storage.stage', { filename: 'tiny-test.iso', size: bytes.length });
    const half = 4 * MAX_CHUNK_BYTES;
    const send = async (from: number, to: number) => {
      for (let o = from; o < to; o += MAX_CHUNK_BYTES)
        await fx.ok('storage.stageChunk', {
          stageId,
          offset: o,
          data: bytes.subarray(o, Math.min(o + MAX_CHUNK_BYTES, to)).toString('base64'),
        });
    };
    await send(0, half);
    const early = await fx.call('storage.plan', {
      profileId: fx.root,
      action: {
        kind: 'upload',
        node: node(),
        storage: 'local',
        content: 'iso',
        stageId,
        filename: 'tiny-test.iso',
      },
    });
    expect(early.ok ? 'ok' : early.error.code).toBe('bad_parameter');
    await send(half, bytes.length);
    const plan = await fx.ok('storage.plan', {
      profileId: fx.root,
      action: {
        kind: 'upload',
        node: node(),
        storage: 'local',
        content: 'iso',
        stageId,
        filename: 'tiny-test.iso',
      },
    });
    expect(plan.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /nodes/${node()}/storage/local/upload`,
    ]);
    expect(plan.calls[0]!.privileges).toEqual(['Datastore.AllocateTemplate on /storage/{storage}']);
    expect(plan.calls[0]!.check.allowed).toBe(true);
    const progress: number[] = [];
    const off = fx.services.events.subscribe((m: EventMessage) => {
      if (m.event === 'storage.uploadProgressed') progress.push((m.payload as { sent: number }).sent);
    });
    const result = await runPlan(plan.id);
    off();
    expect(result.state).toBe('succeeded');
    expect(result.steps[0]!.upid).toMatch(/:imgcopy::/);
    expect(result.steps[0]!.log.map((l) => l.t)).toContain('finished file import successfully');
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress.length).toBeGreaterThan(1);
    const { items } = await fx.ok('storage.content', {
      profileId: fx.root,
      node: node(),
      storage: 'local',
      content: 'iso',
    });
    expect(items.find((i) => i.volid === 'local:iso/tiny-test.iso')?.size).toBe(bytes.length);
  });

  it('refuses an upload to a storage without ISO content before anything is sent', async () => {
    const { stageId } = await fx.ok('storage.stage', { filename: 'x.iso', size: 4 });
    await fx.ok('storage.stageChunk', { stageId, offset: 0, data: Buffer.from('abcd').toString('base64') });
    const r = await fx.call('storage.plan', {
      profileId: fx.root,
      action: {
        kind: 'upload',
        node: node(),
        storage: 'local-lvm',
        content: 'iso',
        stageId,
        filename: 'x.iso',
      },
    });
    expect(r.ok ? 'ok' : r.error.message).toMatch(/does not hold iso content/);
  });

  it('downloads a template from the appliance index as a task, then deletes it with the typed file name', async () => {
    const { appliances } = await fx.ok('storage.appliances', { profileId: fx.root, node: node() });
    const alpine = appliances.find((a) => a.os.startsWith('alpine'))!;
    expect(alpine.type).toBe('lxc');
    const plan = await fx.ok('storage.plan', {
      profileId: fx.root,
      action: { kind: 'template.download', node: node(), storage: 'local', template: alpine.template },
    });
    expect(plan.calls[0]!.pvesh).toBe(
      `pvesh create /nodes/${node()}/aplinfo --storage local --template ${alpine.template}`,
    );
    const r = await runPlan(plan.id);
    expect(r.steps[0]!.upid).toContain(`:download:${alpine.template}:`);
    const volid = `local:vztmpl/${alpine.template}`;
    const listed = async () =>
      (
        await fx.ok('storage.content', {
          profileId: fx.root,
          node: node(),
          storage: 'local',
          content: 'vztmpl',
        })
      ).items.map((i) => i.volid);
    expect(await listed()).toContain(volid);
    const del = await fx.ok('storage.plan', {
      profileId: fx.root,
      action: { kind: 'content.delete', node: node(), volid },
    });
    expect(del).toMatchObject({ destructive: true, confirmWord: alpine.template });
    const gone = await runPlan(del.id, del.confirmWord);
    expect(gone.error?.message ?? gone.state).toBe('succeeded');
    expect(await listed()).not.toContain(volid);
  });
});
