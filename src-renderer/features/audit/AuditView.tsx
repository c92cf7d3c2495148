// The audit log view: every plan Proxdeck ran (who, cluster, calls, result), newest first, with a JSON-lines export.
import { Badge, Button, Code, Stack, Table, Text } from '@mantine/core';
import { Download, RefreshCw } from 'lucide-react';
import type { AuditEntry } from '../../../src-shared/ipc/channels/audit.js';
import { useContractQuery } from '../../data/useContractQuery.js';
import { request } from '../../request.js';
import { Page } from '../../ui/Page.js';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';

async function download(): Promise<void> {
  const r = await request('audit.export', {}, 'Cannot export the audit log');
  if (!r) return;
  const url = URL.createObjectURL(new Blob([r.content], { type: 'application/jsonl' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = r.filename;
  a.click();
  URL.revokeObjectURL(url);
}

type Col = 'time' | 'identity' | 'cluster' | 'title' | 'result';
const valueOf = (e: AuditEntry, k: Col): string =>
  k === 'cluster' ? e.cluster.name : k === 'result' ? e.result.state : e[k];

const RESULT_COLOR: Record<string, string> = { succeeded: 'green', failed: 'red', partial: 'orange' };

function What({ e }: { e: AuditEntry }) {
  if (e.changes?.length)
    return (
      <Stack gap={2}>
        {e.changes.map((c) => (
          <Text key={c.field} size="xs">
            {c.field}: {c.before ?? '(none)'} → {c.after ?? '(none)'}
          </Text>
        ))}
      </Stack>
    );
  return (
    <Stack gap={2}>
      {e.calls.map((c, i) => (
        <Code key={i}>
          {c.method} {c.path}
        </Code>
      ))}
    </Stack>
  );
}

export function AuditView() {
  const { data, error, refetch } = useContractQuery(
    'audit.list',
    { limit: 500 },
    { profileId: '', scopes: [] },
    'Cannot read the audit log',
  );
  const entries = data?.entries ?? [];
  const { sorted, sort, toggle } = useSorted(entries, valueOf, { key: 'time', desc: true });
  const th = (column: Col, label: string) => (
    <SortTh column={column} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <section className="ops-view" data-testid="audit-view">
      <Page
        title="Audit log"
        description="Every change made through Proxdeck: who, on which cluster, the exact API calls and how it ended."
        actions={
          <>
            <Button
              variant="default"
              size="xs"
              leftSection={<RefreshCw size={14} aria-hidden />}
              onClick={() => void refetch()}
            >
              Reload
            </Button>
            <Button
              variant="default"
              size="xs"
              leftSection={<Download size={14} aria-hidden />}
              onClick={() => void download()}
              data-testid="audit-export"
            >
              Export (JSON lines)
            </Button>
          </>
        }
        loading={!data && !error}
        {...(error ? { error: error.error, onRetry: () => void refetch() } : {})}
        empty={
          entries.length === 0 && {
            title: 'Nothing changed through Proxdeck yet',
            hint: 'Every plan you confirm (and every profile edit or console session) is recorded here with its API calls and result.',
          }
        }
      >
        <Table striped highlightOnHover withTableBorder data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              {th('time', 'Time')}
              {th('identity', 'Who')}
              {th('cluster', 'Cluster')}
              {th('title', 'Change')}
              <Table.Th>Calls</Table.Th>
              {th('result', 'Result')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((e) => (
              <Table.Tr key={`${e.planId}-${e.time}`} data-testid="audit-row">
                <Table.Td>
                  <RelativeTime at={e.time} />
                </Table.Td>
                <Table.Td>{e.identity}</Table.Td>
                <Table.Td>{e.cluster.name}</Table.Td>
                <Table.Td>{e.title}</Table.Td>
                <Table.Td>
                  <What e={e} />
                </Table.Td>
                <Table.Td>
                  <Badge color={RESULT_COLOR[e.result.state] ?? 'gray'} variant="dot">
                    {e.result.state}
                  </Badge>
                  {e.result.error && <Text size="xs">{e.result.error}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Page>
    </section>
  );
}
