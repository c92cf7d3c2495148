// Tasks view: cluster or node task list with status/type/user/guest filters, the chosen task's live log, node logs and services.
import { Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type { TaskFilter } from '../../../src-shared/ipc/channels/tasks.js';
import { Page } from '../../ui/Page.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { useNodeChoice } from '../storage/useNodeChoice.js';
import { NodeLogs } from './NodeLogs.js';
import { TaskLogViewer } from './TaskLogViewer.js';
import { TasksTable } from './TasksTable.js';

const STATUS = [
  { value: '', label: 'any status' },
  { value: 'running', label: 'running' },
  { value: 'ok', label: 'OK' },
  { value: 'warning', label: 'warnings' },
  { value: 'error', label: 'errors' },
];

export function TasksView() {
  const { clusterId, picker } = useClusterChoice();
  const { node, picker: nodePicker } = useNodeChoice(clusterId, { allowAll: true });
  const [filter, setFilter] = useState<TaskFilter>({});
  const [vmidText, setVmidText] = useState('');
  const [open, setOpen] = useState<string>();
  const { data, error, reload } = useClusterRead(
    'tasks.list',
    clusterId ? { profileId: clusterId, ...(node ? { node } : {}), filter } : undefined,
    'Cannot list tasks',
  );
  const set = (patch: Partial<TaskFilter>): void =>
    setFilter(
      (f) =>
        Object.fromEntries(
          Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== ''),
        ) as TaskFilter,
    );
  const vmidProblem =
    vmidText && !/^\d{3,9}$/.test(vmidText) ? 'a guest ID: 3 to 9 digits, e.g. 101' : undefined;
  const filtered = Object.keys(filter).length > 0;
  return (
    <section className="tasks-view" data-testid="tasks-view">
      <Page
        title="Tasks"
        description="What PVE did and is doing: filter by status, type, user or guest; open a task for its live log."
        actions={
          <>
            {picker}
            {nodePicker}
          </>
        }
        loading={Boolean(clusterId) && !data && !error}
        {...(error ? { error: error.error, onRetry: reload } : {})}
        empty={
          !clusterId
            ? {
                title: 'No cluster connected',
                hint: 'Connect a cluster on the Clusters screen to see its tasks.',
              }
            : data?.tasks.length === 0 && !filtered
              ? {
                  title: 'No tasks yet',
                  hint: 'Tasks appear here when guests are started, backed up or migrated, or when this identity may see them (Sys.Audit on the node).',
                }
              : false
        }
      >
        <Group gap="sm" align="flex-start" wrap="wrap" className="ops-head">
          <NativeSelect
            size="xs"
            label="Status"
            value={filter.status ?? ''}
            onChange={(e) => set({ status: (e.currentTarget.value || undefined) as TaskFilter['status'] })}
            data-testid="task-filter-status"
            data={STATUS}
          />
          <TextInput
            size="xs"
            label="Type"
            placeholder="qmstart"
            value={filter.type ?? ''}
            onChange={(e) => set({ type: e.currentTarget.value || undefined })}
            data-testid="task-filter-type"
          />
          <TextInput
            size="xs"
            label="User"
            placeholder="root@pam"
            value={filter.user ?? ''}
            onChange={(e) => set({ user: e.currentTarget.value || undefined })}
            data-testid="task-filter-user"
          />
          <TextInput
            size="xs"
            label="Guest"
            placeholder="101"
            inputMode="numeric"
            value={vmidText}
            error={vmidProblem}
            onChange={(e) => {
              const text = e.currentTarget.value.trim();
              setVmidText(text);
              set({ vmid: /^\d{3,9}$/.test(text) ? Number(text) : undefined });
            }}
            data-testid="task-filter-vmid"
          />
          <Button
            size="xs"
            mt={22}
            variant="default"
            leftSection={<RefreshCw size={12} aria-hidden />}
            onClick={reload}
            data-testid="tasks-reload"
          >
            Reload
          </Button>
          <Text size="sm" mt={26} c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="tasks-total">
            {data ? `${data.total} tasks` : ''}
          </Text>
        </Group>
        {data && data.tasks.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="tasks-none-match">
            No task matches these filters: clear a filter to see more.
          </Text>
        ) : (
          <TasksTable tasks={data?.tasks ?? []} open={open} onOpen={setOpen} />
        )}
        {clusterId && open && (
          <TaskLogViewer profileId={clusterId} upid={open} onClose={() => setOpen(undefined)} />
        )}
        {clusterId && node && <NodeLogs profileId={clusterId} node={node} />}
      </Page>
    </section>
  );
}
