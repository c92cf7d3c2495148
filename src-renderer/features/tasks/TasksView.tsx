// Tasks view: cluster or node task list with status/type/user/guest filters, the chosen task's live log, node logs and services.
import { useState } from 'react';
import type { TaskFilter } from '../../../src-shared/ipc/channels/tasks.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { useNodeChoice } from '../storage/useNodeChoice.js';
import { NodeLogs } from './NodeLogs.js';
import { TaskLogViewer } from './TaskLogViewer.js';

const when = (t: number | undefined): string => (t ? new Date(t * 1000).toLocaleString() : '');

export function TasksView() {
  const { clusterId, picker } = useClusterChoice();
  const { node, picker: nodePicker } = useNodeChoice(clusterId, { allowAll: true });
  const [filter, setFilter] = useState<TaskFilter>({});
  const [open, setOpen] = useState<string>();
  const { data, reload } = useClusterRead(
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
  return (
    <section className="tasks-view" data-testid="tasks-view">
      <header className="ops-head">
        {picker}
        {nodePicker}
        <select
          value={filter.status ?? ''}
          onChange={(e) => set({ status: (e.target.value || undefined) as TaskFilter['status'] })}
          data-testid="task-filter-status"
        >
          <option value="">any status</option>
          <option value="running">running</option>
          <option value="ok">OK</option>
          <option value="warning">warnings</option>
          <option value="error">errors</option>
        </select>
        <input
          placeholder="type (qmstart)"
          value={filter.type ?? ''}
          onChange={(e) => set({ type: e.target.value || undefined })}
          data-testid="task-filter-type"
        />
        <input
          placeholder="user"
          value={filter.user ?? ''}
          onChange={(e) => set({ user: e.target.value || undefined })}
          data-testid="task-filter-user"
        />
        <input
          placeholder="guest id"
          inputMode="numeric"
          value={filter.vmid ?? ''}
          onChange={(e) =>
            set({ vmid: /^\d{3,9}$/.test(e.target.value) ? Number(e.target.value) : undefined })
          }
          data-testid="task-filter-vmid"
        />
        <button type="button" onClick={reload} data-testid="tasks-reload">
          Reload
        </button>
        <span data-testid="tasks-total">{data ? `${data.total} tasks` : ''}</span>
      </header>
      <table className="data-table" data-testid="tasks-table">
        <thead>
          <tr>
            <th>Start</th>
            <th>End</th>
            <th>Node</th>
            <th>User</th>
            <th>Type</th>
            <th>ID</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {data?.tasks.map((t) => (
            <tr
              key={t.upid}
              data-testid="task-row"
              data-upid={t.upid}
              data-status={t.statusClass}
              onClick={() => setOpen(t.upid)}
            >
              <td>{when(t.starttime)}</td>
              <td>{when(t.endtime)}</td>
              <td>{t.node}</td>
              <td>{t.user}</td>
              <td>{t.type}</td>
              <td>{t.id}</td>
              <td className={`task-${t.statusClass}`}>{t.running ? 'running' : t.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {clusterId && open && (
        <TaskLogViewer profileId={clusterId} upid={open} onClose={() => setOpen(undefined)} />
      )}
      {clusterId && node && <NodeLogs profileId={clusterId} node={node} />}
    </section>
  );
}
