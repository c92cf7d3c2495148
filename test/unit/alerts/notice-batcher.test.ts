// Rate limit and grouping of notifications.
import { describe, expect, it } from 'vitest';
import { createNoticeBatcher } from '../../../src-main/features/alerts/notice-batcher.js';
import type { Alert } from '../../../src-shared/ipc/channels/alerts.js';

const alert = (n: number, state: Alert['state'] = 'raised'): Alert => ({
  key: `k${n}`,
  kind: 'node-offline',
  state,
  severity: 'red',
  clusterId: 'c1',
  title: `Node n${n} is offline`,
  detail: 'Cluster Lab',
  at: 0,
  target: { kind: 'node', clusterId: 'c1', node: `n${n}` },
});

describe('notice batcher', () => {
  it('waits the grouping window, then sends a single alert as itself with its target', () => {
    const b = createNoticeBatcher({ groupWindowMs: 100 });
    b.push([alert(1)], 0);
    expect(b.flush(50)).toBeUndefined();
    const out = b.flush(100)!;
    expect(out.notice).toMatchObject({ title: 'Node n1 is offline', count: 1, target: { node: 'n1' } });
    expect(b.dueAt()).toBeUndefined();
  });

  it('groups many alerts at once into one notice', () => {
    const b = createNoticeBatcher({ groupWindowMs: 100 });
    b.push([alert(1), alert(2), alert(3)], 0);
    b.push([alert(4), alert(5, 'recovered')], 40);
    const out = b.flush(100)!;
    expect(out.notice.title).toBe('Proxdeck: 4 new problems, 1 recovered');
    expect(out.notice.body.split('\n')).toEqual([
      'Node n1 is offline',
      'Node n2 is offline',
      'Node n3 is offline',
      'and 2 more',
    ]);
    expect(out.notice.count).toBe(5);
    expect(out.notice.target).toBeUndefined();
    expect(b.flush(200)).toBeUndefined();
  });

  it('sends at most maxPerWindow notices per window; the rest wait and go as one', () => {
    const b = createNoticeBatcher({ groupWindowMs: 0, maxPerWindow: 2, rateWindowMs: 1000 });
    const sent: number[] = [];
    for (let i = 0; i < 5; i++) {
      b.push([alert(i)], i * 10);
      const out = b.flush(i * 10);
      if (out) sent.push(out.notice.count);
    }
    expect(sent).toEqual([1, 1]);
    expect(b.dueAt()).toBe(1000);
    expect(b.flush(999)).toBeUndefined();
    expect(b.flush(1000)!.notice.count).toBe(3);
  });

  it('drops a problem that is raised and recovers inside one batch', () => {
    const b = createNoticeBatcher({ groupWindowMs: 100 });
    b.push([alert(1)], 0);
    b.push([alert(1, 'recovered'), alert(2)], 50);
    const out = b.flush(100)!;
    expect(out.alerts.map((a) => a.key)).toEqual(['k2']);
    expect(out.notice.count).toBe(1);
  });
});
