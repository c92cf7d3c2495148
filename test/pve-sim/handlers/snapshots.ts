// Snapshot endpoints: list (tree + "current"), create, rollback, delete, snapshot config.
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import { configDigest } from '../cluster/config-digest.js';
import type { Guest, GuestConfig, GuestType } from '../cluster/model.js';
import { powerOff, powerOn } from '../cluster/power.js';
import { isRunning, isTemplate } from '../cluster/state.js';
import { KINDS, fail, flag, guestOf, optStr, str, taskType, type SimCore } from './common.js';
import { snapshotConfig } from './guest-config.js';

function checkReserved(name: string): void {
  if (name === 'current' || name.toLowerCase() === 'pending')
    throw fail(`unable to use snapshot name '${name}' (reserved name)`);
}

function snapshotList(g: Guest): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of g.snapshots.values()) {
    const e: Record<string, unknown> = { name: s.name, snaptime: s.snaptime, description: s.description };
    if (g.type === 'qemu') e['vmstate'] = s.vmstate;
    if (s.parent) e['parent'] = s.parent;
    if (s.snapstate) e['snapstate'] = s.snapstate;
    out.push(e);
  }
  const current: Record<string, unknown> = {
    name: 'current',
    digest: configDigest(g),
    running: isRunning(g) ? 1 : 0,
    description: 'You are here!',
  };
  if (typeof g.conf['parent'] === 'string') current['parent'] = g.conf['parent'];
  out.push(current);
  return out;
}

function frozenConfig(g: Guest): GuestConfig {
  const conf: GuestConfig = { ...g.conf };
  delete conf['lock'];
  delete conf['parent'];
  return conf;
}

function missing(name: string): Error {
  return new Error(`snapshot '${name}' does not exist`);
}

export function registerSnapshots(reg: HandlerRegistry, core: SimCore): void {
  const now = (): number => core.state.now();
  for (const type of KINDS) {
    const base = `/nodes/{node}/${type}/{vmid}/snapshot`;
    const start = (
      req: SimRequest,
      g: Guest,
      action: string,
      run: Parameters<SimCore['tasks']['start']>[0]['run'],
    ): string =>
      core.tasks.start({
        node: g.node,
        type: taskType(type as GuestType, action),
        id: String(g.vmid),
        principal: req.principal,
        run,
      });

    reg.add('GET', base, (req) => snapshotList(guestOf(core, req, type)));

    reg.add('POST', base, (req) => {
      const g = guestOf(core, req, type);
      const name = str(req, 'snapname');
      checkReserved(name);
      const withState = type === 'qemu' && flag(req, 'vmstate') && isRunning(g) ? 1 : 0;
      return start(req, g, 'snapshot', (t) =>
        t.withLock(g, 'snapshot', async () => {
          if (g.snapshots.has(name)) throw new Error(`snapshot name '${name}' already used`);
          if (isTemplate(g)) throw new Error(`you can't take a snapshot if it's a template`);
          const parent = typeof g.conf['parent'] === 'string' ? g.conf['parent'] : undefined;
          const snap = {
            name,
            snaptime: Math.floor(now() / 1000),
            vmstate: withState as 0 | 1,
            description: optStr(req, 'description') ?? '',
            snapstate: 'prepare' as const,
            conf: frozenConfig(g),
            ...(parent ? { parent } : {}),
          };
          g.snapshots.set(name, snap);
          if (withState) t.log(`saving VM state and RAM using storage 'local-lvm'`);
          await t.wait().catch((e: unknown) => {
            g.snapshots.delete(name);
            throw e;
          });
          delete (snap as { snapstate?: string }).snapstate;
          g.conf['parent'] = name;
        }),
      );
    });

    reg.add('GET', `${base}/{snapname}`, (req) => {
      const g = guestOf(core, req, type);
      if (!g.snapshots.has(str(req, 'snapname')))
        throw fail(`snapshot '${str(req, 'snapname')}' does not exist`);
      return [{ rel: 'config' }, { rel: 'rollback' }];
    });

    reg.add('GET', `${base}/{snapname}/config`, (req) =>
      snapshotConfig(guestOf(core, req, type), str(req, 'snapname')),
    );

    reg.add('PUT', `${base}/{snapname}/config`, (req) => {
      const g = guestOf(core, req, type);
      const s = g.snapshots.get(str(req, 'snapname'));
      if (!s) throw fail(`snapshot '${str(req, 'snapname')}' does not exist`);
      const d = optStr(req, 'description');
      if (d !== undefined) s.description = d;
      core.state.bump();
      return null;
    });

    reg.add('DELETE', `${base}/{snapname}`, (req) => {
      const g = guestOf(core, req, type);
      const name = str(req, 'snapname');
      return start(req, g, 'delsnapshot', (t) =>
        t.withLock(g, 'snapshot-delete', async () => {
          const s = g.snapshots.get(name);
          if (!s) throw missing(name);
          s.snapstate = 'delete';
          await t.wait();
          for (const c of g.snapshots.values()) if (c.parent === name) c.parent = s.parent;
          if (g.conf['parent'] === name) {
            if (s.parent) g.conf['parent'] = s.parent;
            else delete g.conf['parent'];
          }
          g.snapshots.delete(name);
        }),
      );
    });

    reg.add('POST', `${base}/{snapname}/rollback`, (req) => {
      const g = guestOf(core, req, type);
      const name = str(req, 'snapname');
      return start(req, g, 'rollback', (t) =>
        t.withLock(g, 'rollback', async () => {
          const s = g.snapshots.get(name);
          if (!s) throw missing(name);
          if (s.snapstate)
            throw new Error(`unable to rollback to incomplete snapshot (snapstate = ${s.snapstate})`);
          if (isRunning(g)) powerOff(g, now());
          await t.wait();
          g.conf = { ...s.conf, parent: name, lock: 'rollback' };
          g.pending = {};
          g.pendingDelete = [];
          if (s.vmstate || flag(req, 'start')) powerOn(g, now());
        }),
      );
    });
  }
}
