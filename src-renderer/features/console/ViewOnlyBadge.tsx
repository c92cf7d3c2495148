// The "View only" badge of a console on a read-only profile (main relays no keyboard, mouse or clipboard input).
import { Badge, Tooltip } from '@mantine/core';
import { Eye } from 'lucide-react';

const WHY = 'This cluster profile is read-only: keyboard, mouse and clipboard are not sent';

export function ViewOnlyBadge() {
  return (
    <Tooltip label={WHY}>
      <Badge
        color="yellow"
        variant="filled"
        autoContrast
        leftSection={<Eye size={12} aria-hidden />}
        data-testid="console-view-only"
        title={WHY}
      >
        View only
      </Badge>
    </Tooltip>
  );
}
