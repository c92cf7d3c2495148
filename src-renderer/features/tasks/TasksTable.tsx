// The task list as a sortable table: start, node, type, guest, user, duration, status, and a log button per row.
import { Badge, Button, Table } from '@mantine/core';
import { ScrollText } from 'lucide-react';
import type { TaskListEntry } from '../../../src-shared/ipc/channels/tasks.js';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { formatDuration } from '../../ui/time/format-time.js';

type Col = 'start' | 'node' | 'type' | 'guest' | 'user' | 'duration' | 'status';

const STATUS_COLOR: Record<TaskListEntry['statusClass'], string> = {
  running: 'blue',
  ok: 'green',
  warning: 'yellow',
  error: 'red',
};

/** the guest a task is about: PVE puts the vmid in the UPID's id field for guest tasks */
const guestOf = (t: TaskListEntry): string => (/^\d{3,9}$/.test(t.id) ? t.id : '');
const durationOf = (t: TaskListEntry): number | undefined =>
  t.endtime !== undefined ? t.endtime - t.starttime : undefined;

function valueOf(t: TaskListEntry, k: Col): string | number | undefined {
  switch (k) {
    case 'start':
      return t.starttime;
    case 'guest':
      return guestOf(t) ? Number(guestOf(t)) : undefined;
    case 'duration':
      return durationOf(t);
    case 'status':
      return t.statusClass;
    default:
      return t[k];
  }
}

export function TasksTable({
  tasks,
  open,
  onOpen,
}: {
  tasks: readonly TaskListEntry[];
  open: string | undefined;
  onOpen(upid: string): void;
}) {
  const { sorted, sort, toggle } = useSorted(tasks, valueOf, { key: 'start', desc: true });
  const th = (column: Col, label: string) => (
    <SortTh column={column} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <Table striped highlightOnHover withTableBorder className="data-table" data-testid="tasks-table">
      <Table.Thead>
        <Table.Tr>
          {th('start', 'Start')}
          {th('node', 'Node')}
          {th('type', 'Type')}
          {th('guest', 'Guest')}
          {th('user', 'User')}
          {th('duration', 'Duration')}
          {th('status', 'Status')}
          <Table.Th>Log</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((t) => {
          const d = durationOf(t);
          return (
            <Table.Tr
              key={t.upid}
              data-testid="task-row"
              data-upid={t.upid}
              data-status={t.statusClass}
              aria-selected={open === t.upid}
              onClick={() => onOpen(t.upid)}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <RelativeTime at={t.starttime} />
              </Table.Td>
              <Table.Td>{t.node}</Table.Td>
              <Table.Td>{t.type}</Table.Td>
              <Table.Td>{guestOf(t) || t.id}</Table.Td>
              <Table.Td>{t.user}</Table.Td>
              <Table.Td>{d !== undefined ? formatDuration(d) : t.running ? 'running' : '–'}</Table.Td>
              <Table.Td className={`task-${t.statusClass}`}>
                <Badge
                  variant="filled"
                  autoContrast
                  color={STATUS_COLOR[t.statusClass]}
                  styles={{ root: { textTransform: 'none' } }}
                >
                  {t.running ? 'running' : t.status}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<ScrollText size={12} aria-hidden />}
                  aria-label={`Log of ${t.type} ${t.id} on ${t.node}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(t.upid);
                  }}
                  data-testid="task-open-log"
                >
                  Log
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
