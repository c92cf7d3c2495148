// The header bell: a list of recent notifications (also those already closed), newest first.
import {
  ActionIcon,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { Bell, CircleAlert, CircleCheck, Info } from 'lucide-react';
import { useState } from 'react';
import { RelativeTime } from '../time/RelativeTime.js';
import { useNoticeStore, type NoticeKind } from './notify.js';

const ICON: Record<NoticeKind, typeof Bell> = { success: CircleCheck, info: Info, error: CircleAlert };
const COLOR: Record<NoticeKind, string> = { success: 'green', info: 'blue', error: 'red' };

export function NotificationCentre() {
  const recent = useNoticeStore((s) => s.recent);
  const unread = useNoticeStore((s) => s.unread);
  const { markRead, clear } = useNoticeStore.getState();
  const [opened, setOpened] = useState(false);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={380}
      position="bottom-end"
      shadow="md"
      onOpen={markRead}
    >
      <Popover.Target>
        <Tooltip label="Notifications">
          <Indicator disabled={unread === 0} label={unread} size={16} color="red" offset={4}>
            <ActionIcon
              aria-label={unread > 0 ? `Notifications, ${unread} new` : 'Notifications'}
              data-testid="notification-centre"
              onClick={() => {
                setOpened((o) => !o);
                markRead();
              }}
            >
              <Bell size={16} aria-hidden />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown data-testid="notification-list">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            Recent notifications
          </Text>
          <Button variant="subtle" size="compact-xs" onClick={clear} disabled={recent.length === 0}>
            Clear
          </Button>
        </Group>
        {recent.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing yet. Results of changes and errors show up here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {recent.map((n) => {
                const Icon = ICON[n.kind];
                return (
                  <li key={n.id} data-testid="notification-item" data-kind={n.kind}>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Text c={COLOR[n.kind]} component="span" lh={1}>
                        <Icon size={14} aria-label={n.kind} />
                      </Text>
                      <div>
                        <Text size="sm" fw={500}>
                          {n.title}
                        </Text>
                        {n.text && (
                          <Text size="xs" c="dimmed">
                            {n.text}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          <RelativeTime at={n.at} />
                        </Text>
                      </div>
                    </Group>
                  </li>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
