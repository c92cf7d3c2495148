// Turns "the problems of one source now" into transitions: a problem that appears raises one alert, one that goes
// away raises one "recovered" alert, one that persists raises nothing. Pure.
import type { Alert, Problem } from '../../../src-shared/ipc/channels/alerts.js';
import type { ProblemDraft } from './problem-rules.js';

export interface Transition {
  current: Map<string, Problem>;
  alerts: Alert[];
}

const recoveredTitle = (p: Problem): string => {
  switch (p.kind) {
    case 'node-offline':
      return p.title.replace(/ is offline$/, ' is back online');
    case 'storage-full':
      return `Storage back under 90 %: ${p.title.replace(/^Storage (\S+).*$/, '$1')}`;
    case 'certificate-changed':
      return `Certificate trusted again: ${p.title.replace(/^Certificate of /, '').replace(/ changed$/, '')}`;
    default:
      return `Resolved: ${p.title}`;
  }
};

/** `baseline`: the first look at a source; what is already wrong is listed but not announced. */
export function transition(
  prev: ReadonlyMap<string, Problem>,
  drafts: readonly ProblemDraft[],
  now: number,
  baseline = false,
): Transition {
  const current = new Map<string, Problem>();
  const alerts: Alert[] = [];
  for (const d of drafts) {
    const before = prev.get(d.key);
    current.set(d.key, { ...d, since: before?.since ?? now });
    if (!before && !baseline) alerts.push({ ...d, state: 'raised', at: now });
  }
  for (const [key, p] of prev) {
    if (current.has(key)) continue;
    alerts.push({
      key,
      kind: p.kind,
      state: 'recovered',
      severity: p.severity,
      clusterId: p.clusterId,
      title: recoveredTitle(p),
      detail: `Was: ${p.title}.`,
      at: now,
      target: p.target,
    });
  }
  return { current, alerts };
}
