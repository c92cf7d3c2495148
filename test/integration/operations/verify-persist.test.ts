// Restore verification results outlive the app: a finished verify plan marks the archive in the backup list, the
// plan names the backups on that storage as changed, and a new set of services on the same config dir (an app
// restart) still lists the archive as verified.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../src-main/app-services.js';
import type { EventMessage } from '../../../src-main/ipc/event-bus.js';
import { createMemorySecretStore } from '../../../src-main/secrets/memory-store.js';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import { DEFAULT_ROOT_PASSWORD } from '../../pve-sim/rbac/default-state.js';
import { startOpsFixture, type OpsFixture } from './ops-fixture.js';

let fx: OpsFixture;
let vm: GuestRef;
const events: EventMessage[] = [];

beforeAll(async () => {
  fx = await startOpsFixture();
  fx.services.events.subscribe((m) => events.push(m));
  vm = fx.guests({ type: 'qemu', status: 'running' })[0]!;
});
afterAll(async () => {
  await fx?.close();
});

const backupsOf = async (vmid: number) =>
  (await fx.ok('operations.backups', { profileId: fx.root, vmid })).backups;

describe('restore verification results persist', () => {
  it('marks the archive verified after the verify plan, also for a restarted app on the same config dir', async () => {
    await fx.buildAndRun({
      kind: 'backup.run',
      guest: vm,
      storage: 'local',
      mode: 'snapshot',
      compress: 'zstd',
    });
    const archive = (await backupsOf(vm.vmid)).find((b) => b.type === 'qemu')!;
    expect(archive.verified).toBeUndefined();
    const { plan, result } = await fx.buildAndRun({
      kind: 'backup.verify',
      node: archive.node,
      type: 'qemu',
      volid: archive.volid,
      timeoutSec: 30,
    });
    expect(result.state).toBe('succeeded');
    expect(plan.changes).toContainEqual({ kind: 'backups', storage: 'local' });
    const changed = events.find(
      (m) => m.event === 'plans.changed' && (m.payload as { planId: string }).planId === plan.id,
    );
    expect(changed).toBeDefined();
    const listed = (await backupsOf(vm.vmid)).find((b) => b.volid === archive.volid)!;
    expect(listed.verified?.state).toBe('pass');

    // the file is JSON lines next to the audit log
    const lines = (await readFile(join(fx.configDir, 'verify-results.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ volid: archive.volid, state: 'pass' });

    const restarted = await createAppServices({
      configDir: fx.configDir,
      host: 'web',
      secrets: createMemorySecretStore(),
      env: {},
    });
    try {
      const call = async <T>(name: string, args: unknown): Promise<T> => {
        const reply = await restarted.dispatcher.dispatch(name, args, { host: 'web' });
        if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
        return reply.value as T;
      };
      // a pin comes only from a handshake main itself made
      await call('connect.probe', { host: '127.0.0.1', port: fx.sim.port, userTyped: true });
      const view = await call<{ id: string }>('profiles.save', {
        profile: {
          name: 'root again',
          host: `127.0.0.1:${fx.sim.port}`,
          auth: { kind: 'password', username: 'root', realm: 'pam' },
          pinnedFingerprint: fx.sim.fingerprint,
          readOnly: false,
        },
        secret: DEFAULT_ROOT_PASSWORD,
      });
      await call('connect.open', { profileId: view.id });
      const after = await call<{ backups: Array<{ volid: string; verified?: { state: string } }> }>(
        'operations.backups',
        { profileId: view.id, vmid: vm.vmid },
      );
      expect(after.backups.find((b) => b.volid === archive.volid)?.verified?.state).toBe('pass');
    } finally {
      await restarted.dispose();
    }
  }, 90_000);

  it('a failed verification shows as failed', async () => {
    const archive = (await backupsOf(vm.vmid)).find((b) => b.type === 'qemu')!;
    fx.sim.cluster.control.failNextTask('qmstart', 'start failed: kvm: no space');
    const { result } = await fx.buildAndRun({
      kind: 'backup.verify',
      node: archive.node,
      type: 'qemu',
      volid: archive.volid,
      timeoutSec: 10,
    });
    expect(result.state).toBe('failed');
    const listed = (await backupsOf(vm.vmid)).find((b) => b.volid === archive.volid)!;
    expect(listed.verified?.state).toBe('fail');
  }, 60_000);
});
