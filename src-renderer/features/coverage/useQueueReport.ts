// Hook: the live report of a verification queue — read again whenever a step of its plan moves (no timers).
import { useCallback, useEffect, useState } from 'react';
import type { QueueReport } from '../../../src-shared/ipc/channels/coverage.js';
import { getBridge } from '../../bridge.js';
import { request } from '../../request.js';

export function useQueueReport(): {
  report: QueueReport | undefined;
  follow(planId: string): void;
  refresh(): void;
} {
  const [planId, setPlanId] = useState<string>();
  const [report, setReport] = useState<QueueReport>();
  const refresh = useCallback(() => {
    if (!planId) return;
    void request('coverage.queueReport', { planId }, 'Cannot read the verification report').then(
      (r) => r && setReport(r),
    );
  }, [planId]);
  useEffect(() => {
    if (!planId) return undefined;
    refresh();
    return getBridge().on('plans.progressed', (p) => {
      if (p.planId === planId && p.state !== 'running') refresh();
    });
  }, [planId, refresh]);
  return { report, follow: setPlanId, refresh };
}
