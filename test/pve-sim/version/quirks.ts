// Opt-in odd-but-real answers (`--quirks`): raw lxc.* lines, PBS backups, odd task ids and exit statuses,
// an unreadable LRM entry, an empty guest name, a slightly negative container cpu. Seeded on guests that exist,
// so the default dataset's guest ids and counts do not change.
import type { HandlerRegistry } from '../http/types.js';
import { wrap } from './shapes.js';
import type { GuestType, Volume } from '../cluster/model.js';
import { GIB } from '../cluster/model.js';
import type { SimCore } from '../handlers/common.js';

type Entry = Record<string, unknown>;

export const PBS_STORAGE = 'pbs-store';

/** Raw lines as a GPU/USB passthrough container carries them (PVE answers them as `lxc: [[key, value], ...]`). */
export const RAW_LXC_LINES: Array<[string, string]> = [
  ['lxc.cgroup2.devices.allow', 'c 226:0 rwm'],
  ['lxc.cgroup2.devices.allow', 'c 226:128 rwm'],
  ['lxc.mount.entry', '/dev/dri dev/dri none bind,optional,create=dir'],
];

export interface QuirkState {
  rawLxc: Map<number, Array<[string, string]>>;
  pbsMeta: Map<string, { verification?: { state: string; upid: string }; encrypted?: string }>;
  /** guest whose /cluster/resources name is "" and the container whose cpu is slightly negative */
  emptyName?: number;
  negativeCpu?: number;
}

const iso = (sec: number): string => new Date(sec * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

/** Seeds the data side: PBS storage with archives, raw lxc lines on two containers, odd finished tasks. */
export function seedQuirks(core: SimCore): QuirkState {
  const { state, tasks } = core;
  const q: QuirkState = { rawLxc: new Map(), pbsMeta: new Map() };
  const guests = [...state.guests.values()].sort((a, b) => a.vmid - b.vmid);
  const cts = guests.filter((g) => g.type === 'lxc');
  for (const g of cts.slice(0, 2))
    q.rawLxc.set(
      g.vmid,
      RAW_LXC_LINES.map(([k, v]) => [k, v]),
    );
  q.negativeCpu = cts.find((g) => g.power === 'running')?.vmid;
  q.emptyName = guests.find((g) => g.type === 'qemu' && g.vmid !== guests[0]?.vmid)?.vmid;

  state.storages.set(PBS_STORAGE, {
    id: PBS_STORAGE,
    type: 'pbs',
    content: ['backup'],
    shared: 1,
    total: 16_000 * GIB,
  });
  const nowS = state.nowSec();
  const states = ['ok', 'failed', undefined] as const;
  const pbsGuests = [...guests.filter((g) => g.type === 'qemu').slice(0, 2), ...cts.slice(0, 1)];
  pbsGuests.forEach((g, i) => {
    const t: GuestType = g.type;
    const when = nowS - (i + 1) * 86_400;
    const volid = `${PBS_STORAGE}:backup/${t === 'qemu' ? 'vm' : 'ct'}/${g.vmid}/${iso(when)}`;
    const v: Volume = {
      volid,
      storage: PBS_STORAGE,
      node: undefined,
      content: 'backup',
      format: t === 'qemu' ? 'pbs-vm' : 'pbs-ct',
      size: (i + 2) * GIB,
      ctime: when,
      vmid: g.vmid,
      subtype: t,
      notes: `${String(g.conf['name'] ?? g.conf['hostname'] ?? g.vmid)} to PBS`,
      ...(i === 0 ? { protected: 1 as const } : {}),
      conf: { ...g.conf },
    };
    state.volumes.push(v);
    const vs = states[i];
    q.pbsMeta.set(volid, {
      ...(vs
        ? {
            verification: {
              state: vs,
              upid: `UPID:pbs:0000A1B2:0001C3D4:${(when + 600).toString(16).toUpperCase()}:verificationjob:${PBS_STORAGE}\\x3av-1:root@pam:`,
            },
          }
        : {}),
      ...(i === 1
        ? {
            encrypted:
              '1f:2e:3d:4c:5b:6a:79:88:97:a6:b5:c4:d3:e2:f1:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:01',
          }
        : {}),
    });
  });

  const node = state.nodes.keys().next().value ?? 'pve1';
  const finished: Array<{ type: string; id: string; outcome: (w: (l: string) => void) => void }> = [
    {
      type: 'srvreload',
      id: 'networking',
      outcome: () => {
        throw new Error('unexpected status');
      },
    },
    {
      type: 'aptupdate',
      id: '',
      outcome: (w) => {
        w('repository has no Release file');
        w('apt-get update failed for one source');
      },
    },
    {
      type: 'vzdump',
      id: '',
      outcome: () => {
        throw new Error('job errors');
      },
    },
  ];
  for (const f of finished)
    tasks.start({
      node,
      type: f.type,
      id: f.id,
      principal: undefined,
      run: async (t) => f.outcome((l) => t.warn(l)),
    });
  return q;
}

/** The answer side: adds what the data model has no field for (raw lxc lines, PBS verification, odd names). */
export function applyQuirkAnswers(reg: HandlerRegistry, q: QuirkState): void {
  wrap(reg, 'GET', '/nodes/{node}/lxc/{vmid}/config', (a, p) => {
    const raw = q.rawLxc.get(Number(p['vmid']));
    return raw && typeof a === 'object' && a ? { ...(a as Entry), lxc: raw } : a;
  });
  wrap(reg, 'GET', '/nodes/{node}/storage/{storage}/content', (a) =>
    Array.isArray(a) ? a.map((e: Entry) => ({ ...e, ...q.pbsMeta.get(String(e['volid'])) })) : a,
  );
  wrap(reg, 'GET', '/cluster/resources', (a) =>
    Array.isArray(a)
      ? a.map((e: Entry) => {
          const vmid = Number(e['vmid']);
          if (vmid === q.emptyName) return { ...e, name: '' };
          if (vmid === q.negativeCpu && typeof e['cpu'] === 'number') return { ...e, cpu: -0.000153 };
          return e;
        })
      : a,
  );
  wrap(reg, 'GET', '/cluster/ha/status/current', (a) =>
    Array.isArray(a) ? [...a, { id: 'lrm:', type: 'lrm', node: '', status: 'unable to read lrm status' }] : a,
  );
}
