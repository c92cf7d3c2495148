// Backups: POST /nodes/{node}/vzdump (modes, storage, compress, notes, protected) writing archives as storage content.
import { permError, type HandlerContext, type HandlerRegistry, type SimRequest } from '../http/types.js';
import { backupVolume } from '../cluster/generate.js';
import { guestMaxDisk } from '../cluster/metrics.js';
import type { Guest } from '../cluster/model.js';
import { powerOff, powerOn } from '../cluster/power.js';
import { guestName, isRunning } from '../cluster/state.js';
import type { TaskCtx } from '../cluster/tasks.js';
import { can, fail, flag, optStr, str, type SimCore } from './common.js';

const COMPRESS_EXT: Record<string, string> = { '0': '', '1': 'lzo', gzip: 'gz', lzo: 'lzo', zstd: 'zst' };

export function expandNotes(template: string, g: Guest, clusterName: string): string {
  return template
    .replaceAll('{{guestname}}', guestName(g))
    .replaceAll('{{vmid}}', String(g.vmid))
    .replaceAll('{{node}}', g.node)
    .replaceAll('{{cluster}}', clusterName);
}

function selectGuests(
  core: SimCore,
  req: SimRequest,
  node: string,
  poolVms: ReadonlySet<number> | undefined,
): Guest[] {
  const exclude = new Set(
    (optStr(req, 'exclude') ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number),
  );
  const ids = optStr(req, 'vmid');
  let list: Guest[];
  if (flag(req, 'all')) list = [...core.state.guests.values()];
  else if (poolVms) list = [...core.state.guests.values()].filter((g) => poolVms.has(g.vmid));
  else if (ids) {
    list = ids
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((id) => {
        const g = core.state.guests.get(Number(id));
        if (!g) throw fail(`Backup of VM ${id} failed - unable to find VM '${id}'`);
        return g;
      });
  } else throw fail('No VMIDs specified and "all" is not set');
  return list.filter((g) => g.node === node && !exclude.has(g.vmid) && Number(g.conf['template'] ?? 0) !== 1);
}

async function backupOne(
  core: SimCore,
  t: TaskCtx,
  g: Guest,
  req: SimRequest,
  share: number,
  clusterName: string,
): Promise<void> {
  const mode = optStr(req, 'mode') ?? 'snapshot';
  const storage = optStr(req, 'storage') ?? 'local';
  const ext = COMPRESS_EXT[optStr(req, 'compress') ?? '0'] ?? '';
  const kind = g.type === 'qemu' ? 'qemu' : 'lxc';
  t.log(`INFO: Starting Backup of VM ${g.vmid} (${kind})`);
  t.log(`INFO: Backup started at ${new Date(core.state.now()).toISOString().replace('T', ' ').slice(0, 19)}`);
  t.log(`INFO: status = ${isRunning(g) ? 'running' : 'stopped'}`);
  t.log(`INFO: backup mode: ${mode}`);
  await t.withLock(g, 'backup', async () => {
    const wasRunning = isRunning(g);
    if (mode === 'stop' && wasRunning) {
      t.log('INFO: stopping virtual guest');
      powerOff(g, core.state.now());
    }
    if (mode === 'suspend' && wasRunning) g.power = 'paused';
    await t.wait(share);
    if (mode === 'stop' && wasRunning) powerOn(g, core.state.now());
    if (mode === 'suspend' && wasRunning) g.power = 'running';
    const vol = backupVolume(
      storage,
      core.state.storages.get(storage)?.shared ? undefined : g.node,
      g.vmid,
      g.type,
      core.state.nowSec(),
      ext,
      Math.floor(guestMaxDisk(g) * 0.35) + 4096,
      undefined,
    );
    const notes = optStr(req, 'notes-template');
    if (notes) vol.notes = expandNotes(notes, g, clusterName);
    if (flag(req, 'protected')) vol.protected = 1;
    const conf = { ...g.conf };
    delete conf['lock'];
    core.state.volumes.push({ ...vol, conf });
    t.log(
      `INFO: creating vzdump archive '${vol.volid.replace(`${storage}:backup/`, `/mnt/pve/${storage}/dump/`)}'`,
    );
  });
  t.log(`INFO: Finished Backup of VM ${g.vmid} (00:00:0${Math.max(1, Math.round(share))})`);
}

/** the in-code check of PVE's vzdump API: VM.Backup on each listed guest, Datastore.AllocateSpace on the target storage */
function requireBackupRights(req: SimRequest, ctx: HandlerContext, storage: string): void {
  for (const vmid of (optStr(req, 'vmid') ?? '').split(/[,;\s]+/).filter(Boolean)) {
    if (!can(req, ctx, `/vms/${vmid}`, 'VM.Backup')) throw permError(`/vms/${vmid}`, 'VM.Backup');
  }
  if (!can(req, ctx, `/storage/${storage}`, 'Datastore.AllocateSpace'))
    throw permError(`/storage/${storage}`, 'Datastore.AllocateSpace');
}

export function registerVzdump(reg: HandlerRegistry, core: SimCore, clusterName: string): void {
  reg.add('POST', '/nodes/{node}/vzdump', (req, ctx) => {
    const node = core.state.node(str(req, 'node')).name;
    const storage = optStr(req, 'storage') ?? 'local';
    requireBackupRights(req, ctx, storage);
    const st = core.state.storage(storage);
    if (!st.content.includes('backup')) throw fail(`storage '${storage}' does not support backups`);
    const pool = optStr(req, 'pool');
    const guests = selectGuests(
      core,
      req,
      node,
      pool ? (ctx.acl.pools().get(pool)?.vms ?? new Set()) : undefined,
    );
    const id = guests.length === 1 && guests[0] ? String(guests[0].vmid) : '';
    return core.tasks.start({
      node,
      type: 'vzdump',
      id,
      principal: req.principal,
      run: async (t) => {
        let errors = 0;
        for (const g of guests) {
          try {
            await backupOne(core, t, g, req, 1 / Math.max(1, guests.length), clusterName);
          } catch (e) {
            const msg = e instanceof Error ? e.message.replace(/\n$/, '') : String(e);
            if (msg === 'received interrupt') throw e;
            t.log(`ERROR: Backup of VM ${g.vmid} failed - ${msg}`);
            errors++;
          }
        }
        if (errors > 0) throw new Error('job errors');
        t.log('INFO: Backup job finished successfully');
      },
    });
  });
}
