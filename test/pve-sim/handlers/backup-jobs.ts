// Backup jobs: /cluster/backup CRUD with next-run from a (simplified) systemd calendar schedule, and the guests no job covers.
import { randomUUID } from 'node:crypto';
import type { HandlerRegistry } from '../http/types.js';
import type { BackupJob, Guest } from '../cluster/model.js';
import { guestName } from '../cluster/state.js';
import { fail, str, type SimCore } from './common.js';

const DOW = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const JOB_META = new Set(['id', 'delete', 'digest']);

/** Next run (epoch s) of "HH:MM", "mon,fri HH:MM", "daily", "hourly", "*:MM"-style schedules (UTC). */
export function nextRun(schedule: string, nowSec: number): number {
  const s = schedule.trim().toLowerCase();
  if (s === 'hourly') return (Math.floor(nowSec / 3600) + 1) * 3600;
  const m = /^(?:([a-z,.]+)\s+)?(\*|\d{1,2}):(\d{2})$/.exec(s === 'daily' ? '00:00' : s);
  if (!m) return nowSec + 86_400;
  const days = m[1]
    ? m[1]
        .split(',')
        .map((d) => DOW.indexOf(d.slice(0, 3)))
        .filter((d) => d >= 0)
    : [0, 1, 2, 3, 4, 5, 6];
  const minute = Number(m[3]);
  for (let step = 0; step < 8 * 24 * 60; step += m[2] === '*' ? 60 : 1440) {
    const day = new Date((Math.floor(nowSec / 86_400) * 86_400 + step * 60) * 1000);
    const hour = m[2] === '*' ? day.getUTCHours() : Number(m[2]);
    const t = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, minute) / 1000;
    if (t > nowSec && days.includes(new Date(t * 1000).getUTCDay())) return t;
  }
  return nowSec + 86_400;
}

function jobFields(params: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params))
    if (!JOB_META.has(k) && v !== undefined && v !== null) out[k] = typeof v === 'number' ? v : String(v);
  return out;
}

export function registerBackupJobs(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  const view = (j: BackupJob): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...j, type: 'vzdump', enabled: j['enabled'] ?? 1 };
    if (Number(out['enabled']) === 1)
      out['next-run'] = nextRun(String(j['schedule'] ?? '00:00'), state.nowSec());
    return out;
  };
  const job = (id: string): BackupJob => {
    const j = state.jobs.get(id);
    if (!j) throw fail(`Job '${id}' does not exist`);
    return j;
  };
  reg.add('GET', '/cluster/backup', () => [...state.jobs.values()].map(view));
  // PVE's get_guests_not_in_backup: every job counts (enabled or not); a job's node option limits it to that node
  reg.add('GET', '/cluster/backup-info/not-backed-up', (_req, ctx) => {
    const covered = (g: Guest, j: BackupJob): boolean => {
      if (j['node'] !== undefined && String(j['node']) !== g.node) return false;
      const ids = (v: unknown): number[] =>
        String(v ?? '')
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map(Number);
      if (Number(j['all'] ?? 0) === 1) return !ids(j['exclude']).includes(g.vmid);
      if (j['pool'] !== undefined) return ctx.acl.pools().get(String(j['pool']))?.vms.has(g.vmid) ?? false;
      return ids(j['vmid']).includes(g.vmid);
    };
    const jobs = [...state.jobs.values()];
    return [...state.guests.values()]
      .filter((g) => !jobs.some((j) => covered(g, j)))
      .sort((a, b) => a.vmid - b.vmid)
      .map((g) => ({ vmid: g.vmid, type: g.type, name: guestName(g) }));
  });
  reg.add('GET', '/cluster/backup/{id}', (req) => view(job(str(req, 'id'))));
  reg.add('POST', '/cluster/backup', (req) => {
    const id = typeof req.params['id'] === 'string' ? req.params['id'] : randomUUID();
    if (state.jobs.has(id)) throw fail(`Job '${id}' already exists`);
    state.jobs.set(id, { type: 'vzdump', enabled: 1, ...jobFields(req.params), id });
    state.bump();
    return null;
  });
  reg.add('PUT', '/cluster/backup/{id}', (req) => {
    const j = job(str(req, 'id'));
    for (const k of String(req.params['delete'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean))
      delete j[k];
    Object.assign(j, jobFields(req.params));
    state.bump();
    return null;
  });
  reg.add('DELETE', '/cluster/backup/{id}', (req) => {
    job(str(req, 'id'));
    state.jobs.delete(str(req, 'id'));
    state.bump();
    return null;
  });
}
