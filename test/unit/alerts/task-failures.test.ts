// Failed tasks from /cluster/tasks: announced once, backups as backup failures, old failures not replayed.
import { describe, expect, it } from 'vitest';
import {
  TASK_PROBLEM_MS,
  newFailures,
  pruneTaskProblems,
  taskProblem,
  type FinishedTaskLike,
} from '../../../src-main/features/alerts/task-failures.js';
import type { Problem } from '../../../src-shared/ipc/channels/alerts.js';

const task = (n: number, type: string, status?: string): FinishedTaskLike => ({
  upid: `UPID:pve1:0000000${n}:00000000:6700000${n}:${type}:100:root@pam:`,
  node: 'pve1',
  type,
  id: '100',
  user: 'alice@pve',
  running: status === undefined,
  ...(status !== undefined ? { status, endtime: 1_700_000_000 + n } : {}),
});

describe('task failures', () => {
  it('replays nothing on the first look, then reports each new failure once', () => {
    const seen = new Set<string>();
    expect(newFailures([task(1, 'qmstart', 'boom')], seen, true)).toEqual([]);
    const answer = [task(1, 'qmstart', 'boom'), task(2, 'vzdump', 'job errors'), task(3, 'qmstop', 'OK')];
    expect(newFailures(answer, seen, false).map((t) => t.type)).toEqual(['vzdump']);
    expect(newFailures(answer, seen, false)).toEqual([]);
  });

  it('does not count warnings or running tasks; a running task that later fails is reported', () => {
    const seen = new Set<string>();
    newFailures([], seen, true);
    expect(newFailures([task(4, 'qmigrate', 'WARNINGS: 2'), task(5, 'qmstart')], seen, false)).toEqual([]);
    expect(newFailures([task(5, 'qmstart', 'start failed')], seen, false)).toHaveLength(1);
  });

  it('names vzdump a failed backup and opens the task; failures leave the list after an hour', () => {
    const p = taskProblem('c1', 'Lab', task(2, 'vzdump', 'job errors'), 0);
    expect(p).toMatchObject({
      kind: 'backup-failed',
      title: 'Backup failed: 100 on pve1',
      severity: 'amber',
    });
    expect(p.target).toEqual({ kind: 'task', clusterId: 'c1', upid: task(2, 'vzdump').upid });
    const q = taskProblem('c1', 'Lab', task(1, 'qmstart', 'boom'), 0);
    expect(q.title).toBe('Task failed: qmstart 100 on pve1');
    const list = new Map<string, Problem>([[p.key, p]]);
    expect(pruneTaskProblems(list, p.since + TASK_PROBLEM_MS)).toBe(false);
    expect(pruneTaskProblems(list, p.since + TASK_PROBLEM_MS + 1)).toBe(true);
    expect(list.size).toBe(0);
  });
});
