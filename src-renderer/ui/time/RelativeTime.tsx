// A timestamp as people read it: relative when recent, local otherwise, the exact time on hover and for screen readers.
import { Tooltip } from '@mantine/core';
import { formatTime } from './format-time.js';

export function RelativeTime({ at }: { at: number | string | Date }) {
  const t = formatTime(at);
  return (
    <Tooltip label={t.exact}>
      <time dateTime={t.iso} title={t.exact} data-testid="time">
        {t.text}
      </time>
    </Tooltip>
  );
}
