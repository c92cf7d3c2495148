// The coverage table's logic without React: what is wrong with a guest's backups, the filters, sort values and the
// CSV export of the filtered rows.
import type { CoverageRow } from '../../../src-shared/ipc/channels/coverage.js';

export type Problem = 'uncovered' | 'failed' | 'none' | 'unverified' | 'protected';

export const PROBLEM_LABEL: Record<Problem, string> = {
  uncovered: 'Not in any backup job',
  failed: 'Last backup failed',
  none: 'No backup',
  unverified: 'Newest backup never verified',
  protected: 'Has protected backups',
};

/** A row and the name of its cluster, as the view shows it. */
export interface ViewRow extends CoverageRow {
  cluster: string;
}

export function problemsOf(r: CoverageRow): Problem[] {
  const out: Problem[] = [];
  if (r.covered === false) out.push('uncovered');
  if (r.lastFailure) out.push('failed');
  if (!r.newest) out.push('none');
  else if (!r.newest.verified) out.push('unverified');
  if (r.protectedCount > 0) out.push('protected');
  return out;
}

export interface CoverageFilter {
  text: string;
  /** a row must show every chosen problem */
  problems: Problem[];
  cluster: string | null;
  /** newest backup older than this many days (or none at all) */
  olderThanDays: number | null;
  showTemplates: boolean;
}

export const NO_FILTER: CoverageFilter = {
  text: '',
  problems: [],
  cluster: null,
  olderThanDays: null,
  showTemplates: false,
};

const DAY = 86_400;

export function ageDays(r: CoverageRow, nowSec: number): number | undefined {
  return r.newest ? Math.max(0, Math.floor((nowSec - r.newest.ctime) / DAY)) : undefined;
}

export function filterRows(rows: readonly ViewRow[], f: CoverageFilter, nowSec: number): ViewRow[] {
  const q = f.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (!f.showTemplates && r.template) return false;
    if (f.cluster && r.profileId !== f.cluster) return false;
    if (q && !`${r.vmid} ${r.name ?? ''} ${r.node} ${r.cluster}`.toLowerCase().includes(q)) return false;
    const p = problemsOf(r);
    if (!f.problems.every((x) => p.includes(x))) return false;
    if (f.olderThanDays !== null) {
      const age = ageDays(r, nowSec);
      if (age !== undefined && age < f.olderThanDays) return false;
    }
    return true;
  });
}

export type SortKey =
  'cluster' | 'vmid' | 'name' | 'node' | 'covered' | 'newest' | 'failed' | 'verified' | 'count';

export function sortValue(r: ViewRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'cluster':
      return r.cluster;
    case 'vmid':
      return r.vmid;
    case 'name':
      return r.name;
    case 'node':
      return r.node;
    case 'covered':
      return r.covered === undefined ? undefined : r.covered ? 1 : 0;
    case 'newest':
      return r.newest?.ctime;
    case 'failed':
      return r.lastFailure?.time;
    case 'verified':
      return r.newest?.verified?.time;
    case 'count':
      return r.backupCount;
  }
}

const cell = (v: string | number | undefined): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const iso = (sec: number): string => new Date(sec * 1000).toISOString();

/** RFC 4180 CSV of these rows (times in UTC ISO 8601 so a spreadsheet sorts them). */
export function toCsv(rows: readonly ViewRow[], nowSec: number): string {
  const head = [
    'cluster',
    'vmid',
    'name',
    'type',
    'node',
    'in a backup job',
    'newest backup',
    'age (days)',
    'archive',
    'archives',
    'protected archives',
    'last backup failed',
    'verified',
    'verified at',
  ];
  const lines = rows.map((r) =>
    [
      r.cluster,
      r.vmid,
      r.name,
      r.type,
      r.node,
      r.covered === undefined ? 'unknown' : r.covered ? 'yes' : 'no',
      r.newest && iso(r.newest.ctime),
      ageDays(r, nowSec),
      r.newest?.volid,
      r.backupCount,
      r.protectedCount,
      r.lastFailure ? `${iso(r.lastFailure.time)} ${r.lastFailure.status}` : '',
      r.newest?.verified?.state ?? (r.newest ? 'never' : ''),
      r.newest?.verified?.time,
    ]
      .map(cell)
      .join(','),
  );
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}

/** "3 days ago" past a day (formatTime's date would hide how stale a verification is), else formatTime's text. */
export function daysAgo(fallback: string, at: number, nowMs: number): string {
  const days = Math.floor((nowMs - at) / (DAY * 1000));
  return days >= 1 ? `${days} day${days === 1 ? '' : 's'} ago` : fallback;
}
