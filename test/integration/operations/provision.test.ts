// Clone and create against the simulator, including the pre-flight refusals (out of memory, vmid taken, storage full).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestArgs } from '../../../src-shared/ipc/contract.js';
import { startOpsFixture, type OpsFixture } from './ops-fixture.js';

let fx: OpsFixture;
const TEMPLATE = { node: 'pve1', type: 'qemu' as const, vmid: 9000 };
type Action = RequestArgs<'operations.build'>['action'];

beforeAll(async () => {
  fx = await startOpsFixture();
});
afterAll(async () => {
  await fx?.close();
});

async function refusal(action: Action): Promise<{ code: string; message: string; check?: string }> {
  const r = await fx.call('operations.build', { profileId: fx.root, action });
  if (r.ok) throw new Error('expected a refusal');
  return {
    code: r.error.code,
    message: r.error.message,
    ...(r.error.details?.check ? { check: r.error.details.check } : {}),
  };
}

const config = async (node: string, type: 'qemu' | 'lxc', vmid: number): Promise<Record<string, string>> =>
  Object.fromEntries(
    (await fx.ok('inventory.guestConfig', { clusterId: fx.root, node, type, vmid })).entries.map((e) => [
      e.key,
      e.value,
    ]),
  );

describe('clone', () => {
  it("shows the template's cloud-init drive and clones with user, ssh keys and ipconfig0", async () => {
    const info = await fx.ok('operations.provisionInfo', { profileId: fx.root, guest: TEMPLATE });
    expect(info).toMatchObject({ template: true, hasCloudInit: true, cloudInit: { ciuser: 'debian' } });
    const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPx me@laptop';
    const { plan, result } = await fx.buildAndRun({
      kind: 'clone',
      guest: TEMPLATE,
      newid: info.nextId,
      name: 'web-new',
      full: false,
      target: 'pve2',
      cloudInit: { ciuser: 'admin', sshkeys: key, ipconfig0: 'ip=10.0.0.5/24,gw=10.0.0.1' },
    });
    expect(plan.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /nodes/pve1/qemu/9000/clone`,
      `PUT /nodes/pve2/qemu/${info.nextId}/config`,
    ]);
    expect(plan.calls[0]!.params).toMatchObject({
      newid: info.nextId,
      name: 'web-new',
      full: false,
      target: 'pve2',
    });
    expect(plan.diff.map((d) => d.key)).toEqual(expect.arrayContaining(['ciuser', 'sshkeys', 'ipconfig0']));
    expect(result.state).toBe('succeeded');
    const cfg = await config('pve2', 'qemu', info.nextId);
    expect(cfg).toMatchObject({ name: 'web-new', ciuser: 'admin', ipconfig0: 'ip=10.0.0.5/24,gw=10.0.0.1' });
    expect(decodeURIComponent(cfg.sshkeys ?? '')).toBe(key);
  });

  it('refuses cloud-init fields for a source without a cloud-init drive', async () => {
    const r = await refusal({
      kind: 'clone',
      guest: { node: 'pve1', type: 'lxc', vmid: 9001 },
      full: false,
      cloudInit: { ciuser: 'x' },
    });
    expect(r.message).toMatch(/no cloud-init drive/);
  });

  it('refuses a taken vmid', async () => {
    const r = await refusal({ kind: 'clone', guest: TEMPLATE, newid: 100, full: true });
    expect(r).toMatchObject({ code: 'conflict', check: 'vmid' });
    expect(r.message).toMatch(/VM id 100 is already taken/);
  });
});

describe('create', () => {
  const ct = (over: Partial<Extract<Action, { kind: 'create' }>> = {}): Action => ({
    kind: 'create',
    type: 'lxc',
    node: 'pve1',
    name: 'ct-new',
    cores: 1,
    memoryMiB: 512,
    storage: 'local-lvm',
    diskGiB: 8,
    ostemplate: 'local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst',
    ...over,
  });

  it('creates a container at the next free vmid', async () => {
    const { nextId } = await fx.ok('operations.provisionInfo', { profileId: fx.root });
    const { plan, result } = await fx.buildAndRun(ct());
    expect(plan.calls[0]).toMatchObject({
      method: 'POST',
      path: '/nodes/pve1/lxc',
      params: { vmid: nextId, hostname: 'ct-new', rootfs: 'local-lvm:8' },
    });
    expect(result.state).toBe('succeeded');
    expect(fx.sim.cluster.guestStatus?.(nextId)).toMatchObject({ type: 'lxc', node: 'pve1' });
  });

  it('creates a VM', async () => {
    const { result, plan } = await fx.buildAndRun({
      kind: 'create',
      type: 'qemu',
      node: 'pve2',
      name: 'vm-new',
      cores: 2,
      memoryMiB: 2048,
      storage: 'local-lvm',
      diskGiB: 16,
      iso: 'local:iso/debian-13.1.0-amd64-netinst.iso',
    });
    expect(result.state).toBe('succeeded');
    const cfg = await config('pve2', 'qemu', Number(plan.calls[0]!.params.vmid));
    expect(cfg.scsi0).toMatch(/^local-lvm:vm-\d+-disk-0,size=16G/);
  });

  it('refuses when the node lacks free memory', async () => {
    const r = await refusal(ct({ memoryMiB: 4_000_000 }));
    expect(r).toMatchObject({ code: 'conflict', check: 'memory' });
    expect(r.message).toMatch(/node pve1 has .* GiB of memory free/);
  });

  it('refuses a taken vmid', async () => {
    expect(await refusal(ct({ vmid: 100 }))).toMatchObject({ code: 'conflict', check: 'vmid' });
  });

  it('refuses when the storage is full, or cannot hold guest volumes', async () => {
    const full = await refusal(ct({ diskGiB: 100_000 }));
    expect(full).toMatchObject({ code: 'conflict', check: 'storage' });
    expect(full.message).toMatch(
      /storage 'local-lvm' on pve1 has .* GiB free, the guest needs 100000\.0 GiB/,
    );
    expect(await refusal(ct({ storage: 'nfs-backup' }))).toMatchObject({ check: 'storage' });
  });
});
