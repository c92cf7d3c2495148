// The header's health indicator: green/amber/red with the number of problems; opens the problem list and the
// notification switch.
import { Badge, Button, Divider, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { Activity } from 'lucide-react';
import type { Health, Problem } from '../../../src-shared/ipc/channels/alerts.js';
import { useAlertProblems } from '../../data/alerts-reads.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { useAlertsUi } from './alerts-store.js';
import { NotificationsSwitch } from './NotificationsSwitch.js';
import { openAlertTarget } from './open-alert-target.js';
import { useAlertNotifications } from './useAlertNotifications.js';

const COLOR: Record<Health['level'], string> = { green: 'green', amber: 'yellow', red: 'red' };

const label = (h: Health): string =>
  h.count === 0 ? 'All clear' : `${h.count} problem${h.count === 1 ? '' : 's'}`;

function ProblemRow({ p }: { p: Problem }) {
  return (
    <UnstyledButton onClick={() => openAlertTarget(p.target)} data-testid="alert-problem" data-kind={p.kind}>
      <Text size="sm" fw={500} c={p.severity === 'red' ? 'red' : undefined}>
        {p.title}
      </Text>
      <Text size="xs" c="dimmed">
        {p.detail} · since <RelativeTime at={p.since} />
      </Text>
    </UnstyledButton>
  );
}

export function HealthIndicator() {
  useAlertNotifications();
  const { data } = useAlertProblems();
  const open = useAlertsUi((s) => s.listOpen);
  const setOpen = useAlertsUi((s) => s.setListOpen);
  const health = data?.health ?? { level: 'green', count: 0 };
  return (
    <Popover opened={open} onChange={setOpen} width={380} position="bottom-end" shadow="md">
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setOpen(!open)}
          leftSection={<Activity size={14} aria-hidden />}
          // the accessible name starts with the visible count (axe: label-content-name-mismatch)
          aria-label={`${health.count} · health: ${label(health)}`}
          data-testid="health-indicator"
          data-level={health.level}
        >
          <Badge color={COLOR[health.level]} variant="filled" size="sm" data-testid="health-count">
            {health.count}
          </Badge>
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="health-list">
        <Stack gap="xs">
          <Text fw={600}>{label(health)}</Text>
          {data?.problems.length ? (
            data.problems.map((p) => <ProblemRow key={p.key} p={p} />)
          ) : (
            <Text size="sm" c="dimmed">
              No node offline, no HA error, no failed task or backup in the last hour, no storage over 90 %.
            </Text>
          )}
          <Divider />
          <NotificationsSwitch />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
