// One task's log, followed live: main tracks the task and streams tasks.progressed events until it stops.
import { Button, Checkbox, Code, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TaskLogLine } from '../../../src-shared/model/task.js';
import { request } from '../../request.js';
import { useContractEvent } from '../../useContractEvent.js';

export function TaskLogViewer({
  profileId,
  upid,
  onClose,
}: {
  profileId: string;
  upid: string;
  onClose(): void;
}) {
  const [lines, setLines] = useState<TaskLogLine[]>([]);
  const [state, setState] = useState<{ status: 'running' | 'stopped'; exitstatus?: string }>({
    status: 'running',
  });
  const [follow, setFollow] = useState(true);
  useContractEvent('tasks.progressed', (p) => {
    if (p.profileId !== profileId || p.upid !== upid) return;
    if (p.newLines.length > 0)
      setLines((cur) => [...cur, ...p.newLines.filter((l) => l.n > (cur.at(-1)?.n ?? 0))]);
    setState({ status: p.status, ...(p.exitstatus !== undefined ? { exitstatus: p.exitstatus } : {}) });
  });
  useEffect(() => {
    setLines([]);
    void request('tasks.follow', { profileId, upid }, 'Cannot follow the task');
    return () => void request('tasks.unfollow', { profileId, upid });
  }, [profileId, upid]);
  useEffect(() => {
    if (follow) document.querySelector('[data-testid=task-log-end]')?.scrollIntoView({ block: 'end' });
  }, [lines, follow]);
  return (
    <section
      className="task-log"
      data-testid="task-log"
      data-status={state.status}
      data-exitstatus={state.exitstatus ?? ''}
    >
      <Group gap="sm" wrap="nowrap" component="header">
        <Code>{upid}</Code>
        <Text size="sm" fw={600} data-testid="task-log-status">
          {state.status === 'running' ? 'running…' : state.exitstatus}
        </Text>
        <Checkbox
          size="xs"
          label="follow"
          checked={follow}
          onChange={(e) => setFollow(e.currentTarget.checked)}
          data-testid="task-log-follow"
        />
        <Button size="xs" variant="default" onClick={onClose} data-testid="task-log-close">
          Close
        </Button>
      </Group>
      <pre data-testid="task-log-lines">{lines.map((l) => l.t).join('\n')}</pre>
      <span data-testid="task-log-end" />
    </section>
  );
}
