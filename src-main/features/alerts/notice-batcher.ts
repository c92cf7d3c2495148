// Rate limit and grouping of notifications. Alerts wait a short grouping window; whatever is queued when a notice
// may go becomes one notice (a group when more than one). At most `maxPerWindow` notices per `rateWindowMs`: the
// rest wait and go out together. A problem that is raised and recovers inside one batch cancels out.
import type { Alert, Notice } from '../../../src-shared/ipc/channels/alerts.js';

export interface BatcherConfig {
  /** how long the first queued alert waits for company (default 1.5 s) */
  groupWindowMs?: number;
  /** notices allowed per rate window (default 4) */
  maxPerWindow?: number;
  /** default 60 s */
  rateWindowMs?: number;
}

export interface NoticeBatcher {
  push(alerts: readonly Alert[], now: number): void;
  /** when the queued alerts may go out (undefined: nothing queued) */
  dueAt(): number | undefined;
  /** the notice to show now, if one is due */
  flush(now: number): { notice: Notice; alerts: Alert[] } | undefined;
}

const MAX_LINES = 3;

export function noticeFor(alerts: readonly Alert[], id: string): Notice {
  const first = alerts[0]!;
  if (alerts.length === 1)
    return { id, title: first.title, body: first.detail, target: first.target, count: 1 };
  const raised = alerts.filter((a) => a.state === 'raised').length;
  const recovered = alerts.length - raised;
  const parts = [
    raised > 0 ? `${raised} new problem${raised === 1 ? '' : 's'}` : '',
    recovered > 0 ? `${recovered} recovered` : '',
  ].filter(Boolean);
  const lines = alerts.slice(0, MAX_LINES).map((a) => a.title);
  if (alerts.length > MAX_LINES) lines.push(`and ${alerts.length - MAX_LINES} more`);
  return { id, title: `Proxdeck: ${parts.join(', ')}`, body: lines.join('\n'), count: alerts.length };
}

/** raised + recovered of the same key inside one batch: nothing to tell */
function cancelFlaps(alerts: readonly Alert[]): Alert[] {
  const byKey = new Map<string, Alert[]>();
  for (const a of alerts) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  return alerts.filter((a) => {
    const same = byKey.get(a.key)!;
    return !(same.some((x) => x.state === 'raised') && same.some((x) => x.state === 'recovered'));
  });
}

export function createNoticeBatcher(cfg: BatcherConfig = {}): NoticeBatcher {
  const groupMs = cfg.groupWindowMs ?? 1_500;
  const maxPer = cfg.maxPerWindow ?? 4;
  const rateMs = cfg.rateWindowMs ?? 60_000;
  let queue: Alert[] = [];
  let queuedAt: number | undefined;
  let sent: number[] = [];
  let seq = 0;

  const dueAt = (): number | undefined => {
    if (queuedAt === undefined) return undefined;
    const grouped = queuedAt + groupMs;
    if (sent.length < maxPer) return grouped;
    return Math.max(grouped, sent[sent.length - maxPer]! + rateMs);
  };

  return {
    push(alerts, now) {
      if (alerts.length === 0) return;
      queue.push(...alerts);
      queuedAt ??= now;
    },
    dueAt,
    flush(now) {
      sent = sent.filter((t) => now - t < rateMs);
      const due = dueAt();
      if (due === undefined || now < due) return undefined;
      const alerts = cancelFlaps(queue);
      queue = [];
      queuedAt = undefined;
      if (alerts.length === 0) return undefined;
      sent.push(now);
      seq++;
      return { notice: noticeFor(alerts, `notice-${seq}`), alerts };
    },
  };
}
