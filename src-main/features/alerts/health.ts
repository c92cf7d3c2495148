// Overall health from the current problems: red if anything is down or untrusted, amber if something needs a look.
import type { Health, Problem } from '../../../src-shared/ipc/channels/alerts.js';

export function healthOf(problems: readonly Pick<Problem, 'severity'>[]): Health {
  const level = problems.some((p) => p.severity === 'red') ? 'red' : problems.length > 0 ? 'amber' : 'green';
  return { level, count: problems.length };
}

/** The words for a tray tooltip or an accessible label. */
export function healthLabel(h: Health): string {
  if (h.count === 0) return 'Proxdeck: all clear';
  return `Proxdeck: ${h.count} problem${h.count === 1 ? '' : 's'}${h.level === 'red' ? ' (needs attention)' : ''}`;
}
