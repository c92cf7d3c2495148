// One storage's content (ISOs, templates, backups, disk images) with size and date, filterable by type; delete through a plan.
import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Lock, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import type { ContentEntry } from '../../../src-shared/ipc/channels/storage.js';
import { planStorage, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { EmptyState, ErrorState, PageSkeleton } from '../../ui/Page.js';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { usePermission } from '../permissions/usePermission.js';
import { formatBytes } from '../inventory/format.js';
import { useClusterRead } from '../provision/useClusterRead.js';

const TYPES = ['iso', 'vztmpl', 'backup', 'images', 'rootdir'] as const;
const LABEL: Record<string, string> = {
  iso: 'ISO images',
  vztmpl: 'CT templates',
  backup: 'Backups',
  images: 'Disk images',
  rootdir: 'CT volumes',
};

type Col = 'volid' | 'content' | 'format' | 'size' | 'ctime';
const valueOf = (i: ContentEntry, k: Col): string | number => i[k];

export function ContentBrowser({
  profileId,
  node,
  storage,
  content,
  refreshKey,
}: {
  profileId: string;
  node: string;
  storage: string;
  content: readonly string[];
  refreshKey: number;
}) {
  const [type, setType] = useState<(typeof TYPES)[number] | ''>('');
  const { data, error, reload } = useClusterRead(
    'storage.content',
    { profileId, node, storage, ...(type ? { content: type } : {}) },
    `Cannot list ${storage}`,
  );
  const flow = usePlanFlow(profileId, () => reload(), planStorage);
  // without a vmid volume.delete checks Datastore.Allocate: what PVE asks for ISOs and templates (backups decide per owner)
  const canDelete = usePermission('volume.delete', { profileId, storage, node });
  const { sorted, sort, toggle } = useSorted(data?.items ?? [], valueOf, { key: 'volid', desc: false });
  const th = (column: Col, label: string) => (
    <SortTh column={column} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  const deleteReason = (i: ContentEntry): string | undefined =>
    i.protected
      ? 'volume is protected: remove protection first'
      : i.content !== 'backup' && canDelete.state === 'denied'
        ? (canDelete.reason ?? 'not allowed')
        : flow.building
          ? 'a plan is being prepared'
          : undefined;
  return (
    <Paper withBorder p="sm" data-testid="content-browser" data-refresh={refreshKey}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            Content of {storage}
          </Title>
          <Group gap="xs" align="flex-end">
            <NativeSelect
              size="xs"
              label="Show"
              value={type}
              onChange={(e) => setType(e.currentTarget.value as typeof type)}
              data-testid="content-type"
              data={[
                { value: '', label: 'all content' },
                ...TYPES.filter((t) => content.includes(t)).map((t) => ({ value: t, label: LABEL[t] ?? t })),
              ]}
            />
            <Button
              size="xs"
              variant="default"
              leftSection={<RefreshCw size={14} aria-hidden />}
              onClick={reload}
              data-testid="content-reload"
            >
              Reload
            </Button>
          </Group>
        </Group>
        {error ? (
          <ErrorState error={error.error} onRetry={reload} />
        ) : !data ? (
          <PageSkeleton rows={3} />
        ) : data.items.length === 0 ? (
          <EmptyState
            title={type ? `No ${LABEL[type] ?? type} on ${storage}` : `${storage} is empty`}
            hint="Upload an ISO image or template below, download an appliance template, or back up a guest to this storage."
          />
        ) : (
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {th('volid', 'Volume')}
                {th('content', 'Type')}
                {th('format', 'Format')}
                {th('size', 'Size')}
                {th('ctime', 'Date')}
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((i) => (
                <Table.Tr key={i.volid} data-testid="content-row" data-volid={i.volid}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" ff="monospace">
                        {i.volid}
                      </Text>
                      {i.protected && (
                        <Badge
                          size="xs"
                          color="yellow"
                          variant="filled"
                          autoContrast
                          leftSection={<Lock size={10} aria-hidden />}
                        >
                          protected
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{LABEL[i.content] ?? i.content}</Table.Td>
                  <Table.Td>{i.format}</Table.Td>
                  <Table.Td>{formatBytes(i.size)}</Table.Td>
                  <Table.Td>{i.ctime ? <RelativeTime at={i.ctime} /> : '–'}</Table.Td>
                  <Table.Td>
                    {(i.content === 'iso' || i.content === 'vztmpl' || i.content === 'backup') && (
                      <ReasonButton
                        size="xs"
                        color="red"
                        disabled={deleteReason(i)}
                        onClick={() => void flow.start({ kind: 'content.delete', node, volid: i.volid })}
                        testId="content-delete"
                      >
                        Delete…
                      </ReasonButton>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {flow.dialog}
    </Paper>
  );
}
