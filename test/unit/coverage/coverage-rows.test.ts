// The coverage table's logic: problems per guest, filters (every chosen problem must apply), the CSV of what is shown.
import { describe, expect, it } from 'vitest';
import {
  daysAgo,
  filterRows,
  NO_FILTER,
  problemsOf,
  toCsv,
  type ViewRow,
} from '../../../src-renderer/features/coverage/coverage-rows.js';

const NOW = 1_800_000_000;
const DAY = 86_400;

const row = (vmid: number, extra: Partial<ViewRow> = {}): ViewRow => ({
  profileId: 'p1',
  cluster: 'lab',
  vmid,
  type: 'qemu',
  node: 'pve1',
  template: false,
  covered: true,
  backupCount: 1,
  protectedCount: 0,
  newest: {
    volid: `nfs:backup/vzdump-qemu-${vmid}.vma.zst`,
    node: 'pve1',
    storage: 'nfs',
    ctime: NOW - 2 * DAY,
    protected: false,
  },
  ...extra,
});

const rows: ViewRow[] = [
  row(100, { covered: false }),
  row(101, {
    lastFailure: { time: NOW - 100, node: 'pve1', upid: 'UPID:x', status: 'job errors' },
    newest: {
      volid: 'nfs:backup/a',
      node: 'pve1',
      storage: 'nfs',
      ctime: NOW - 9 * DAY,
      protected: true,
      verified: { state: 'pass', time: '2027-01-01T00:00:00Z' },
    },
    protectedCount: 1,
  }),
  row(102, { newest: undefined, backupCount: 0, name: 'db, "main"' }),
  row(103, { template: true }),
];

describe('coverage rows', () => {
  it('names every problem of a guest', () => {
    expect(problemsOf(rows[0]!)).toEqual(['uncovered', 'unverified']);
    expect(problemsOf(rows[1]!)).toEqual(['failed', 'protected']);
    expect(problemsOf(rows[2]!)).toEqual(['none']);
  });

  it('filters by every chosen problem, age, text, and hides templates unless asked', () => {
    const ids = (f: Partial<typeof NO_FILTER>) =>
      filterRows(rows, { ...NO_FILTER, ...f }, NOW).map((r) => r.vmid);
    expect(ids({})).toEqual([100, 101, 102]);
    expect(ids({ showTemplates: true })).toEqual([100, 101, 102, 103]);
    expect(ids({ problems: ['uncovered'] })).toEqual([100]);
    expect(ids({ problems: ['failed', 'protected'] })).toEqual([101]);
    expect(ids({ problems: ['failed', 'uncovered'] })).toEqual([]);
    // no backup at all is older than any age
    expect(ids({ olderThanDays: 7 })).toEqual([101, 102]);
    expect(ids({ text: 'MAIN' })).toEqual([102]);
    expect(ids({ cluster: 'other' })).toEqual([]);
  });

  it('exports the given rows as CSV with quoting and UTC times', () => {
    const csv = toCsv(rows.slice(0, 3), NOW);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^cluster,vmid,name,type,node,in a backup job,newest backup,age \(days\)/);
    expect(lines[1]).toBe(
      `lab,100,,qemu,pve1,no,${new Date((NOW - 2 * DAY) * 1000).toISOString()},2,nfs:backup/vzdump-qemu-100.vma.zst,1,0,,never,`,
    );
    expect(lines[2]).toContain(',yes,');
    expect(lines[2]).toContain(
      `${new Date((NOW - 100) * 1000).toISOString()} job errors,pass,2027-01-01T00:00:00Z`,
    );
    expect(lines[3]).toBe('lab,102,"db, ""main""",qemu,pve1,yes,,,,0,0,,,');
  });

  it('says how many days ago past a day', () => {
    const now = Date.UTC(2027, 0, 4, 12);
    expect(daysAgo('x', Date.UTC(2027, 0, 1, 11), now)).toBe('3 days ago');
    expect(daysAgo('x', Date.UTC(2027, 0, 3, 11), now)).toBe('1 day ago');
    expect(daysAgo('5 h ago', Date.UTC(2027, 0, 4, 7), now)).toBe('5 h ago');
  });
});
