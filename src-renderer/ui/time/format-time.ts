// Timestamps for people: local time, relative when recent ("3 min ago"), and the exact local time for a tooltip.

/** Epoch seconds (PVE), epoch milliseconds, an ISO/RFC-1123 string or a Date, as a Date (undefined if unreadable). */
export function toDate(value: number | string | Date): Date | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'number'
        ? new Date(value < 1e12 ? value * 1000 : value)
        : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export interface FormattedTime {
  /** what to show: "just now", "3 min ago", "5 h ago", "4 Dec, 14:02", "4 Dec 2025" */
  text: string;
  /** the exact local time with seconds and zone, for the title/tooltip */
  exact: string;
  iso: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function formatTime(value: number | string | Date, now: number = Date.now()): FormattedTime {
  const date = toDate(value);
  if (!date) return { text: 'unknown time', exact: String(value), iso: '' };
  const at = date.getTime();
  const diff = now - at;
  const exact = date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'long',
  });
  let text: string;
  if (diff >= -MINUTE && diff < 45_000) text = 'just now';
  else if (diff > 0 && diff < HOUR) text = `${Math.round(diff / MINUTE)} min ago`;
  else if (diff > 0 && diff < 12 * HOUR) text = `${Math.round(diff / HOUR)} h ago`;
  else if (date.getFullYear() === new Date(now).getFullYear())
    text = date.toLocaleString(undefined, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
  else text = date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return { text, exact, iso: date.toISOString() };
}

/** A duration in seconds as "45 s", "3 min 5 s", "2 h 10 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}
