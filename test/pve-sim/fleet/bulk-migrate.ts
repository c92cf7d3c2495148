// POST /cluster/bulk-action/guest/migrate (PVE 9): one bulkmigrate task that migrates the listed guests to one target
// with at most max-workers migrations at a time, logs each guest's result, carries on past failures and fails at the end.
import { PveHttpError, type HandlerRegistry } from '../http/types.js';
import { can, fail, flag, optNum, str, type SimCore } from '../handlers/common.js';
import { startMigration } from '../handlers/clone-migrate.js';
import { isRunning } from '../cluster/state.js';

function vmsOf(raw: unknown): number[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((v) => Number(v));
}

export function registerBulkMigrate(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  reg.add('POST', '/cluster/bulk-action/guest/migrate', (req, ctx) => {
    const target = str(req, 'target');
    const vms = vmsOf(req.params['vms']);
    if (vms.length === 0) throw fail('no guests selected');
    for (const vmid of vms)
      if (!can(req, ctx, '/', 'VM.Migrate') && !can(req, ctx, `/vms/${vmid}`, 'VM.Migrate'))
        throw new PveHttpError(403, `Permission check failed (/vms/${vmid}, VM.Migrate)\n`);
    const workers = optNum(req, 'max-workers') ?? optNum(req, 'maxworkers') ?? 1;
    const online = flag(req, 'online');
    const first = [...state.nodes.values()].find((n) => n.online)?.name ?? target;
    return core.tasks.start({
      node: first,
      type: 'bulkmigrate',
      id: '',
      principal: req.principal,
      run: async (t) => {
        const queue = [...vms];
        const failed: number[] = [];
        const one = async (vmid: number): Promise<void> => {
          const g = state.guests.get(vmid);
          if (!g) {
            t.log(`guest ${vmid} does not exist - skipping`);
            failed.push(vmid);
            return;
          }
          const word = g.type === 'qemu' ? 'VM' : 'CT';
          try {
            const running = isRunning(g);
            const upid = startMigration(core, req.principal, g, g.type, {
              target,
              online: online && running && g.type === 'qemu',
              restart: online && running && g.type === 'lxc',
            });
            t.log(`migrating ${word} ${vmid} to ${target} (${upid})`);
            const rec = await core.tasks.done(upid);
            if (rec?.exitstatus !== 'OK') throw new Error(rec?.exitstatus ?? 'task vanished');
            t.log(`${word} ${vmid}: OK`);
          } catch (e) {
            failed.push(vmid);
            t.log(`${word} ${vmid}: failed - ${e instanceof Error ? e.message.trim() : String(e)}`);
          }
        };
        const worker = async (): Promise<void> => {
          for (let vmid = queue.shift(); vmid !== undefined; vmid = queue.shift()) await one(vmid);
        };
        await Promise.all(Array.from({ length: Math.min(workers, vms.length) }, () => worker()));
        if (failed.length > 0) throw new Error(`some guests failed to migrate: ${failed.join(', ')}`);
      },
    });
  });
}
