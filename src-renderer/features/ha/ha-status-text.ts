// An LRM status line without the server's clock text: the time is shown separately, in local time.

/** PVE's scalar localtime ("Thu Sep 17 15:39:24 2026") or RFC-1123 ("Thu, 17 Sep 2026 15:39:24 GMT"). */
const CLOCK =
  /,?\s*(?:[A-Z][a-z]{2},?\s+)?(?:[A-Z][a-z]{2}\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2})\s+(?:\d{4}\s+)?\d{2}:\d{2}:\d{2}(?:\s+\d{4})?(?:\s+(?:GMT|UTC|[+-]\d{4}))?/;

export function withoutClock(status: string): string {
  return status
    .replace(CLOCK, '')
    .replace(/\(\s*\)/, '')
    .trim();
}
